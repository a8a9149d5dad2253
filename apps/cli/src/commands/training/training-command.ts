/**
 * `backtrack training`: the training report of the imported runs (the
 * core's `buildTrainingReport`) as of today or `--as-of`, with the runner's
 * shoe reminders, and — where the saved plan has check-ins — pain against
 * training (`comparePainWithTraining`), saying "not enough data yet" where
 * it is so.
 */
import {
  comparePainWithTraining,
  buildTrainingReport,
  DomainError,
  type PainCheckIn,
  type ShoeSetting,
} from '@backtrack/core';
import { activityStorePath, readActivityStore } from '../../store/activity-store.js';
import type { CliIo } from '../../io/cli-io.js';
import { localOffsetMin, planDate, type IsoDate } from '../../io/dates.js';
import { readState, stateFilePath } from '../../store/plan-state.js';
import { renderTraining, type PainSection, type TrainingOutput } from './render-training.js';
import { createStyle, outputWidth, shouldUseColour } from '../../io/style.js';

/** Options of `backtrack training`, after argument parsing. */
export interface TrainingCommandOptions {
  format: 'text' | 'json';
  /** The last day to include, local time; default today. */
  asOf?: IsoDate | undefined;
  shoes: readonly ShoeSetting[];
}

/** The end of a local calendar day, as an instant. */
function endOfLocalDay(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999);
}

async function painSection(
  io: CliIo,
  activities: Parameters<typeof comparePainWithTraining>[1],
  options: { utcOffsetMin: number; asOf: IsoDate },
): Promise<PainSection> {
  const path = stateFilePath(io.env);
  let state;
  try {
    state = await readState(path);
  } catch (error) {
    return {
      status: 'unavailable',
      checkIns: 0,
      comparisons: [],
      note: `Pain against training is not shown: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (state === undefined) {
    return {
      status: 'no_plan',
      checkIns: 0,
      comparisons: [],
      note: 'No check-ins yet: save a plan (`backtrack plan --answers FILE --save`) and check in each day (`backtrack checkin`); with at least 5 days of each kind, Backtrack compares your pain on different kinds of day.',
    };
  }
  const checkIns: PainCheckIn[] = state.checkIns
    .map((c) => ({
      day: planDate(state.startDate, 1, c.day),
      painAfter: c.painAfter,
      painNextMorning: c.painNextMorning,
    }))
    .filter((c) => c.day <= options.asOf);
  if (checkIns.length === 0) {
    return {
      status: 'no_check_ins',
      checkIns: 0,
      comparisons: [],
      note: 'No check-ins yet for the saved plan: check in each day with `backtrack checkin`; with at least 5 days of each kind, Backtrack compares your pain on different kinds of day.',
    };
  }
  return {
    status: 'compared',
    checkIns: checkIns.length,
    comparisons: comparePainWithTraining(checkIns, activities, {
      utcOffsetMin: options.utcOffsetMin,
    }),
    note: 'These are associations in your own diary, not proof of cause: other things may differ between these days.',
  };
}

/** Runs `backtrack training`; resolves with the exit status. */
export async function trainingCommand(options: TrainingCommandOptions, io: CliIo): Promise<number> {
  const store = await readActivityStore(activityStorePath(io.env));
  if (store.activities.length === 0) {
    throw new DomainError(
      'not_found',
      `no imported activities in ${store.path}: import your runs first with \`backtrack import PATH...\` (FIT, GPX, TCX files, folders, or a Strava export .zip)`,
    );
  }
  const now = io.now?.() ?? new Date();
  const asOf = options.asOf === undefined ? now : endOfLocalDay(options.asOf);
  const utcOffsetMin = localOffsetMin(asOf);
  const report = buildTrainingReport(store.activities, {
    asOf: asOf.toISOString(),
    utcOffsetMin,
    shoes: options.shoes,
  });
  const asOfDate = new Date(asOf.getTime() + utcOffsetMin * 60_000).toISOString().slice(0, 10);
  const output: TrainingOutput = {
    ...report,
    pain: await painSection(io, store.activities, { utcOffsetMin, asOf: asOfDate }),
    store: { path: store.path, activities: store.activities.length },
  };
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    renderTraining(output, {
      style: createStyle({ colour: shouldUseColour(io.stdout, io.env) }),
      width: outputWidth(io.stdout),
    }),
  );
  return 0;
}
