/**
 * Cadence and running dynamics over time: average cadence in steps/min of
 * a recent window against an earlier one, and ground contact time (GCT)
 * balance with its trend. Raising cadence 5–10% lowers hip and knee loading
 * in the lab (Heiderscheit 2011), but no trial shows it treats back pain
 * (the project's shared research notes, §5.8); an uneven GCT balance is a form observation,
 * with an expert-estimate threshold, not a diagnosis.
 */
import { isRun, startMs, type Activity } from './activity.js';
import { mean, slope } from './stats.js';

const DAY_MS = 86_400_000;

/** A value of one run, for charts and trends. */
export interface RunValue {
  activityId: string;
  startTime: string;
  value: number;
}

function runValues(
  activities: readonly Activity[],
  pick: (a: Activity) => number | undefined,
): (RunValue & { ms: number })[] {
  const out: (RunValue & { ms: number })[] = [];
  for (const a of activities) {
    const ms = startMs(a);
    const value = pick(a);
    if (!isRun(a) || ms === undefined || a.startTime === undefined || value === undefined) continue;
    out.push({ activityId: a.id, startTime: a.startTime, value, ms });
  }
  return out.sort((x, y) => x.ms - y.ms);
}

function toRunValue(v: RunValue): RunValue {
  return { activityId: v.activityId, startTime: v.startTime, value: v.value };
}

/** Recent against earlier average of one metric. */
export interface WindowComparison {
  recent: number | null;
  baseline: number | null;
  /** (recent − baseline) / baseline × 100; null when either is missing. */
  changePct: number | null;
  recentRuns: number;
  baselineRuns: number;
}

/** Options for the window comparisons. */
export interface WindowOptions {
  /** End of the recent window (ISO instant). */
  asOf: string;
  /** Length of the recent window, days. Default 28. */
  recentDays?: number;
  /** Length of the earlier window just before it, days. Default 56. */
  baselineDays?: number;
}

function compareWindows(
  values: readonly { ms: number; value: number }[],
  options: WindowOptions,
): WindowComparison {
  const asOf = Date.parse(options.asOf);
  const recentStart = asOf - (options.recentDays ?? 28) * DAY_MS;
  const baselineStart = recentStart - (options.baselineDays ?? 56) * DAY_MS;
  const recent = values.filter((v) => v.ms > recentStart && v.ms <= asOf).map((v) => v.value);
  const base = values
    .filter((v) => v.ms > baselineStart && v.ms <= recentStart)
    .map((v) => v.value);
  const r = recent.length > 0 ? mean(recent) : null;
  const b = base.length > 0 ? mean(base) : null;
  return {
    recent: r,
    baseline: b,
    changePct: r !== null && b !== null && b > 0 ? ((r - b) / b) * 100 : null,
    recentRuns: recent.length,
    baselineRuns: base.length,
  };
}

/** Average cadence (steps/min) of every run that has one, oldest first. */
export function cadenceHistory(activities: readonly Activity[]): RunValue[] {
  return runValues(activities, (a) => a.avgCadenceSpm).map(toRunValue);
}

/** Average cadence of the recent window against the window before it. */
export function cadenceChange(
  activities: readonly Activity[],
  options: WindowOptions,
): WindowComparison {
  return compareWindows(
    runValues(activities, (a) => a.avgCadenceSpm),
    options,
  );
}

/** GCT balance over time. */
export interface GctBalanceTrend {
  /** Per run, % on the left foot, oldest first. */
  points: RunValue[];
  /** Mean of the recent window, % left. */
  recentMeanLeftPct: number | null;
  /** How far the recent mean is from an even 50%, percentage points. */
  recentOffsetFrom50: number | null;
  /** Least-squares slope over all points, percentage points per 30 days. */
  slopePer30Days: number | null;
  recentRuns: number;
}

/** GCT balance per run, the recent mean and its trend. */
export function gctBalanceTrend(
  activities: readonly Activity[],
  options: WindowOptions,
): GctBalanceTrend {
  const values = runValues(activities, (a) => a.dynamics?.gctBalanceLeftPct);
  const cmp = compareWindows(values, options);
  const s = slope(
    values.map((v) => v.ms / (30 * DAY_MS)),
    values.map((v) => v.value),
  );
  return {
    points: values.map(toRunValue),
    recentMeanLeftPct: cmp.recent,
    recentOffsetFrom50: cmp.recent === null ? null : cmp.recent - 50,
    slopePer30Days: Number.isFinite(s) ? s : null,
    recentRuns: cmp.recentRuns,
  };
}
