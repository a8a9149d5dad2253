/**
 * Training load from imported runs: weekly distance and time, week-to-week
 * change, single-run spikes against the longest run of the previous 30 days
 * (Frandsen 2025), and the acute:chronic ratio with its caveats
 * (the project's shared research notes, §5.7).
 */
import { isRun, startMs, type Activity } from './activity.js';
import { dayString, isoWeek, localDayNumber, parseDay, type CalendarOptions } from './time.js';

const DAY_MS = 86_400_000;

/** Runs with a known start, sorted by start. */
export function datedRuns(activities: readonly Activity[]): { activity: Activity; ms: number }[] {
  const out: { activity: Activity; ms: number }[] = [];
  for (const activity of activities) {
    const ms = startMs(activity);
    if (ms !== undefined && isRun(activity)) out.push({ activity, ms });
  }
  return out.sort((a, b) => a.ms - b.ms);
}

/** One ISO week of running. */
export interface WeekTotal {
  /** ISO week label, e.g. `2024-W09`. */
  week: string;
  /** Its Monday, `YYYY-MM-DD` in local time. */
  monday: string;
  distanceM: number;
  /** Sum of elapsed times of the runs whose duration is known, s. */
  durationS: number;
  elevationGainM: number;
  runs: number;
  /** Runs in the week whose duration is unknown (bogus or missing timestamps). */
  runsWithoutDuration: number;
}

/** Weekly totals and what could not be placed in a week. */
export interface WeeklyTotals {
  /** Every week from the first run to the last (or the requested range), empty weeks included. */
  weeks: WeekTotal[];
  /** Runs left out because the file had no trustworthy start time. */
  undatedRuns: number;
}

/** Options for {@link weeklyTotals}. */
export interface WeeklyTotalsOptions extends CalendarOptions {
  /** First and last local day to cover, `YYYY-MM-DD`; default: the span of the runs. */
  from?: string;
  to?: string;
}

/**
 * Weekly running distance and time in ISO weeks (Monday to Sunday, in the
 * runner's local time given by `utcOffsetMin`). Weeks without runs are
 * included with zeros, because a gap is part of the load history.
 */
export function weeklyTotals(
  activities: readonly Activity[],
  options: WeeklyTotalsOptions = {},
): WeeklyTotals {
  const offset = options.utcOffsetMin ?? 0;
  const runs = datedRuns(activities);
  const undatedRuns = activities.filter((a) => isRun(a) && startMs(a) === undefined).length;
  const first = runs[0];
  const last = runs.at(-1);
  const fromDay =
    options.from !== undefined
      ? parseDay(options.from)
      : first
        ? localDayNumber(first.ms, offset)
        : undefined;
  const toDay =
    options.to !== undefined
      ? parseDay(options.to)
      : last
        ? localDayNumber(last.ms, offset)
        : undefined;
  if (fromDay === undefined || toDay === undefined || toDay < fromDay) {
    return { weeks: [], undatedRuns };
  }
  const weeks: WeekTotal[] = [];
  const index = new Map<number, WeekTotal>();
  for (let monday = isoWeek(fromDay).monday; monday <= toDay; monday += 7) {
    const week: WeekTotal = {
      week: isoWeek(monday).label,
      monday: dayString(monday),
      distanceM: 0,
      durationS: 0,
      elevationGainM: 0,
      runs: 0,
      runsWithoutDuration: 0,
    };
    weeks.push(week);
    index.set(monday, week);
  }
  for (const { activity, ms } of runs) {
    const day = localDayNumber(ms, offset);
    if (day < fromDay || day > toDay) continue;
    const week = index.get(isoWeek(day).monday);
    if (!week) continue;
    week.distanceM += activity.distanceM;
    week.elevationGainM += activity.elevationGainM ?? 0;
    week.runs += 1;
    if (activity.durationS === undefined) week.runsWithoutDuration += 1;
    else week.durationS += activity.durationS;
  }
  return { weeks, undatedRuns };
}

/** Change of weekly distance from one week to the next. */
export interface WeekChange {
  week: string;
  distanceM: number;
  previousDistanceM: number;
  /** Percentage change; null when the previous week had no running. */
  changePct: number | null;
}

/**
 * Week-to-week change in distance. Frandsen 2025 found no relationship
 * between the week-to-week ratio and injury, and Buist 2008 found the "10%
 * rule" did not prevent injuries: report it, do not alarm on it.
 */
export function weekToWeekChange(weeks: readonly WeekTotal[]): WeekChange[] {
  const out: WeekChange[] = [];
  for (let i = 1; i < weeks.length; i++) {
    const prev = weeks[i - 1];
    const cur = weeks[i];
    if (!prev || !cur) continue;
    out.push({
      week: cur.week,
      distanceM: cur.distanceM,
      previousDistanceM: prev.distanceM,
      changePct:
        prev.distanceM > 0 ? ((cur.distanceM - prev.distanceM) / prev.distanceM) * 100 : null,
    });
  }
  return out;
}

/** Plain words on what the week-to-week figure can and cannot say. */
export const WEEK_CHANGE_CAVEAT =
  'The week-to-week change is shown for reference only: in a study of 5,205 runners it was not linked to injury (Frandsen 2025), and a trial found that keeping weekly increases under 10% did not prevent injuries (Buist 2008).';

/** The Frandsen 2025 bands for a run longer than the longest of the previous 30 days. */
export type SpikeBand = 'up_10_30' | 'up_30_100' | 'up_100_plus';

/**
 * Hazard rate ratios for overuse injury by spike band, versus runs up to
 * 10% longer than the 30-day longest (Frandsen 2025, cohort of 5,205
 * runners; the project's shared research notes, §5.7).
 */
export const SPIKE_HAZARD_RATIOS: Readonly<Record<SpikeBand, number>> = {
  up_10_30: 1.64,
  up_30_100: 1.52,
  up_100_plus: 2.28,
};

/** A run more than 10% longer than the longest run of the previous 30 days. */
export interface RunSpike {
  activityId: string;
  startTime: string;
  distanceM: number;
  /** The longest run in the 30 days before this one. */
  previousLongestM: number;
  previousLongestId: string;
  /** How much longer, %. */
  increasePct: number;
  band: SpikeBand;
  /** Frandsen 2025 hazard rate ratio for the band. */
  hazardRateRatio: number;
}

/** Options for {@link longRunSpikes}. */
export interface SpikeOptions {
  /** Look-back window, days. Default 30 (Frandsen 2025). */
  windowDays?: number;
  /** Smallest increase that counts, %. Default 10 (Frandsen 2025). */
  minIncreasePct?: number;
}

/** The Frandsen band of an increase over the 30-day longest, or undefined at or under 10%. */
export function spikeBand(increasePct: number, minIncreasePct = 10): SpikeBand | undefined {
  if (!(increasePct > minIncreasePct)) return undefined;
  if (increasePct <= 30) return 'up_10_30';
  if (increasePct <= 100) return 'up_30_100';
  return 'up_100_plus';
}

/**
 * Every run more than 10% longer than the longest run of the previous 30
 * days. Runs with no run in the previous 30 days have no baseline and are
 * not reported (a first run after a break is a different question).
 */
export function longRunSpikes(
  activities: readonly Activity[],
  options: SpikeOptions = {},
): RunSpike[] {
  const windowMs = (options.windowDays ?? 30) * DAY_MS;
  const minPct = options.minIncreasePct ?? 10;
  const runs = datedRuns(activities);
  const spikes: RunSpike[] = [];
  let lo = 0;
  for (let i = 0; i < runs.length; i++) {
    const cur = runs[i];
    if (!cur) continue;
    while (lo < i && (runs[lo]?.ms ?? 0) < cur.ms - windowMs) lo++;
    let longest: Activity | undefined;
    for (let j = lo; j < i; j++) {
      const prev = runs[j]?.activity;
      if (prev && (!longest || prev.distanceM > longest.distanceM)) longest = prev;
    }
    if (!longest || longest.distanceM <= 0 || cur.activity.startTime === undefined) continue;
    const increasePct = ((cur.activity.distanceM - longest.distanceM) / longest.distanceM) * 100;
    const band = spikeBand(increasePct, minPct);
    if (!band) continue;
    spikes.push({
      activityId: cur.activity.id,
      startTime: cur.activity.startTime,
      distanceM: cur.activity.distanceM,
      previousLongestM: longest.distanceM,
      previousLongestId: longest.id,
      increasePct,
      band,
      hazardRateRatio: SPIKE_HAZARD_RATIOS[band],
    });
  }
  return spikes;
}

/** The acute:chronic ratio and the reasons not to trust it much. */
export interface AcuteChronic {
  /** Running distance in the 7 days up to `asOf`, m. */
  acuteM: number;
  /** Weekly average of the 28 days up to `asOf` (acute week included), m. */
  chronicWeeklyM: number;
  /** acute / chronic weekly average (coupled: the acute week is inside the chronic one); null without chronic load. */
  ratio: number | null;
  /** acute / weekly average of the 21 days before the acute week (uncoupled, Lolli 2019); null without that load. */
  uncoupledRatio: number | null;
  /** Always shown with the numbers. */
  caveats: string[];
  sourceIds: string[];
}

/** Why ACWR is reported with caveats and without "zones". */
export const ACWR_CAVEATS: readonly string[] = [
  'The acute:chronic ratio is shown as a description of your recent load, not as a risk score.',
  'The usual ratio is mathematically coupled: this week is part of the 4-week average it is divided by, which can produce spurious links with injury (Lolli 2019). The uncoupled ratio divides by the 3 weeks before instead.',
  'In a re-analysis, neither the ratio nor acute load alone predicted injury much better than chance, and fixed or random "chronic" loads gave similar results (Impellizzeri 2021).',
  'The "sweet spot" (0.8–1.3) and "danger zone" (1.5 and above) come from team sports (Gabbett 2016) and are not validated for runners, so Backtrack does not classify your ratio into zones.',
];

/**
 * Acute (7-day) : chronic (28-day weekly average) running distance up to
 * `asOf`, with the coupled and uncoupled ratios and their caveats.
 */
export function acuteChronicRatio(
  activities: readonly Activity[],
  options: { asOf: string },
): AcuteChronic {
  const asOfMs = Date.parse(options.asOf);
  let acuteM = 0;
  let olderM = 0;
  for (const { activity, ms } of datedRuns(activities)) {
    if (ms > asOfMs || ms <= asOfMs - 28 * DAY_MS) continue;
    if (ms > asOfMs - 7 * DAY_MS) acuteM += activity.distanceM;
    else olderM += activity.distanceM;
  }
  const chronicWeeklyM = (acuteM + olderM) / 4;
  const olderWeeklyM = olderM / 3;
  return {
    acuteM,
    chronicWeeklyM,
    ratio: chronicWeeklyM > 0 ? acuteM / chronicWeeklyM : null,
    uncoupledRatio: olderWeeklyM > 0 ? acuteM / olderWeeklyM : null,
    caveats: [...ACWR_CAVEATS],
    sourceIds: ['impellizzeri-2021', 'lolli-2019', 'gabbett-2016', 'frandsen-2025'],
  };
}
