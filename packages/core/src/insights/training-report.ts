/**
 * The training analytics a runner sees, put together once for every front
 * end (the CLI's `backtrack training`, the API's `GET /api/training`): weekly
 * distance and time, the week-to-week change, the longest run of the last
 * 30 days and the runs more than 10% longer than it, the acute:chronic ratio
 * with its caveats, hill and downhill exposure, cadence, ground-contact
 * balance, distance per shoe with the runner's reminder, and the findings
 * the assessment can use. Pure: the moment and the runner's time zone are
 * arguments.
 */
import { isRun, startMs, type Activity } from '../training/activity.js';
import {
  cadenceChange,
  cadenceHistory,
  gctBalanceTrend,
  type GctBalanceTrend,
  type RunValue,
  type WindowComparison,
} from '../training/dynamics.js';
import {
  answersFromFindings,
  deriveFindings,
  type AnswersFromFindings,
  type Finding,
} from '../training/findings.js';
import { hillExposure, type HillExposure } from '../training/hills.js';
import {
  acuteChronicRatio,
  datedRuns,
  longRunSpikes,
  WEEK_CHANGE_CAVEAT,
  weeklyTotals,
  weekToWeekChange,
  type AcuteChronic,
  type RunSpike,
  type WeekChange,
  type WeekTotal,
} from '../training/load.js';
import {
  SHOE_MILEAGE_CAVEAT,
  shoeMileage,
  type ShoeMileage,
  type ShoeSetting,
} from '../training/shoes.js';
import { dayString, isoWeek, localDayNumber, type CalendarOptions } from '../training/time.js';

const DAY_MS = 86_400_000;

/** Options of {@link buildTrainingReport}. */
export interface TrainingReportOptions extends CalendarOptions {
  /** The moment the report is for (ISO instant); later activities are left out. */
  asOf: string;
  /** Weeks of weekly totals to show, ending with the week of `asOf`. Default 12. */
  weeks?: number;
  /** The runner's shoes and reminder distances. */
  shoes?: readonly ShoeSetting[];
}

/** The longest run in a window. */
export interface LongestRun {
  activityId: string;
  startTime: string;
  distanceM: number;
  name?: string;
}

/** Everything `backtrack training` and `GET /api/training` show. */
export interface TrainingReport {
  asOf: string;
  utcOffsetMin: number;
  activities: {
    /** Activities up to `asOf`, every sport. */
    total: number;
    runs: number;
    /** Runs whose file had no trustworthy start time (left out of the time-based figures). */
    undatedRuns: number;
    /** Activities after `asOf`, left out. */
    afterAsOf: number;
    firstRun: string | null;
    lastRun: string | null;
  };
  weekly: {
    /** ISO weeks (Monday to Sunday, local time), oldest first, empty weeks included. */
    weeks: WeekTotal[];
    /** Each week against the one before. */
    changes: WeekChange[];
    caveat: string;
  };
  /** The longest run of the 30 days up to `asOf`. */
  longestRun30d: LongestRun | null;
  /** Runs in the weekly window more than 10% longer than the longest of the 30 days before each (Frandsen 2025). */
  spikes: RunSpike[];
  acuteChronic: AcuteChronic;
  /** Hills and downhill running over the 28 days up to `asOf`. */
  hills: HillExposure & { days: number };
  cadence: {
    unit: 'steps/min';
    /** Average cadence per run in the weekly window, oldest first. */
    runs: RunValue[];
    /** The last 28 days against the 56 days before. */
    change: WindowComparison;
  };
  /** Ground-contact-time balance; `points` are the runs of the weekly window, the slope is over every run. */
  gctBalance: GctBalanceTrend;
  shoes: { shoes: ShoeMileage[]; caveat: string };
  /** What the runs show, each with its "From your imported runs: …" sentence. */
  findings: Finding[];
  /** The interview answers the findings stand for, with their provenance. */
  answersFromData: AnswersFromFindings;
}

function inWindow(ms: number | undefined, fromMs: number, toMs: number): boolean {
  return ms !== undefined && ms > fromMs && ms <= toMs;
}

/**
 * Builds the training report as of `options.asOf`. Activities after it are
 * ignored; undated runs count towards shoes only.
 */
export function buildTrainingReport(
  activities: readonly Activity[],
  options: TrainingReportOptions,
): TrainingReport {
  const asOfMs = Date.parse(options.asOf);
  if (!Number.isFinite(asOfMs)) throw new RangeError(`asOf is not an instant: ${options.asOf}`);
  const offset = options.utcOffsetMin ?? 0;
  const weeks = Math.max(1, Math.round(options.weeks ?? 12));
  const upTo = activities.filter((a) => {
    const ms = startMs(a);
    return ms === undefined || ms <= asOfMs;
  });
  const runs = datedRuns(upTo);
  const asOfDay = localDayNumber(asOfMs, offset);
  const fromDay = isoWeek(asOfDay).monday - 7 * (weeks - 1);
  // The window's first instant: local midnight of its first Monday.
  const windowFromMs = fromDay * DAY_MS - offset * 60_000 - 1;

  const weekly = weeklyTotals(upTo, {
    utcOffsetMin: offset,
    from: dayString(fromDay),
    to: dayString(asOfDay),
  });

  let longest: LongestRun | null = null;
  for (const { activity, ms } of runs) {
    if (!inWindow(ms, asOfMs - 30 * DAY_MS, asOfMs) || activity.startTime === undefined) continue;
    if (longest === null || activity.distanceM > longest.distanceM) {
      longest = {
        activityId: activity.id,
        startTime: activity.startTime,
        distanceM: activity.distanceM,
        ...(activity.name === undefined ? {} : { name: activity.name }),
      };
    }
  }

  const hills = hillExposure(upTo, {
    from: new Date(asOfMs - 28 * DAY_MS).toISOString(),
    to: new Date(asOfMs + 1).toISOString(),
  });
  const gct = gctBalanceTrend(upTo, { asOf: options.asOf });
  const findings = deriveFindings(activities, {
    asOf: options.asOf,
    utcOffsetMin: offset,
    ...(options.shoes ? { shoes: options.shoes } : {}),
  });

  return {
    asOf: new Date(asOfMs).toISOString(),
    utcOffsetMin: offset,
    activities: {
      total: upTo.length,
      runs: upTo.filter(isRun).length,
      undatedRuns: weekly.undatedRuns,
      afterAsOf: activities.length - upTo.length,
      firstRun: runs[0]?.activity.startTime ?? null,
      lastRun: runs.at(-1)?.activity.startTime ?? null,
    },
    weekly: {
      weeks: weekly.weeks,
      changes: weekToWeekChange(weekly.weeks),
      caveat: WEEK_CHANGE_CAVEAT,
    },
    longestRun30d: longest,
    spikes: longRunSpikes(upTo).filter((s) =>
      inWindow(Date.parse(s.startTime), windowFromMs, asOfMs),
    ),
    acuteChronic: acuteChronicRatio(upTo, { asOf: options.asOf }),
    hills: { ...hills, days: 28 },
    cadence: {
      unit: 'steps/min',
      runs: cadenceHistory(upTo).filter((v) =>
        inWindow(Date.parse(v.startTime), windowFromMs, asOfMs),
      ),
      change: cadenceChange(upTo, { asOf: options.asOf }),
    },
    gctBalance: {
      ...gct,
      points: gct.points.filter((p) => inWindow(Date.parse(p.startTime), windowFromMs, asOfMs)),
    },
    shoes: { shoes: shoeMileage(upTo, options.shoes ?? []), caveat: SHOE_MILEAGE_CAVEAT },
    findings,
    answersFromData: answersFromFindings(findings),
  };
}
