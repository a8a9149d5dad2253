/**
 * `backtrack plan`: assesses an answers file (every answer, as `assess
 * --answers` does), generates the plan with the core, and prints it (text or
 * JSON), writes the PDF handout and the calendar, and saves it for check-ins.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DomainError,
  assess,
  generatePlan,
  ZRunnerProfile,
  type AssessmentResult,
  type KnowledgeBase,
  type PlanOutcome,
  type RunnerProfile,
} from '@backtrack/core';
import type { CliIo } from '../../io/cli-io.js';
import { formatDate, localDate, nextMonday, type IsoDate } from '../../io/dates.js';
import { planToIcs, renderPlanPdf } from '@backtrack/documents';
import { keepPreviousState, readState, stateFilePath, writeState } from '../../store/plan-state.js';
import { describeReadError, readAnswersFile } from '../assess/read-answers-file.js';
import { readProfileFile } from './read-profile-file.js';
import { renderPlanText } from './render-plan.js';
import { createStyle, outputWidth, shouldUseColour } from '../../io/style.js';
import { answersWithTrainingData, type TrainingDataUse } from '../assess/training-data.js';

/** Options of `backtrack plan`, after argument parsing. */
export interface PlanCommandOptions {
  answersFile: string;
  profileFile?: string | undefined;
  format: 'text' | 'json';
  pdfFile?: string | undefined;
  icsFile?: string | undefined;
  /** Day 1 of the plan; default the next Monday. */
  startDate?: IsoDate | undefined;
  save: boolean;
  /** Fill unanswered questions from the imported runs (default on; `--no-training-data` turns it off). */
  trainingData: boolean;
}

/** The plan and everything it was made from. */
export interface PlanRun {
  /** The runner's own answers, as in the answers file. */
  answers: Record<string, unknown>;
  profile: RunnerProfile | undefined;
  result: AssessmentResult;
  outcome: PlanOutcome;
  /** The answers filled in from imported runs, when there were any. */
  trainingData?: TrainingDataUse;
}

/**
 * Assesses an answers file in full and generates the plan; with
 * `trainingData`, the imported runs answer what the file leaves unanswered
 * (for both the assessment and the plan). Throws a `DomainError` for a bad
 * file or a corrupt activity store.
 */
export async function planFromFiles(
  kb: KnowledgeBase,
  files: { answersFile: string; profileFile?: string | undefined },
  options: { cwd: string; trainingData?: { io: CliIo } },
): Promise<PlanRun> {
  const { answers, issues } = await readAnswersFile(kb, files.answersFile, options);
  const profile =
    files.profileFile === undefined ? undefined : await readProfileFile(files.profileFile, options);
  const data = options.trainingData
    ? await answersWithTrainingData(kb, answers, options.trainingData.io, { use: true })
    : { answers, provenance: {} };
  const result = assess(kb, data.answers, issues, { provenance: data.provenance });
  const outcome = generatePlan(kb, result, data.answers, profile ?? {});
  return {
    answers,
    profile,
    result,
    outcome,
    ...(data.trainingData ? { trainingData: data.trainingData } : {}),
  };
}

async function writeOutput(
  path: string,
  content: string | Buffer,
  options: { cwd: string },
): Promise<string> {
  const absolute = resolve(options.cwd, path);
  try {
    await writeFile(absolute, content);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const reason =
      code === 'ENOENT' ? 'its folder does not exist' : describeReadError(error).reason;
    throw new DomainError('invalid_input', `cannot write ${path}: ${reason}`);
  }
  return absolute;
}

/** Runs `backtrack plan`; resolves with the exit status. */
export async function planCommand(
  kb: KnowledgeBase,
  options: PlanCommandOptions,
  io: CliIo,
): Promise<number> {
  const style = createStyle({ colour: shouldUseColour(io.stdout, io.env) });
  const width = outputWidth(io.stdout);
  const today = localDate(io.now?.() ?? new Date());
  const startDate = options.startDate ?? nextMonday(today);
  const run = await planFromFiles(kb, options, {
    cwd: io.cwd,
    ...(options.trainingData ? { trainingData: { io } } : {}),
  });
  const { result, outcome } = run;
  if (result.triage.tier === null) {
    // No plan, no handout, no calendar and nothing saved on an unfinished screen.
    if (options.format === 'json') io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    io.stderr.write(
      `backtrack plan: the warning-sign questions are not finished, so there is no plan. Add answers ("yes", "no" or "unsure") for:\n${result.triage.missing.map((q) => `  ${q.id}: ${q.topic}\n`).join('')}`,
    );
    return 2;
  }
  const unit = run.profile?.units ?? 'km';
  // With --json, stdout holds only the JSON; notes about files go to stderr.
  const notes: string[] = [];

  if (options.pdfFile !== undefined) {
    const handout = await renderPlanPdf({
      result,
      outcome,
      exercises: new Map(kb.exercises.map((e) => [e.id, e])),
      unit,
      startDate,
      madeOn: today,
    });
    await writeOutput(options.pdfFile, handout.pdf, { cwd: io.cwd });
    notes.push(
      `Wrote the ${outcome.kind === 'plan' ? 'plan handout' : 'what-to-do-now handout'} to ${options.pdfFile} (${handout.pageCount} page${handout.pageCount === 1 ? '' : 's'}).`,
    );
  }

  if (options.icsFile !== undefined) {
    if (outcome.kind === 'plan') {
      const categories = new Map(kb.exercises.map((e) => [e.id, e.category]));
      const ics = planToIcs(outcome, {
        startDate,
        unit,
        categoryOf: (id) => categories.get(id),
      });
      await writeOutput(options.icsFile, ics, { cwd: io.cwd });
      const days = outcome.weeks.reduce(
        (n, w) => n + w.days.filter((d) => d.items.length > 0).length,
        0,
      );
      notes.push(
        `Wrote ${days} calendar events, ${formatDate(startDate)} onwards, to ${options.icsFile}.`,
      );
    } else {
      notes.push(`No calendar written to ${options.icsFile}: there is no plan (see above).`);
    }
  }

  if (options.save) {
    if (outcome.kind === 'plan') {
      const path = stateFilePath(io.env);
      // Reading first also refuses to overwrite a corrupt state file.
      const previous = await readState(path);
      const kept = previous === undefined ? undefined : await keepPreviousState(path);
      await writeState(path, {
        version: 1,
        savedAt: (io.now?.() ?? new Date()).toISOString(),
        answers: run.answers,
        profile: run.profile ?? ZRunnerProfile.parse({}),
        startDate,
        plan: outcome,
        checkIns: [],
      });
      notes.push(
        `Saved the plan (day 1: ${formatDate(startDate)}) to ${path}; record each day with \`backtrack checkin\`.` +
          (kept === undefined
            ? ''
            : ` The plan saved before, with its ${previous?.checkIns.length ?? 0} check-ins, was kept in ${kept}.`),
      );
    } else {
      notes.push('Nothing saved: there is no plan to check in against.');
    }
  }

  const wantsText = options.pdfFile === undefined && options.icsFile === undefined;
  if (options.format === 'json') {
    const json = run.trainingData ? { ...outcome, fromImportedRuns: run.trainingData } : outcome;
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    for (const note of notes) io.stderr.write(`${note}\n`);
    return 0;
  }
  if (wantsText || outcome.kind === 'no_plan') {
    io.stdout.write(
      renderPlanText(result, outcome, {
        style,
        width,
        unit,
        startDate,
        ...(run.trainingData ? { trainingData: run.trainingData } : {}),
      }),
    );
    if (notes.length > 0) io.stdout.write('\n');
  }
  for (const note of notes) io.stdout.write(`${note}\n`);
  return 0;
}
