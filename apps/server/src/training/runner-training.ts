/**
 * A runner's imported activities and shoe settings in the core's terms, for
 * the analytics, the pain comparison and the assessment. The series (needed
 * for hill measures) is loaded only for recent activities: the analytics
 * look at most 12 weeks back for hills and form, and everything else works
 * from the summary columns.
 */
import type { Activity, ShoeSetting } from '@backtrack/core';
import type { Repositories } from '@backtrack/db';
import { toCoreActivity } from '../activities/dto.js';

const DAY_MS = 86_400_000;

/** How far before the moment of interest series are loaded, days. */
export const SERIES_DAYS = 120;

/** The runner's activities (oldest first) and shoe settings. */
export interface RunnerTraining {
  activities: Activity[];
  shoes: ShoeSetting[];
}

/** Loads a runner's training, with series for activities from `seriesSince` on. */
export async function loadRunnerTraining(
  repos: Pick<Repositories, 'activities' | 'shoes'>,
  userId: string,
  options: { seriesSince: Date },
): Promise<RunnerTraining> {
  const [rows, shoeRows] = await Promise.all([
    repos.activities.listForAnalysis(userId, options),
    repos.shoes.listForUser(userId),
  ]);
  return {
    activities: rows.map(toCoreActivity),
    shoes: shoeRows.map((s) => ({
      name: s.name,
      ...(s.reminderKm === null ? {} : { reminderKm: s.reminderKm }),
    })),
  };
}

/** `SERIES_DAYS` before `at`. */
export function seriesSinceFor(at: Date): Date {
  return new Date(at.getTime() - SERIES_DAYS * DAY_MS);
}
