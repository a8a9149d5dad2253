/**
 * `backtrack assess`: the interactive interview, or the assessment of an
 * answers file (all answers, or the adaptive interview answered from the
 * file). Thin: parse the input, call the core once, render.
 */
import { assess, runInterview, type AssessmentResult, type KnowledgeBase } from '@backtrack/core';
import type { CliIo } from '../../io/cli-io.js';
import { LineReader } from '../../io/line-reader.js';
import { runInterviewSession } from './interview-session.js';
import { readAnswersFile } from './read-answers-file.js';
import { checkSaveTarget, offerToSave, SAVE_HINT, saveAnswers } from './save-answers.js';
import { renderReport, toJsonReport, type InterviewSummary } from './render-report.js';
import { createStyle, outputWidth, shouldUseColour } from '../../io/style.js';
import {
  answersWithTrainingData,
  trainingDefaults,
  type TrainingDataUse,
} from './training-data.js';

/** Options of `backtrack assess`, after argument parsing. */
export interface AssessCommandOptions {
  /** Path of an answers file; without one the interview runs interactively. */
  answersFile: string | undefined;
  mode: 'adaptive' | 'full';
  format: 'text' | 'json';
  /** Fill unanswered questions from the imported runs (default on; `--no-training-data` turns it off). */
  trainingData: boolean;
  /** Interactive only: write the runner's answers to this file at the end (`--save-answers`). */
  saveAnswers?: string | undefined;
}

/** An assessment and, when an interview produced it, what was asked. */
export interface Assessment {
  result: AssessmentResult;
  interview?: InterviewSummary;
  /** The answers filled in from imported runs, when there were any. */
  trainingData?: TrainingDataUse;
}

/**
 * Assesses the answers in a file. In `full` mode every answer is used; in
 * `adaptive` mode the interview runs and each question it asks is answered
 * from the file (a missing answer counts as skipped). With `trainingData`,
 * the imported runs answer what the file leaves unanswered, and the
 * explanation steps they produce say so. Throws a `DomainError` for an
 * invalid file or a corrupt activity store.
 */
export async function assessAnswersFile(
  kb: KnowledgeBase,
  file: string,
  options: { cwd: string; mode: 'adaptive' | 'full'; trainingData?: { io: CliIo } },
): Promise<Assessment> {
  const { answers: own, issues } = await readAnswersFile(kb, file, { cwd: options.cwd });
  const data = options.trainingData
    ? await answersWithTrainingData(kb, own, options.trainingData.io, { use: true })
    : { answers: own, provenance: {} };
  const used = data.trainingData ? { trainingData: data.trainingData } : {};
  if (options.mode === 'full') {
    return { result: assess(kb, data.answers, issues, { provenance: data.provenance }), ...used };
  }

  const run = runInterview(kb, (question) => data.answers[question.id], { mode: 'adaptive' });
  const asked = new Set(run.questionsAsked);
  // Assessed again with the answers the interview used, so data answers carry their provenance.
  const usedAnswers = Object.fromEntries(
    Object.entries(data.answers).filter(([id]) => asked.has(id)),
  );
  const provenance = Object.fromEntries(
    Object.entries(data.provenance).filter(([id]) => asked.has(id)),
  );
  const result = assess(kb, usedAnswers, [], { provenance });
  const usedData = data.trainingData
    ? {
        trainingData: {
          ...data.trainingData,
          filled: Object.fromEntries(
            Object.entries(data.trainingData.filled).filter(([id]) => asked.has(id)),
          ),
        },
      }
    : {};
  return {
    result: { ...result, issues: [...issues, ...result.issues] },
    interview: {
      questionsAsked: run.questionsAsked,
      endedBecause: run.endedBecause,
      unusedAnswers: Object.keys(own).filter((id) => !asked.has(id)),
    },
    ...usedData,
  };
}

/** Runs `backtrack assess`; resolves with the exit status. */
export async function assessCommand(
  kb: KnowledgeBase,
  options: AssessCommandOptions,
  io: CliIo,
): Promise<number> {
  const style = createStyle({ colour: shouldUseColour(io.stdout, io.env) });
  const width = outputWidth(io.stdout);

  if (options.answersFile === undefined) {
    // Checked before the first question: a file that cannot be saved must not cost an interview.
    const savePath =
      options.saveAnswers === undefined
        ? undefined
        : await checkSaveTarget(options.saveAnswers, io.cwd);
    // Read before the interview: a corrupt store stops it before the first question.
    const data = await trainingDefaults(kb, io, { use: options.trainingData });
    // One reader for the interview and the offer to save after it.
    const reader = new LineReader(io.stdin, io.stdout);
    try {
      const outcome = await runInterviewSession(kb, {
        mode: options.mode,
        input: io.stdin,
        output: io.stdout,
        style,
        reader,
        ...(data ? { defaults: data.defaults } : {}),
      });
      if (outcome.kind === 'cancelled') {
        io.stderr.write('\nbacktrack: interview cancelled; nothing was assessed.\n');
        return 130;
      }
      const used =
        data && Object.keys(outcome.fromImportedRuns).length > 0
          ? {
              trainingData: {
                ...data.use,
                filled: outcome.fromImportedRuns,
                runnerAnswered: outcome.runnerAnswered,
              },
            }
          : {};
      io.stdout.write(
        `\n${renderReport(outcome.result, { style, width, interview: outcome.interview, ...used })}`,
      );
      if (savePath !== undefined) {
        const count = await saveAnswers(savePath, outcome.answers, {
          except: Object.keys(outcome.fromImportedRuns),
        });
        io.stdout.write(
          `\nSaved your ${String(count)} answers to ${options.saveAnswers ?? savePath}. Next: backtrack plan --answers ${options.saveAnswers ?? savePath}\n`,
        );
      } else if (reader.terminal) {
        // Only at a terminal: lines piped in after the interview are not file names.
        await offerToSave(reader, io.stdout, outcome.answers, {
          cwd: io.cwd,
          except: Object.keys(outcome.fromImportedRuns),
        });
      } else {
        io.stdout.write(`\n${SAVE_HINT}\n`);
      }
      return 0;
    } finally {
      reader.close();
    }
  }

  const { result, interview, trainingData } = await assessAnswersFile(kb, options.answersFile, {
    cwd: io.cwd,
    mode: options.mode,
    ...(options.trainingData ? { trainingData: { io } } : {}),
  });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(toJsonReport(result, interview, trainingData), null, 2)}\n`);
  } else {
    io.stdout.write(
      renderReport(result, {
        style,
        width,
        ...(interview ? { interview } : {}),
        ...(trainingData ? { trainingData } : {}),
      }),
    );
  }
  return 0;
}
