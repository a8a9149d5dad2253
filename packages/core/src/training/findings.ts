/**
 * Findings from imported runs that the assessment can use: a recent
 * long-run spike, the change in weekly distance, hill exposure, shoe
 * distance, an uneven ground-contact balance and a change in cadence. Each
 * finding carries its numbers, a plain-language sentence ("From your
 * imported runs: …"), its basis and sources, and the interview answer it
 * stands for, so the engine can rank with data the runner did not have to
 * type. `answersFromFindings` turns them into a partial answers object with
 * provenance.
 */
import type { AnswerValue } from '../assessment/answers.js';
import type { Basis } from '../knowledge/schema.js';
import { MONTH_NAMES } from '../plan/calendar.js';
import { isRun, startMs, type Activity } from './activity.js';
import { cadenceChange, gctBalanceTrend } from './dynamics.js';
import { hillExposure } from './hills.js';
import { datedRuns, longRunSpikes, WEEK_CHANGE_CAVEAT, type RunSpike } from './load.js';
import { SHOE_MILEAGE_CAVEAT, shoeMileage, type ShoeSetting } from './shoes.js';
import { dayString, localDayNumber, type CalendarOptions } from './time.js';

const DAY_MS = 86_400_000;

/** Kinds of finding. */
export const FINDING_IDS = [
  'long_run_spike',
  'no_long_run_spike',
  'weekly_change',
  'weekly_distance',
  'hill_exposure',
  'high_downhill_share',
  'shoe_distance',
  'shoe_past_reminder',
  'stride_imbalance',
  'cadence_change',
] as const;
/** A kind of finding. */
export type FindingId = (typeof FINDING_IDS)[number];

/** The interview answer a finding stands for. */
export interface FindingAnswer {
  /** A question id of `knowledge/questions.ts`. */
  questionId: string;
  value: AnswerValue;
}

/** One thing the imported runs show. */
export interface Finding {
  id: FindingId;
  /** `flag`: worth the runner's attention; `info`: a plain fact from the data. */
  level: 'flag' | 'info';
  /** The numbers behind the sentence, with units in their names. */
  numbers: Record<string, number>;
  /** Plain language, starting "From your imported runs: ". */
  text: string;
  /** Honest limits of the number, when there are some worth saying. */
  caveat?: string;
  /** Absent when no interview question asks this (e.g. cadence change). */
  answer?: FindingAnswer;
  /** Basis of the threshold that produced the finding. */
  basis: Basis;
  sourceIds: string[];
  /** Runs the finding rests on. */
  activityIds: string[];
}

/** Options for {@link deriveFindings}. */
export interface FindingsOptions extends CalendarOptions {
  /** The moment of the assessment (ISO instant); runs after it are ignored. */
  asOf: string;
  /** Look for long-run spikes in this many weeks before `asOf`. Default 6. */
  spikeWeeks?: number;
  /** The runner's shoes and reminder distances. */
  shoes?: readonly ShoeSetting[];
  /** GCT balance outside this range (% left) counts as uneven. Default [49, 51] (expert estimate). */
  gctBalanceRange?: readonly [number, number];
  /** Fewest runs in a window before the data answer a question. Default 3. */
  minRuns?: number;
}

function longDate(iso: string, utcOffsetMin: number): string {
  const day = dayString(localDayNumber(Date.parse(iso), utcOffsetMin));
  const [, m, d] = day.split('-');
  return `${Number(d)} ${MONTH_NAMES[Number(m) - 1] ?? ''}`;
}

const km = (m: number): string => (m / 1000).toFixed(1);
const round1 = (x: number): number => Math.round(x * 10) / 10;
const PREFIX = 'From your imported runs: ';

/** Thresholds of the weekly-change answer, % (Nielsen 2014 bands; "same" band is an expert estimate). */
export function weeklyChangeOption(changePct: number): string {
  if (changePct < -10) return 'less';
  if (changePct <= 3) return 'same';
  if (changePct <= 10) return 'up_small';
  if (changePct <= 30) return 'up_moderate';
  return 'up_large';
}

/** Hill answer from a downhill share and climb per km (expert-estimate thresholds). */
export function hillsOption(downhillShare: number, gainPerKmM: number): 'flat' | 'some' | 'lots' {
  if (
    downhillShare >= HILL_THRESHOLDS.lotsDownhillShare ||
    gainPerKmM >= HILL_THRESHOLDS.lotsGainPerKmM
  ) {
    return 'lots';
  }
  if (
    downhillShare >= HILL_THRESHOLDS.someDownhillShare ||
    gainPerKmM >= HILL_THRESHOLDS.someGainPerKmM
  ) {
    return 'some';
  }
  return 'flat';
}

/**
 * Hill thresholds, Backtrack's own expert estimates: no study defines "lots
 * of hills" for back pain. Downhill = stretches of ≥ 100 m steeper than −2%.
 */
export const HILL_THRESHOLDS = {
  lotsDownhillShare: 0.3,
  lotsGainPerKmM: 20,
  someDownhillShare: 0.12,
  someGainPerKmM: 8,
} as const;

function spikeFindings(
  activities: readonly Activity[],
  options: FindingsOptions,
  asOfMs: number,
): Finding[] {
  const offset = options.utcOffsetMin ?? 0;
  const weeks = options.spikeWeeks ?? 6;
  const from = asOfMs - weeks * 7 * DAY_MS;
  const recent = longRunSpikes(activities).filter((s) => {
    const ms = Date.parse(s.startTime);
    return ms > from && ms <= asOfMs;
  });
  if (recent.length > 0) {
    const worst = recent.reduce<RunSpike>(
      (a, b) => (b.increasePct > a.increasePct ? b : a),
      recent[0] as RunSpike,
    );
    const value = worst.band === 'up_10_30' ? 'up_10_30' : 'up_30_plus';
    return [
      {
        id: 'long_run_spike',
        level: 'flag',
        numbers: {
          increasePct: round1(worst.increasePct),
          distanceM: Math.round(worst.distanceM),
          previousLongestM: Math.round(worst.previousLongestM),
          hazardRateRatio: worst.hazardRateRatio,
          spikes: recent.length,
        },
        text: `${PREFIX}your longest run jumped ${Math.round(worst.increasePct)}% on ${longDate(
          worst.startTime,
          offset,
        )} (${km(worst.distanceM)} km, after a longest of ${km(
          worst.previousLongestM,
        )} km in the 30 days before)${
          recent.length > 1
            ? `; ${recent.length} runs in the last ${weeks} weeks were spikes like this`
            : ''
        }.`,
        caveat:
          'In a study of 5,205 runners, a single run more than 10% longer than the longest of the previous 30 days was linked to more overuse injuries (hazard rate ratio 1.64 for 10–30% longer, 1.52 for 30–100%, 2.28 for more than double; Frandsen 2025). This links injury in general, not back pain specifically.',
        answer: { questionId: 'long_run_spike', value },
        basis: 'study',
        sourceIds: ['frandsen-2025'],
        activityIds: recent.map((s) => s.activityId),
      },
    ];
  }
  const minRuns = options.minRuns ?? 3;
  const runsInWindow = datedRuns(activities).filter(
    (r) => r.ms > from - 30 * DAY_MS && r.ms <= asOfMs,
  );
  if (runsInWindow.length < minRuns * 2) return [];
  return [
    {
      id: 'no_long_run_spike',
      level: 'info',
      numbers: { runs: runsInWindow.length, weeks },
      text: `${PREFIX}none of your ${runsInWindow.length} runs in the last ${weeks} weeks was more than 10% longer than your longest run of the 30 days before it.`,
      answer: { questionId: 'long_run_spike', value: 'no' },
      basis: 'study',
      sourceIds: ['frandsen-2025'],
      activityIds: runsInWindow.map((r) => r.activity.id),
    },
  ];
}

function weeklyFindings(
  activities: readonly Activity[],
  options: FindingsOptions,
  asOfMs: number,
): Finding[] {
  const minRuns = options.minRuns ?? 3;
  const runs = datedRuns(activities).filter((r) => r.ms <= asOfMs);
  const recent = runs.filter((r) => r.ms > asOfMs - 28 * DAY_MS);
  const earlier = runs.filter((r) => r.ms > asOfMs - 56 * DAY_MS && r.ms <= asOfMs - 28 * DAY_MS);
  const out: Finding[] = [];
  if (recent.length >= minRuns) {
    const recentM = recent.reduce((s, r) => s + r.activity.distanceM, 0);
    const weeklyKm = Math.min(300, round1(recentM / 4 / 1000));
    out.push({
      id: 'weekly_distance',
      level: 'info',
      numbers: { weeklyKm, runs: recent.length },
      text: `${PREFIX}you ran ${weeklyKm} km a week on average over the last 4 weeks (${recent.length} runs).`,
      answer: { questionId: 'weekly_km', value: weeklyKm },
      basis: 'study',
      sourceIds: [],
      activityIds: recent.map((r) => r.activity.id),
    });
  }
  const recentM = recent.reduce((s, r) => s + r.activity.distanceM, 0);
  const earlierM = earlier.reduce((s, r) => s + r.activity.distanceM, 0);
  if (recent.length >= minRuns && earlier.length >= minRuns && earlierM > 0) {
    const changePct = ((recentM - earlierM) / earlierM) * 100;
    const value = weeklyChangeOption(changePct);
    const direction = changePct >= 0 ? 'up' : 'down';
    out.push({
      id: 'weekly_change',
      level: value === 'up_large' ? 'flag' : 'info',
      numbers: {
        changePct: round1(changePct),
        recentWeeklyKm: round1(recentM / 4 / 1000),
        earlierWeeklyKm: round1(earlierM / 4 / 1000),
      },
      text: `${PREFIX}your weekly distance over the last 4 weeks (${km(recentM / 4)} km a week) is ${direction} ${Math.abs(
        Math.round(changePct),
      )}% on the 4 weeks before (${km(earlierM / 4)} km a week).`,
      caveat: `${WEEK_CHANGE_CAVEAT} Increases over 30% in two weeks were linked to more distance-related injuries in novices (Nielsen 2014, hazard ratio 1.59, 95% CI 0.96–2.66).`,
      answer: { questionId: 'weekly_change', value },
      basis: 'study',
      sourceIds: ['nielsen-2014', 'frandsen-2025', 'buist-2008'],
      activityIds: [...earlier, ...recent].map((r) => r.activity.id),
    });
  }
  return out;
}

function hillFindings(activities: readonly Activity[], asOfMs: number): Finding[] {
  const exposure = hillExposure(activities, {
    from: new Date(asOfMs - 28 * DAY_MS).toISOString(),
    to: new Date(asOfMs + 1).toISOString(),
  });
  if (exposure.measuredM < 5000 || exposure.downhillShare === null) return [];
  const share = exposure.downhillShare;
  const gainPerKm = exposure.gainPerKmM ?? 0;
  const value = hillsOption(share, gainPerKm);
  const ids = activities
    .filter((a) => {
      const ms = startMs(a);
      return isRun(a) && ms !== undefined && ms > asOfMs - 28 * DAY_MS && ms <= asOfMs;
    })
    .map((a) => a.id);
  return [
    {
      id: value === 'lots' ? 'high_downhill_share' : 'hill_exposure',
      level: value === 'lots' ? 'flag' : 'info',
      numbers: {
        downhillSharePct: round1(share * 100),
        downhillKm: round1(exposure.downhillM / 1000),
        measuredKm: round1(exposure.measuredM / 1000),
        elevationGainPerKmM: round1(gainPerKm),
      },
      text: `${PREFIX}${Math.round(share * 100)}% of your running in the last 4 weeks was downhill (${km(
        exposure.downhillM,
      )} of ${km(exposure.measuredM)} km steeper than −2%), with ${Math.round(gainPerKm)} m of climb per km.`,
      caveat:
        'Running downhill arches the lower back more than running on the flat or uphill (a lab study of 20 runners, Levine 2007), which can matter if arching backwards hurts. The thresholds for "lots of hills" are Backtrack’s own estimates.',
      answer: { questionId: 'hills', value },
      basis: 'expert-estimate',
      sourceIds: ['levine-2007'],
      activityIds: ids,
    },
  ];
}

function shoeFindings(
  activities: readonly Activity[],
  options: FindingsOptions,
  asOfMs: number,
): Finding[] {
  const upToNow = activities.filter((a) => {
    const ms = startMs(a);
    return ms === undefined || ms <= asOfMs;
  });
  const shoes = shoeMileage(upToNow, options.shoes ?? []);
  const recentByShoe = new Map<string, number>();
  for (const r of datedRuns(upToNow)) {
    if (r.ms <= asOfMs - 28 * DAY_MS || r.activity.shoe === undefined) continue;
    recentByShoe.set(
      r.activity.shoe,
      (recentByShoe.get(r.activity.shoe) ?? 0) + r.activity.distanceM,
    );
  }
  const main = [...recentByShoe.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const out: Finding[] = [];
  for (const shoe of shoes) {
    const isMain = shoe.name === main;
    const answer: FindingAnswer | undefined = isMain
      ? { questionId: 'shoe_km', value: Math.min(5000, Math.round(shoe.distanceM / 1000)) }
      : undefined;
    const ids = upToNow.filter((a) => a.shoe === shoe.name).map((a) => a.id);
    if (shoe.pastReminder && shoe.reminderKm !== null && recentByShoe.has(shoe.name)) {
      out.push({
        id: 'shoe_past_reminder',
        level: 'flag',
        numbers: { distanceKm: round1(shoe.distanceM / 1000), reminderKm: shoe.reminderKm },
        text: `${PREFIX}your ${shoe.name} have gone ${Math.round(
          shoe.distanceM / 1000,
        )} km, past the ${shoe.reminderKm} km reminder you set.`,
        caveat: SHOE_MILEAGE_CAVEAT,
        ...(answer ? { answer } : {}),
        basis: 'expert-estimate',
        sourceIds: ['cook-1985', 'kong-2009'],
        activityIds: ids,
      });
    } else if (isMain && answer) {
      out.push({
        id: 'shoe_distance',
        level: 'info',
        numbers: { distanceKm: round1(shoe.distanceM / 1000), runs: shoe.runs },
        text: `${PREFIX}your main shoes lately, ${shoe.name}, have gone ${Math.round(
          shoe.distanceM / 1000,
        )} km over ${shoe.runs} imported runs.`,
        caveat: SHOE_MILEAGE_CAVEAT,
        answer,
        basis: 'expert-estimate',
        sourceIds: ['cook-1985'],
        activityIds: ids,
      });
    }
  }
  return out;
}

function dynamicsFindings(activities: readonly Activity[], options: FindingsOptions): Finding[] {
  const out: Finding[] = [];
  const minRuns = options.minRuns ?? 3;
  const [lo, hi] = options.gctBalanceRange ?? [49, 51];
  const balance = gctBalanceTrend(activities, { asOf: options.asOf });
  const mean = balance.recentMeanLeftPct;
  if (mean !== null && balance.recentRuns >= minRuns && (mean < lo || mean > hi)) {
    const side = mean > 50 ? 'left' : 'right';
    const sidePct = mean > 50 ? mean : 100 - mean;
    const asOfMs = Date.parse(options.asOf);
    out.push({
      id: 'stride_imbalance',
      level: 'flag',
      numbers: {
        gctBalanceLeftPct: round1(mean),
        runs: balance.recentRuns,
        ...(balance.slopePer30Days !== null
          ? { slopePctPer30Days: round1(balance.slopePer30Days) }
          : {}),
      },
      text: `${PREFIX}your feet spent uneven time on the ground: ${sidePct.toFixed(1)}% on the ${side} foot on average over ${balance.recentRuns} runs in the last 4 weeks (an even split is 50%).`,
      caveat: `Backtrack counts a balance outside ${lo}–${hi}% as uneven. That range is an expert estimate, not a validated cut-off, and watch-measured balance differs between sensors.`,
      answer: { questionId: 'form_observations', value: ['uneven_stride'] },
      basis: 'expert-estimate',
      sourceIds: [],
      activityIds: balance.points
        .filter((p) => {
          const ms = Date.parse(p.startTime);
          return ms > asOfMs - 28 * DAY_MS && ms <= asOfMs;
        })
        .map((p) => p.activityId),
    });
  }
  const cadence = cadenceChange(activities, { asOf: options.asOf });
  if (
    cadence.changePct !== null &&
    cadence.recent !== null &&
    cadence.baseline !== null &&
    cadence.recentRuns >= minRuns &&
    cadence.baselineRuns >= minRuns &&
    Math.abs(cadence.changePct) >= 5
  ) {
    out.push({
      id: 'cadence_change',
      level: 'info',
      numbers: {
        recentSpm: round1(cadence.recent),
        baselineSpm: round1(cadence.baseline),
        changePct: round1(cadence.changePct),
      },
      text: `${PREFIX}your cadence changed from ${Math.round(cadence.baseline)} to ${Math.round(
        cadence.recent,
      )} steps a minute (${cadence.changePct > 0 ? '+' : ''}${Math.round(cadence.changePct)}%) over the last 4 weeks compared with the 8 weeks before.`,
      caveat:
        'A 5–10% higher cadence lowers hip and knee loading in the lab (Heiderscheit 2011); no trial shows it treats back pain. A change can also come from different paces or terrain.',
      basis: 'expert-estimate',
      sourceIds: ['heiderscheit-2011'],
      activityIds: [],
    });
  }
  return out;
}

/**
 * Everything the imported runs say that the assessment can use, as of
 * `options.asOf`. Runs after `asOf` are ignored.
 */
export function deriveFindings(
  activities: readonly Activity[],
  options: FindingsOptions,
): Finding[] {
  const asOfMs = Date.parse(options.asOf);
  if (!Number.isFinite(asOfMs)) return [];
  const upToNow = activities.filter((a) => {
    const ms = startMs(a);
    return ms === undefined || ms <= asOfMs;
  });
  return [
    ...spikeFindings(upToNow, options, asOfMs),
    ...weeklyFindings(upToNow, options, asOfMs),
    ...hillFindings(upToNow, asOfMs),
    ...shoeFindings(upToNow, options, asOfMs),
    ...dynamicsFindings(upToNow, options),
  ];
}

/** Where a data-derived answer came from. */
export interface AnswerProvenance {
  source: 'imported_runs';
  findingIds: FindingId[];
  /** The findings' sentences, to show beside the answer. */
  texts: string[];
}

/** A partial answers object from findings, and the provenance of each answer. */
export interface AnswersFromFindings {
  answers: Record<string, AnswerValue>;
  provenance: Record<string, AnswerProvenance>;
  /**
   * Question id → one plain-language statement of where the answer came
   * from, in the shape `assess(kb, answers, issues, { provenance })` takes.
   */
  statements: Record<string, string>;
}

function isList(value: AnswerValue): value is readonly string[] {
  return typeof value === 'object';
}

/**
 * Turns findings into interview answers ("from your imported runs"). Multi
 * choice answers are merged; for a single choice or number the flag wins
 * over an info finding, then the first. The runner's own answers should
 * still win over these: the engine decides.
 */
export function answersFromFindings(findings: readonly Finding[]): AnswersFromFindings {
  const answers: Record<string, AnswerValue> = {};
  const provenance: Record<string, AnswerProvenance> = {};
  const ordered = [...findings].sort((a, b) =>
    a.level === b.level ? 0 : a.level === 'flag' ? -1 : 1,
  );
  for (const f of ordered) {
    if (!f.answer) continue;
    const { questionId, value } = f.answer;
    const existing = answers[questionId];
    const prov = provenance[questionId];
    if (existing === undefined || !prov) {
      answers[questionId] = isList(value) ? [...value] : value;
      provenance[questionId] = { source: 'imported_runs', findingIds: [f.id], texts: [f.text] };
      continue;
    }
    if (isList(existing) && isList(value)) {
      answers[questionId] = [...new Set([...existing, ...value])];
      prov.findingIds.push(f.id);
      prov.texts.push(f.text);
    } else if (existing === value) {
      prov.findingIds.push(f.id);
      prov.texts.push(f.text);
    }
  }
  const statements = Object.fromEntries(
    Object.entries(provenance).map(([q, p]) => [q, p.texts.join(' ')]),
  );
  return { answers, provenance, statements };
}
