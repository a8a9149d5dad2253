/**
 * Outcome measures over time: the numeric pain rating scale (NPRS, pain now
 * 0–10) and the Patient-Specific Functional Scale (PSFS, up to five
 * activities rated 0–10). Pure: validation, scoring, and the change from the
 * first to the latest measure judged against the instrument's cited minimal
 * important change (knowledge base `PAIN_SCALE` and `PSFS`).
 */
import { DomainError } from '../errors.js';
import { PAIN_SCALE, PSFS } from '../knowledge/instruments.js';

/** The instruments Backtrack records. */
export const OUTCOME_INSTRUMENTS = ['nprs', 'psfs'] as const;
/** One instrument id. */
export type OutcomeInstrument = (typeof OUTCOME_INSTRUMENTS)[number];

/** Who records a measure: the runner themself or a clinician of a clinic they share check-ins with. */
export const OUTCOME_RECORDER_ROLES = ['runner', 'clinician'] as const;
/** One recorder role. */
export type OutcomeRecorderRole = (typeof OUTCOME_RECORDER_ROLES)[number];

/** The longest PSFS activity name, in characters. */
export const MAX_ACTIVITY_LENGTH = PSFS.maxActivityLength;

/** One PSFS activity and its rating (0 = unable, 10 = as before the problem). */
export interface PsfsItem {
  activity: string;
  score: number;
}

/** A measure as entered: NPRS with a score, PSFS with its activities. */
export type OutcomeInput =
  { instrument: 'nprs'; score: number } | { instrument: 'psfs'; items: readonly PsfsItem[] };

/** A recorded measure: the score (PSFS: the mean of the activities) and when. */
export interface OutcomeMeasure {
  instrument: OutcomeInstrument;
  score: number;
  items: PsfsItem[] | null;
  /** ISO 8601 instant. */
  recordedAt: string;
}

/** Each instrument in words. */
export const OUTCOME_INSTRUMENT_NAMES: Record<OutcomeInstrument, string> = {
  nprs: PAIN_SCALE.name,
  psfs: PSFS.name,
};

function isRating(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

/**
 * Checks a measure and returns it scored (PSFS: activity names trimmed, the
 * mean rounded to one decimal); throws `invalid_input` naming the field.
 */
export function scoreOutcome(input: OutcomeInput): { score: number; items: PsfsItem[] | null } {
  if (input.instrument === 'nprs') {
    if (!isRating(input.score, PAIN_SCALE.min, PAIN_SCALE.max))
      throw new DomainError(
        'invalid_input',
        `score: pain must be a whole number from ${String(PAIN_SCALE.min)} to ${String(PAIN_SCALE.max)}.`,
      );
    return { score: input.score, items: null };
  }
  const { items } = input;
  if (items.length < PSFS.minActivities || items.length > PSFS.maxActivities)
    throw new DomainError(
      'invalid_input',
      `items: name ${String(PSFS.minActivities)} to ${String(PSFS.maxActivities)} activities.`,
    );
  const seen = new Set<string>();
  const out: PsfsItem[] = items.map((item, i) => {
    const activity = item.activity.trim();
    if (activity.length === 0 || activity.length > MAX_ACTIVITY_LENGTH)
      throw new DomainError(
        'invalid_input',
        `items.${String(i)}.activity: name the activity in 1 to ${String(MAX_ACTIVITY_LENGTH)} characters.`,
      );
    if (seen.has(activity.toLowerCase()))
      throw new DomainError(
        'invalid_input',
        `items.${String(i)}.activity: "${activity}" is named twice.`,
      );
    seen.add(activity.toLowerCase());
    if (!isRating(item.score, PSFS.min, PSFS.max))
      throw new DomainError(
        'invalid_input',
        `items.${String(i)}.score: a whole number from ${String(PSFS.min)} to ${String(PSFS.max)}.`,
      );
    return { activity, score: item.score };
  });
  const mean = out.reduce((sum, item) => sum + item.score, 0) / out.length;
  return { score: Math.round(mean * 10) / 10, items: out };
}

/** The change from the first to the latest measure of one instrument. */
export interface OutcomeChange {
  from: number;
  to: number;
  /** `to − from` in points (rounded to one decimal). */
  points: number;
  direction: 'better' | 'worse' | 'unchanged';
  /** The minimal important change in points, and its sources. */
  minimalImportantChange: number;
  sources: readonly string[];
  /** Whether the change is at least the minimal important change. */
  important: boolean;
  /** The change in words, judged against the minimal important change. */
  text: string;
}

/** One instrument's measures over time and their change. */
export interface OutcomeSeries {
  instrument: OutcomeInstrument;
  name: string;
  /** Oldest first. */
  measures: OutcomeMeasure[];
  /** Null with fewer than two measures. */
  change: OutcomeChange | null;
}

const RULES: Record<
  OutcomeInstrument,
  { betterIs: 'lower' | 'higher'; mic: number; sources: readonly string[]; what: string }
> = {
  nprs: {
    betterIs: 'lower',
    mic: PAIN_SCALE.minimalImportantChange,
    sources: PAIN_SCALE.sources,
    what: 'Pain',
  },
  psfs: {
    betterIs: 'higher',
    mic: PSFS.minimalImportantChange,
    sources: PSFS.sources,
    what: 'Function (PSFS mean)',
  },
};

function pointsWord(n: number): string {
  return `${String(n)} ${n === 1 ? 'point' : 'points'}`;
}

/** Judges the change between two scores of an instrument against its minimal important change. */
export function judgeOutcomeChange(
  instrument: OutcomeInstrument,
  from: number,
  to: number,
): OutcomeChange {
  const rule = RULES[instrument];
  const points = Math.round((to - from) * 10) / 10;
  const size = Math.abs(points);
  const direction: OutcomeChange['direction'] =
    points === 0 ? 'unchanged' : points < 0 === (rule.betterIs === 'lower') ? 'better' : 'worse';
  const important = direction !== 'unchanged' && size >= rule.mic;
  const mic = `${String(rule.mic)}-point`;
  const text =
    direction === 'unchanged'
      ? `${rule.what} unchanged at ${String(to)}.`
      : `${rule.what} ${direction === 'better' ? 'improved' : 'worsened'} by ${pointsWord(size)} (from ${String(from)} to ${String(to)}): ${
          important
            ? `at least the ${mic} change that matters to patients.`
            : `less than the ${mic} change that matters to patients.`
        }`;
  return {
    from,
    to,
    points,
    direction,
    minimalImportantChange: rule.mic,
    sources: rule.sources,
    important,
    text,
  };
}

/**
 * The measures grouped by instrument (NPRS, then PSFS; only instruments
 * with measures), oldest first, each with the change from the first to the
 * latest measure.
 */
export function outcomeSeries(measures: readonly OutcomeMeasure[]): OutcomeSeries[] {
  const out: OutcomeSeries[] = [];
  for (const instrument of OUTCOME_INSTRUMENTS) {
    const own = measures
      .filter((m) => m.instrument === instrument)
      .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
    const first = own[0];
    const last = own.at(-1);
    if (!first || !last) continue;
    out.push({
      instrument,
      name: OUTCOME_INSTRUMENT_NAMES[instrument],
      measures: own,
      change: own.length < 2 ? null : judgeOutcomeChange(instrument, first.score, last.score),
    });
  }
  return out;
}
