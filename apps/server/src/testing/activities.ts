/** Activities for API tests: activity files to upload, and runs stored directly for the training tests. */
import { buffer } from 'node:stream/consumers';
import type { Activity } from '@backtrack/core';
import { createRepositories } from '@backtrack/db';
import { syntheticGpx } from '@backtrack/importers';
import { ZipFile } from 'yazl';
import { toNewActivityRow } from '../activities/dto.js';
import type { TestApp } from './test-app.js';

const DAY_MS = 86_400_000;

/** A GPX run of `minutes` starting at `start`. */
export function gpxRun(start: Date, minutes: number, seed = 1): string {
  return syntheticGpx({ start, durationS: minutes * 60, seed, stepS: 5 });
}

/** A zip of `files` (name → content), in memory. */
export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(files)) {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data) : Buffer.from(data), name);
  }
  zip.end();
  return new Uint8Array(await buffer(zip.outputStream));
}

let counter = 0;

/** A run of `km` at `start`, with a steep downhill series when `hilly`. */
export function storedRun(
  start: Date,
  km: number,
  extra: Partial<Activity> & { hilly?: boolean } = {},
): Activity {
  counter += 1;
  const { hilly, ...rest } = extra;
  const points = [];
  if (hilly) {
    for (let d = 0; d <= km * 1000; d += 50) {
      points.push({ timeS: d * 0.33, distanceM: d, altitudeM: 800 - d / 20 });
    }
  }
  return {
    id: `seeded-${String(counter).padStart(6, '0')}`,
    source: 'fit',
    sport: 'running',
    startTime: start.toISOString(),
    durationS: km * 330,
    distanceM: km * 1000,
    laps: [],
    ...(hilly ? { series: { intervalS: 10, points } } : {}),
    warnings: [],
    ...rest,
  };
}

/**
 * Eight weeks before `now`: three 12 km hilly runs a week in "Pegasus 40",
 * then an 18 km run five days before `now` (a spike over the 30-day longest).
 */
export function hillyHistory(now: Date): Activity[] {
  const runs: Activity[] = [];
  for (let week = 8; week >= 1; week--) {
    for (const day of [0, 2, 4]) {
      const start = new Date(now.getTime() - (week * 7 - day) * DAY_MS - 3 * 3600_000);
      runs.push(storedRun(start, 12, { shoe: 'Pegasus 40', hilly: true }));
    }
  }
  runs.push(
    storedRun(new Date(now.getTime() - 5 * DAY_MS), 18, {
      shoe: 'Pegasus 40',
      name: 'Long Sunday',
      hilly: true,
    }),
  );
  return runs;
}

/** Stores activities for a user straight into the database (as an import would). */
export async function seedActivities(
  t: TestApp,
  userId: string,
  activities: readonly Activity[],
): Promise<void> {
  await createRepositories(t.database.db).activities.insertMany(
    activities.map((a) => toNewActivityRow(userId, a)),
    t.clock.now(),
  );
}
