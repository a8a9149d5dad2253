/**
 * Shaping the training report for the Training page: weekly distance joined
 * with diary pain, plain-language summaries for the charts' descriptions,
 * and the small formats the page uses (durations, file sizes, upload
 * percentages, long-run spikes). Distances arrive in metres and are shown
 * in the runner's unit only here, at the edge.
 */
import { formatShortDate, toIsoDate } from '../../shared/lib/dates.js';
import { formatDistance, type DistanceUnit } from '../../shared/lib/units.js';

const DAY_MS = 86_400_000;

function utcDay(iso: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : undefined;
}

/** The Monday (`YYYY-MM-DD`) of the ISO week a date falls in; undefined for a bad date. */
export function mondayOf(date: string): string | undefined {
  const day = utcDay(date);
  if (day === undefined) return undefined;
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar date (`YYYY-MM-DD`) of an ISO instant, in the browser's time zone. */
export function localDate(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant.slice(0, 10) : toIsoDate(d);
}

/** A short date for an ISO instant: "Mon 3 Mar". */
export function formatRunDate(instant: string): string {
  return formatShortDate(localDate(instant));
}

/** One week of the training report, as the API sends it. */
export interface WeekInput {
  week: string;
  monday: string;
  distanceM: number;
  durationS: number;
  runs: number;
}

/** One day of the pain diary. */
export interface PainDayInput {
  date: string;
  painNextMorning?: number | null;
}

/**
 * One diary across several plans: next-morning pain by date, where two plans
 * have a check-in on the same date the newer plan's (later `createdAt`)
 * counts. Sorted by date.
 */
export function mergePainDiaries(
  plans: readonly {
    createdAt: string;
    points: readonly { date: string; painNextMorning: number }[];
  }[],
): PainDayInput[] {
  const byDate = new Map<string, PainDayInput>();
  const oldestFirst = [...plans].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const plan of oldestFirst) {
    for (const p of plan.points) {
      byDate.set(p.date, { date: p.date, painNextMorning: p.painNextMorning });
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** A week of running with the diary's next-morning pain of that week. */
export interface WeekLoadRow {
  week: string;
  monday: string;
  distanceKm: number;
  durationS: number;
  runs: number;
  /** Mean next-morning pain (0–10) of the week's check-ins; null without any. */
  pain: number | null;
  /** Check-ins with a next-morning score in the week. */
  painDays: number;
}

/**
 * Joins weekly distance with the mean next-morning pain of the check-ins in
 * each ISO week (Monday to Sunday). Check-ins outside the weeks are ignored;
 * scores outside 0–10 are ignored.
 */
export function weeklyLoadRows(
  weeks: readonly WeekInput[],
  painDays: readonly PainDayInput[],
): WeekLoadRow[] {
  const byMonday = new Map<string, number[]>();
  for (const p of painDays) {
    const score = p.painNextMorning;
    if (score === undefined || score === null || !(score >= 0 && score <= 10)) continue;
    const monday = mondayOf(p.date);
    if (monday === undefined) continue;
    const list = byMonday.get(monday) ?? [];
    list.push(score);
    byMonday.set(monday, list);
  }
  return weeks.map((w) => {
    const scores = byMonday.get(w.monday) ?? [];
    return {
      week: w.week,
      monday: w.monday,
      distanceKm: w.distanceM / 1000,
      durationS: w.durationS,
      runs: w.runs,
      pain: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      painDays: scores.length,
    };
  });
}

const oneDecimal = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** The weekly chart in a few sentences, for its `<desc>` and screen readers. */
export function describeWeeklyLoad(rows: readonly WeekLoadRow[], unit: DistanceUnit): string {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return 'No weeks to show yet.';
  const total = rows.reduce((s, r) => s + r.distanceKm, 0);
  const runs = rows.reduce((s, r) => s + r.runs, 0);
  const peak = rows.reduce((a, b) => (b.distanceKm > a.distanceKm ? b : a), first);
  const span = `${rows.length} week${rows.length === 1 ? '' : 's'} from ${formatShortDate(first.monday)} to the week of ${formatShortDate(last.monday)}`;
  const distance =
    runs === 0
      ? 'no runs.'
      : `${formatDistance(total, unit)} in ${runs} run${runs === 1 ? '' : 's'}; the biggest week was ${formatDistance(peak.distanceKm, unit)} (week of ${formatShortDate(peak.monday)}).`;
  const painWeeks = rows.filter((r) => r.pain !== null);
  let pain = ' No next-morning pain recorded in these weeks.';
  if (painWeeks.length > 0) {
    const values = painWeeks.map((r) => r.pain ?? 0);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    pain = ` Next-morning pain recorded in ${painWeeks.length} of the weeks, averaging ${
      lo === hi ? oneDecimal(lo) : `${oneDecimal(lo)} to ${oneDecimal(hi)}`
    } out of 10.`;
  }
  return `${span}: ${distance}${pain}`;
}

/** A value of one run over time (cadence, ground-contact balance). */
export interface RunValueInput {
  startTime: string;
  value: number;
}

/** A series of run values in a sentence: how many, when, the range and the latest. */
export function describeRunValues(
  points: readonly RunValueInput[],
  format: (value: number) => string,
): string {
  if (points.length === 0) return 'No runs with this measure yet.';
  const sorted = [...points].sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return 'No runs with this measure yet.';
  const values = sorted.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (sorted.length === 1)
    return `One run, on ${formatRunDate(first.startTime)}: ${format(first.value)}.`;
  return `${sorted.length} runs from ${formatRunDate(first.startTime)} to ${formatRunDate(last.startTime)}: from ${format(lo)} to ${format(hi)}; the latest ${format(last.value)}.`;
}

/** A duration for people: "47 min", "2 h 24 min", "–" when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return '–';
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** A file size: "850 B", "12 KB", "3.4 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (!(bytes >= 0)) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whole percent uploaded; 0 while the total is unknown, never over 100. */
export function uploadPercent(loaded: number, total: number): number {
  if (!(total > 0) || !(loaded >= 0)) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

/** A signed percentage: "+12%", "−8%", "0%". */
export function formatSignedPercent(pct: number): string {
  const rounded = Math.round(pct);
  if (rounded === 0) return '0%';
  return rounded > 0 ? `+${rounded}%` : `−${Math.abs(rounded)}%`;
}

/** A long-run spike as the API sends it (core `RunSpike`). */
export interface SpikeInput {
  startTime: string;
  distanceM: number;
  previousLongestM: number;
  increasePct: number;
  hazardRateRatio: number;
  band: string;
}

const BAND_WORDS: Record<string, string> = {
  up_10_30: '10–30% longer',
  up_30_100: '30–100% longer',
  up_100_plus: 'more than twice as long',
};

/** A spike in one sentence with its numbers and what the cohort found (Frandsen 2025). */
export function describeSpike(spike: SpikeInput, unit: DistanceUnit): string {
  const band = BAND_WORDS[spike.band] ?? 'longer';
  return `${formatRunDate(spike.startTime)}: ${formatDistance(spike.distanceM / 1000, unit)}, ${Math.round(
    spike.increasePct,
  )}% longer than your longest run of the 30 days before (${formatDistance(
    spike.previousLongestM / 1000,
    unit,
  )}). In a study of 5,205 runners, runs ${band} than the 30-day longest went with ${spike.hazardRateRatio.toFixed(
    2,
  )} times the rate of overuse injury (Frandsen 2025).`;
}
