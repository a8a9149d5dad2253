/**
 * Builders of small activities for the training tests (not exported from
 * the package).
 */
import type { Activity, SeriesPoint } from './activity.js';

let counter = 0;

/** A run on `day` (`YYYY-MM-DD`, 07:00 UTC unless `time` is given) of `km` kilometres. */
export function run(
  day: string,
  km: number,
  extra: Partial<Activity> & { time?: string } = {},
): Activity {
  counter += 1;
  const { time, ...rest } = extra;
  return {
    id: `test-${String(counter).padStart(6, '0')}`,
    source: 'fit',
    sport: 'running',
    startTime: `${day}T${time ?? '07:00:00'}.000Z`,
    durationS: km * 330,
    distanceM: km * 1000,
    laps: [],
    warnings: [],
    ...rest,
  };
}

/** A series along `km` kilometres at one point per 50 m with the given altitude profile. */
export function seriesAlong(km: number, altitudeAt: (d: number) => number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let d = 0; d <= km * 1000; d += 50) {
    points.push({ timeS: d / 3, distanceM: d, altitudeM: altitudeAt(d) });
  }
  return points;
}
