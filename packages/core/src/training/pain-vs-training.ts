/**
 * Pain against training, from the runner's own diary: pain after runs with
 * and without hills, in each pair of shoes against the others, after
 * long-run spikes against other runs, and next-morning pain after run days
 * against rest days. Each comparison is a difference in mean pain (0–10)
 * with a Welch 95% confidence interval and Hedges' g, or "not enough data
 * yet" while a group has fewer than 5 days. These are associations in one
 * person's diary, not proof of cause.
 */
import { isRun, startMs, type Activity } from './activity.js';
import { hillProfile } from './hills.js';
import { longRunSpikes } from './load.js';
import { mean, welchDifference } from './stats.js';
import { localDayNumber, parseDay, type CalendarOptions } from './time.js';

/** One day of the pain diary. */
export interface PainCheckIn {
  /** Local day, `YYYY-MM-DD`. */
  day: string;
  /** Pain in the hours after running (or that evening), 0–10. */
  painAfter?: number;
  /** Pain on waking the next morning, 0–10. */
  painNextMorning?: number;
}

/** Which pain score a comparison uses. */
export type PainOutcome = 'pain_after' | 'pain_next_morning';

/** One group of days in a comparison. */
export interface PainGroup {
  label: string;
  n: number;
  /** Mean pain, 0–10; null for an empty group. */
  meanPain: number | null;
}

/** One comparison of pain between two kinds of day. */
export interface PainComparison {
  /** e.g. `hills`, `shoe:Pegasus 38`, `spike`, `run_vs_rest`. */
  id: string;
  outcome: PainOutcome;
  a: PainGroup;
  b: PainGroup;
  status: 'estimated' | 'not_enough_data';
  /** mean(a) − mean(b), points on the 0–10 scale. */
  difference?: number;
  ci95?: [number, number];
  hedgesG?: number;
  text: string;
}

/** Options for {@link comparePainWithTraining}. */
export interface PainVsTrainingOptions extends CalendarOptions {
  /** Fewest days per group before estimating. Default 5. */
  minPerGroup?: number;
  /** A run is hilly when its downhill share reaches this. Default 0.2 (expert estimate). */
  hillyDownhillShare?: number;
  /** …or its climb per km reaches this, m. Default 15 (expert estimate). */
  hillyGainPerKmM?: number;
}

interface RunDay {
  day: number;
  hilly: boolean;
  shoes: Set<string>;
  spike: boolean;
}

const OUTCOME_WORDS: Record<PainOutcome, string> = {
  pain_after: 'Pain after',
  pain_next_morning: 'Next-morning pain after',
};

function fmt(x: number): string {
  return x.toFixed(1);
}

function compare(
  id: string,
  outcome: PainOutcome,
  labels: { a: string; b: string },
  a: readonly number[],
  b: readonly number[],
  minPerGroup: number,
): PainComparison {
  const groupA: PainGroup = { label: labels.a, n: a.length, meanPain: a.length ? mean(a) : null };
  const groupB: PainGroup = { label: labels.b, n: b.length, meanPain: b.length ? mean(b) : null };
  const diff =
    a.length >= minPerGroup && b.length >= minPerGroup ? welchDifference(a, b) : undefined;
  if (!diff || groupA.meanPain === null || groupB.meanPain === null) {
    return {
      id,
      outcome,
      a: groupA,
      b: groupB,
      status: 'not_enough_data',
      text: `Not enough data yet to compare ${labels.a} with ${labels.b}: ${a.length} and ${b.length} days with a pain score; at least ${minPerGroup} of each are needed.`,
    };
  }
  const [lo, hi] = diff.ci95;
  const d = diff.difference;
  const direction = Math.abs(d) < 0.05 ? 'no different' : d > 0 ? 'higher' : 'lower';
  const certainty =
    lo > 0 || hi < 0
      ? 'The interval does not include zero, but this is one person’s diary: other things may differ between these days.'
      : 'The interval includes zero, so the diary cannot yet tell these apart.';
  return {
    id,
    outcome,
    a: groupA,
    b: groupB,
    status: 'estimated',
    difference: d,
    ci95: [lo, hi],
    hedgesG: diff.hedgesG,
    text: `${OUTCOME_WORDS[outcome]} ${labels.a} averaged ${fmt(groupA.meanPain)}/10, against ${fmt(
      groupB.meanPain,
    )}/10 after ${labels.b}: ${Math.abs(d).toFixed(1)} points ${direction} (95% CI ${fmt(lo)} to ${fmt(
      hi,
    )}; ${a.length} and ${b.length} days). ${certainty}`,
  };
}

function collectRunDays(
  activities: readonly Activity[],
  options: PainVsTrainingOptions,
): Map<number, RunDay> {
  const offset = options.utcOffsetMin ?? 0;
  const hillyShare = options.hillyDownhillShare ?? 0.2;
  const hillyGain = options.hillyGainPerKmM ?? 15;
  const spikeIds = new Set(longRunSpikes(activities).map((s) => s.activityId));
  const days = new Map<number, RunDay>();
  for (const a of activities) {
    const ms = startMs(a);
    if (!isRun(a) || ms === undefined) continue;
    const day = localDayNumber(ms, offset);
    const rd = days.get(day) ?? { day, hilly: false, shoes: new Set<string>(), spike: false };
    const profile = hillProfile(a);
    const gainPerKm = a.distanceM > 0 ? (a.elevationGainM ?? 0) / (a.distanceM / 1000) : 0;
    if ((profile.downhillShare ?? 0) >= hillyShare || gainPerKm >= hillyGain) rd.hilly = true;
    if (a.shoe !== undefined) rd.shoes.add(a.shoe);
    if (spikeIds.has(a.id)) rd.spike = true;
    days.set(day, rd);
  }
  return days;
}

/**
 * Compares diary pain between kinds of day. Pain after is compared across
 * run days only; next-morning pain is compared across run days and between
 * run days and rest days. A check-in counts for the runs of its own day.
 */
export function comparePainWithTraining(
  checkIns: readonly PainCheckIn[],
  activities: readonly Activity[],
  options: PainVsTrainingOptions = {},
): PainComparison[] {
  const minPerGroup = options.minPerGroup ?? 5;
  const runDays = collectRunDays(activities, options);
  const byDay = new Map<number, PainCheckIn>();
  for (const c of checkIns) {
    const n = parseDay(c.day);
    if (n !== undefined) byDay.set(n, c);
  }
  const valid = (x: number | undefined): x is number => x !== undefined && x >= 0 && x <= 10;
  const out: PainComparison[] = [];
  const outcomes: { outcome: PainOutcome; pick: (c: PainCheckIn) => number | undefined }[] = [
    { outcome: 'pain_after', pick: (c) => c.painAfter },
    { outcome: 'pain_next_morning', pick: (c) => c.painNextMorning },
  ];
  const shoeNames = [...new Set([...runDays.values()].flatMap((d) => [...d.shoes]))].sort();
  for (const { outcome, pick } of outcomes) {
    const runScores: { rd: RunDay; score: number }[] = [];
    const restScores: number[] = [];
    for (const [day, c] of byDay) {
      const score = pick(c);
      if (!valid(score)) continue;
      const rd = runDays.get(day);
      if (rd) runScores.push({ rd, score });
      else restScores.push(score);
    }
    const split = (test: (rd: RunDay) => boolean): [number[], number[]] => [
      runScores.filter((r) => test(r.rd)).map((r) => r.score),
      runScores.filter((r) => !test(r.rd)).map((r) => r.score),
    ];
    const [hilly, flat] = split((rd) => rd.hilly);
    out.push(
      compare('hills', outcome, { a: 'hilly runs', b: 'flatter runs' }, hilly, flat, minPerGroup),
    );
    const [spike, normal] = split((rd) => rd.spike);
    out.push(
      compare(
        'spike',
        outcome,
        { a: 'runs over 10% longer than your 30-day longest', b: 'other runs' },
        spike,
        normal,
        minPerGroup,
      ),
    );
    for (const shoe of shoeNames) {
      const [inShoe, other] = split((rd) => rd.shoes.has(shoe));
      out.push(
        compare(
          `shoe:${shoe}`,
          outcome,
          { a: `runs in ${shoe}`, b: 'runs in other shoes' },
          inShoe,
          other,
          minPerGroup,
        ),
      );
    }
    if (outcome === 'pain_next_morning') {
      out.push(
        compare(
          'run_vs_rest',
          outcome,
          { a: 'run days', b: 'rest days' },
          runScores.map((r) => r.score),
          restScores,
          minPerGroup,
        ),
      );
    }
  }
  return out;
}
