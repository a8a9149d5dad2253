/**
 * The last check before an activity leaves the importer: it must pass the
 * core's own `ZActivity` schema, with its dates inside the core's
 * `DATE_RANGE`. What a damaged file got wrong in an optional part (a lap's
 * negative duration, a series point's negative distance, an average heart
 * rate of 0) is left out with a warning; an activity whose required parts
 * are wrong is not emitted at all.
 */
import { DATE_RANGE, ZActivity, type Activity } from '@backtrack/core';

/** An activity that passes the core's schema, or why it could not be made to. */
export type CheckedActivity<A extends Activity> = { activity: A } | { error: string };

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `bag` without `key`. */
function without(bag: Bag, key: string): Bag {
  return Object.fromEntries(Object.entries(bag).filter(([k]) => k !== key));
}

/** The fields the schema requires: without them there is no activity. */
const REQUIRED = new Set(['id', 'source', 'sport', 'distanceM', 'laps', 'warnings']);

function inRange(iso: unknown): boolean {
  if (typeof iso !== 'string') return true;
  const day = iso.slice(0, 10);
  return day >= DATE_RANGE.min && day <= DATE_RANGE.max;
}

/** Deletes the part `path` points at (a field, a lap, a point); false when it is required. */
function leaveOut(activity: Bag, path: readonly PropertyKey[]): string | undefined {
  const [top, second, third, fourth] = path;
  if (typeof top !== 'string') return undefined;
  if (top === 'laps' && typeof second === 'number') {
    const laps = activity.laps as unknown[];
    const lap = laps[second];
    if (typeof third === 'string' && isBag(lap)) {
      laps[second] = without(lap, third);
      return `lap ${String(second + 1)} ${third}`;
    }
    activity.laps = laps.filter((_, i) => i !== second);
    return `lap ${String(second + 1)}`;
  }
  if (top === 'series') {
    const series = activity.series;
    if (second === 'points' && typeof third === 'number' && typeof fourth === 'string') {
      if (isBag(series) && Array.isArray(series.points)) {
        const points = [...(series.points as unknown[])];
        const point = points[third];
        if (isBag(point)) {
          points[third] = without(point, fourth);
          activity.series = { ...series, points };
          return `series ${fourth}`;
        }
      }
    }
    delete activity.series;
    return 'series';
  }
  if (top === 'dynamics' && typeof second === 'string' && isBag(activity.dynamics)) {
    activity.dynamics = without(activity.dynamics, second);
    return second;
  }
  if (REQUIRED.has(top)) return undefined;
  Reflect.deleteProperty(activity, top);
  return top;
}

/**
 * Checks an activity against the core's schema and date range, leaving out
 * the optional parts that fail with a warning naming them. The activity's
 * extra fields (the importer's own flags) are kept.
 */
export function checkActivity<A extends Activity>(input: A): CheckedActivity<A> {
  const activity: Bag = { ...input, laps: [...input.laps], warnings: [...input.warnings] };
  const leftOut = new Set<string>();
  if (!inRange(activity.startTime)) {
    delete activity.startTime;
    leftOut.add('startTime');
  }
  activity.laps = (activity.laps as unknown[]).map((lap) => {
    if (!isBag(lap) || inRange(lap.startTime)) return lap;
    const copy = { ...lap };
    delete copy.startTime;
    leftOut.add('lap startTime');
    return copy;
  });
  // Each round removes at least one failing part; a few rounds reach a valid activity or a required field.
  for (let round = 0; round < 5; round++) {
    const parsed = ZActivity.safeParse(activity);
    if (parsed.success) {
      if (leftOut.size > 0) {
        (activity.warnings as string[]).push(
          `The file had impossible values; left out: ${[...leftOut].join(', ')}.`,
        );
      }
      return { activity: activity as A };
    }
    for (const issue of parsed.error.issues) {
      const what = leaveOut(activity, issue.path);
      if (what === undefined) {
        const where = issue.path.map(String).join('.') || 'activity';
        return { error: `an activity in the file is not valid (${where}: ${issue.message})` };
      }
      leftOut.add(what);
    }
  }
  return { error: 'an activity in the file is not valid' };
}
