/**
 * `backtrack assess`: the interactive interview, or the assessment of an
 * answers file (all answers, or the adaptive interview answered from the
 * file). Thin: parse the input, call the core once, render.
 */
import { assess, runInterview, type AssessmentResult, type KnowledgeBase } from '@backtrack/core';
import type { CliIo } from './cli-io.js';
import { runInterviewSession } from './interview-session.js';
import { readAnswersFile } from './read-answers-file.js';
import { renderReport, toJsonReport, type InterviewSummary } from './render-report.js';
import { createStyle, outputWidth, shouldUseColour } from './style.js';

/** Options of `backtrack assess`, after argument parsing. */
export interface AssessCommandOptions {
  /** Path of an answers file; without one the interview runs interactively. */
  answersFile: string | undefined;
  mode: 'adaptive' | 'full';
  format: 'text' | 'json';
}

/** An assessment and, when an interview produced it, what was asked. */
export interface Assessment {
  result: AssessmentResult;
  interview?: InterviewSummary;
}

/**
 * Assesses the answers in a file. In `full` mode every answer is used; in
 * `adaptive` mode the interview runs and each question it asks is answered
 * from the file (a missing answer counts as skipped). Throws a `DomainError`
 * for an invalid file.
 */
export async function assessAnswersFile(
  kb: KnowledgeBase,
  file: string,
  options: { cwd: string; mode: 'adaptive' | 'full' },
): Promise<Assessment> {
  const { answers, issues } = await readAnswersFile(kb, file, { cwd: options.cwd });
  if (options.mode === 'full') return { result: assess(kb, answers, issues) };

  const run = runInterview(kb, (question) => answers[question.id], { mode: 'adaptive' });
  const asked = new Set(run.questionsAsked);
  return {
    result: { ...run.result, issues: [...issues, ...run.result.issues] },
    interview: {
      questionsAsked: run.questionsAsked,
      endedBecause: run.endedBecause,
      unusedAnswers: Object.keys(answers).filter((id) => !asked.has(id)),
    },
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
    const outcome = await runInterviewSession(kb, {
      mode: options.mode,
      input: io.stdin,
      output: io.stdout,
      style,
    });
    if (outcome.kind === 'cancelled') {
      io.stderr.write('\nbacktrack: interview cancelled; nothing was assessed.\n');
      return 130;
    }
    io.stdout.write(
      `\n${renderReport(outcome.result, { style, width, interview: outcome.interview })}`,
    );
    return 0;
  }

  const { result, interview } = await assessAnswersFile(kb, options.answersFile, {
    cwd: io.cwd,
    mode: options.mode,
  });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(toJsonReport(result, interview), null, 2)}\n`);
  } else {
    io.stdout.write(
      renderReport(result, interview ? { style, width, interview } : { style, width }),
    );
  }
  return 0;
}
