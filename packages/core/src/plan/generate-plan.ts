/**
 * The plan generator: from an assessment (and an optional runner profile) to
 * a multi-week plan of exercises, runs and walks, each item linked to the
 * contributor it addresses. Triage gates it: no plan for `emergency` or
 * `urgent_doctor`; a conservative plan with the advice to book for
 * `see_clinician`; no running while bone stress is suspected. Pure.
 */
import type { AssessmentResult } from '../assessment/assess.js';
import type { Answers } from '../assessment/answers.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { NO_PLAN_REASON } from '../assessment/report-view.js';
import { PLAN_RULES } from '../knowledge/plan-rules.js';
import { LOAD_LIMITS, RETURN_TO_RUN, type RunningRule } from '../knowledge/running-rules.js';
import type { ContributorId } from '../knowledge/schema.js';
import type { Exercise } from '../knowledge/exercises/schema.js';
import { startingDose } from './session.js';
import {
  ZRunnerProfile,
  type PlanDose,
  type PlanBasis,
  type PlanDay,
  type PlanItem,
  type PlanMissing,
  type PlanOutcome,
  type PlanTarget,
  type PlanWeek,
  type RunnerProfileInput,
  type RunningMode,
} from './types.js';

/** Options of the generator. */
export interface PlanOptions {
  /** Number of weeks (default 6). */
  weeks?: number;
}

/** A contributor counts as suspected from this probability on (knowledge base: `suspectedProbability`). */
export const SUSPECTED = PLAN_RULES.suspectedProbability.value;
/** At most this many contributors are targeted. */
const MAX_TARGETS = 4;
/** At most this many exercises in the programme. */
const MAX_EXERCISES = 7;
/** Lowest and highest adaptation levels (knowledge base: `levelRange`). */
export const LEVEL_MIN = PLAN_RULES.levelRange.value[0];
export const LEVEL_MAX = PLAN_RULES.levelRange.value[1];
/**
 * Highest level of a return-to-run plan: level 0 (and below) is the walking
 * week before walk/run starts, levels 1–6 are the walk/run phases.
 */
export const RETURN_TO_RUN_LEVEL_MAX = RETURN_TO_RUN.phases.length;

/** The highest level a plan's running mode allows. */
export function levelMaxFor(mode: RunningMode): number {
  return mode === 'return_to_run' ? RETURN_TO_RUN_LEVEL_MAX : LEVEL_MAX;
}

/**
 * The level the schedule plans for `week` before any check-in: the settling
 * weeks at 0, then one step up a week, holding every third week. In a
 * return-to-run plan the first week is the walking week (level 0) and each
 * later week plans the next walk/run phase, which only starts when the
 * check-ins meet the start criteria (`replayPlan`). Knowledge base:
 * `settleWeeks`, `holdEveryNthWeek`.
 */
export function scheduledLevel(mode: RunningMode, week: number): number {
  if (mode === 'return_to_run') return Math.min(RETURN_TO_RUN_LEVEL_MAX, Math.max(0, week - 1));
  const k = week - PLAN_RULES.settleWeeks.value;
  if (k <= 0) return 0;
  return Math.min(LEVEL_MAX, k - Math.floor(k / PLAN_RULES.holdEveryNthWeek.value));
}

/** When to stop and get help, shown in every plan. */
export const WHEN_TO_SEEK_HELP = [
  'Go to an emergency department at once if you get numbness around the bottom or genitals, a new change in bladder or bowel control, weakness or numbness in both legs, or a fever with the back pain.',
  'See a doctor within a few days if hopping or standing on one leg becomes painful, the pain wakes you at night whatever position you lie in, a leg becomes weak, or you lose weight without trying.',
  'Book a physiotherapist if the pain is not clearly better after two to three weeks of the plan, keeps getting worse, or next-morning pain keeps rising.',
];

/** Days of the week on which to put `n` sessions, spread out. */
export function spreadDays(n: number): PlanDay['day'][] {
  const patterns: PlanDay['day'][][] = [
    [],
    [3],
    [2, 5],
    [1, 3, 5],
    [1, 3, 5, 7],
    [1, 2, 4, 5, 7],
    [1, 2, 3, 4, 5, 6],
    [1, 2, 3, 4, 5, 6, 7],
  ];
  return patterns[Math.max(0, Math.min(7, Math.round(n)))] ?? [];
}

const clamp = (value: number, [min, max]: readonly [number, number]) =>
  Math.min(max, Math.max(min, value));
const round1 = (km: number) => Math.round(km * 10) / 10;

/** The dose variables, in the order they are stepped (knowledge base: `doseStep`). */
const DOSE_VARIABLES = ['sets', 'reps', 'holdSeconds', 'minutes'] as const;
type DoseVariable = (typeof DOSE_VARIABLES)[number];
const DOSE_STEP: Readonly<Record<DoseVariable, number>> = {
  sets: PLAN_RULES.doseStep.value[0],
  reps: PLAN_RULES.doseStep.value[1],
  holdSeconds: PLAN_RULES.doseStep.value[2],
  minutes: PLAN_RULES.doseStep.value[3],
};

/**
 * One step of a dose up (`direction` 1) or down (-1): exactly one variable
 * changes, the first in turn (starting at `turn`) that can still move within
 * its bounds. No variable can move: the dose is returned unchanged.
 */
function stepDose(exercise: Exercise, dose: PlanDose, direction: 1 | -1, turn: number): PlanDose {
  const bounds = exercise.dose.bounds;
  for (let i = 0; i < DOSE_VARIABLES.length; i++) {
    const variable = DOSE_VARIABLES[(turn + i) % DOSE_VARIABLES.length] ?? 'sets';
    const value = dose[variable];
    const range = bounds[variable];
    if (value === undefined || range === undefined) continue;
    const next = clamp(value + direction * DOSE_STEP[variable], range);
    if (next !== value) return { ...dose, [variable]: next };
  }
  return dose;
}

/**
 * The dose of an exercise at a load level, always within the knowledge
 * base's bounds. Level 0 is the library's default dose; each level up or down
 * changes one variable only (sets, then reps, then hold, then minutes, in
 * turn), so two neighbouring levels never differ in more than one.
 */
export function doseAtLevel(exercise: Exercise, level: number): PlanDose {
  let out = startingDose(exercise);
  const steps = Math.abs(Math.trunc(level));
  for (let i = 0; i < steps; i++) out = stepDose(exercise, out, level > 0 ? 1 : -1, i);
  return out;
}

/** The exercise to use at a level: the regression when stepped back, the progression once well ahead. */
export function exerciseAtLevel(
  library: ReadonlyMap<string, Exercise>,
  id: string,
  level: number,
): Exercise {
  const base = library.get(id);
  if (!base) throw new Error(`unknown exercise ${id}`);
  if (level <= -2 && base.regression) return library.get(base.regression) ?? base;
  if (level >= 3 && base.progression) return library.get(base.progression) ?? base;
  return base;
}

function isBoneStressSuspected(result: AssessmentResult): boolean {
  const bone = result.contributors.find((c) => c.id === 'bone_stress');
  return (
    (bone?.probability ?? 0) >= PLAN_RULES.boneStressSuspectedProbability.value ||
    result.triage.serious.some(
      (s) => s === 'bone_stress_injury' || s === 'femoral_neck_stress_fracture',
    ) ||
    // Triage rules that suspect bone stress without a red flag: a young runner's
    // pain on arching back, and groin or front-of-hip pain.
    result.triage.reasons.some(
      (r) => r.id === 'young_extension_pain' || r.id === 'groin_hip_pattern',
    )
  );
}

function chooseTargets(result: AssessmentResult): PlanTarget[] {
  const ranked = result.contributors.filter(
    (c) => c.id !== 'nonspecific' && c.id !== 'bone_stress',
  );
  const suspected = ranked.filter((c) => c.probability >= SUSPECTED).slice(0, MAX_TARGETS);
  const chosen = suspected.length >= 2 ? suspected : ranked.slice(0, 2);
  const general = result.contributors.find((c) => c.id === 'nonspecific');
  return [...chosen, ...(general ? [general] : [])].map((c) => ({
    id: c.id,
    name: c.name,
    probability: c.probability,
  }));
}

function chooseExercises(
  library: readonly Exercise[],
  targets: PlanTarget[],
  avoid: ReadonlySet<ContributorId>,
  equipment: ReadonlySet<string>,
  noImpact: boolean,
): Exercise[] {
  const usable = library.filter(
    (e) =>
      !e.avoidWhen.some((c) => avoid.has(c)) &&
      e.equipment.every((q) => equipment.has(q)) &&
      e.category !== 'aerobic' &&
      !(noImpact && e.avoidWhen.includes('bone_stress')),
  );
  const chosen: Exercise[] = [];
  // Round-robin over targets so every weak link gets its exercises, most likely first.
  for (let round = 0; round < 3 && chosen.length < MAX_EXERCISES; round++) {
    for (const t of targets) {
      if (chosen.length >= MAX_EXERCISES) break;
      const next = usable.find((e) => e.targets.includes(t.id) && !chosen.includes(e));
      if (next && (round < 2 || t.id !== 'nonspecific')) chosen.push(next);
    }
  }
  return chosen;
}

function runningModeFor(result: AssessmentResult, answers: Answers): RunningMode {
  if (isBoneStressSuspected(result)) return 'no_running';
  const pain = typeof answers.pain_now === 'number' ? answers.pain_now : 0;
  if (answers.run_pattern === 'not_running' || answers.run_pattern === 'all_the_time' || pain >= 6)
    return 'return_to_run';
  return 'running';
}

function pickRules(
  rules: readonly RunningRule[],
  targets: ReadonlySet<ContributorId>,
  mode: RunningMode,
): RunningRule[] {
  return rules.filter((r) => {
    if (
      mode === 'no_running' &&
      (r.category === 'form' || r.category === 'cadence' || r.category === 'hills')
    )
      return false;
    return r.targets.length === 0 || r.targets.some((t) => targets.has(t));
  });
}

const targetsOf = (
  item: { targets: ContributorId[] },
  allowed: ReadonlySet<ContributorId>,
  fallback: ContributorId,
) => {
  const kept = item.targets.filter((t) => allowed.has(t));
  return kept.length > 0 ? kept : [fallback];
};

/** Options of `buildWeek`. */
export interface BuildWeekOptions {
  /** Running has stopped after a safety stop (`replayPlan`): cross-training replaces it. */
  runningStopped?: boolean;
}

/** What to choose from when cross-training replaces running. */
const CROSS_TRAIN_ACTIVITIES = [
  'cycling (outdoors or on an indoor bike)',
  'swimming',
  'pool running',
];

/**
 * Builds one week of a plan at a load level. Used by the generator and by
 * adaptation, so a rebuilt week follows exactly the same rules.
 * `previousLongestKm` is the longest run so far (null when unknown: then the
 * week's distance is spread evenly, with no longer run).
 */
export function buildWeek(
  library: ReadonlyMap<string, Exercise>,
  basis: PlanBasis,
  targets: readonly PlanTarget[],
  week: number,
  level: number,
  previousLongestKm: number | null,
  options: BuildWeekOptions = {},
): PlanWeek {
  const allowed = new Set(targets.map((t) => t.id));
  const general: ContributorId = allowed.has('nonspecific')
    ? 'nonspecific'
    : (targets[0]?.id ?? 'nonspecific');
  const days: PlanDay[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, items: [] }));
  const put = (day: PlanDay['day'], item: PlanItem) => days[day - 1]?.items.push(item);

  const used = new Set<string>();
  for (const id of basis.exerciseIds) {
    // A regression or progression already in the programme would appear twice; keep the base exercise then.
    const shifted = exerciseAtLevel(library, id, level);
    const exercise =
      shifted.id !== id && (basis.exerciseIds.includes(shifted.id) || used.has(shifted.id))
        ? exerciseAtLevel(library, id, 0)
        : shifted;
    used.add(exercise.id);
    const perWeek = clamp(exercise.dose.timesPerWeek, exercise.dose.bounds.timesPerWeek);
    const exTargets = targetsOf({ targets: exercise.targets }, allowed, general);
    const names = exTargets.map((t) => targets.find((x) => x.id === t)?.name ?? t).join(', ');
    for (const day of spreadDays(perWeek)) {
      put(day, {
        kind: 'exercise',
        exerciseId: exercise.id,
        name: exercise.name,
        dose: doseAtLevel(exercise, level),
        targets: exTargets,
        reason: `Works on: ${names}.`,
      });
    }
  }

  let runKm = 0;
  let readinessWeek = false;
  const loadTarget: ContributorId = allowed.has('training_load_error')
    ? 'training_load_error'
    : general;
  const runDays = spreadDays(basis.runningDaysPerWeek).map(
    (d) => (d === 1 ? 2 : d) as PlanDay['day'],
  );
  // A runner who runs but must not now (bone stress suspected, or a safety stop) cross-trains instead.
  const crossTrain =
    basis.runningDaysPerWeek > 0 && (options.runningStopped || basis.runningMode === 'no_running');
  if (crossTrain) {
    const minutes = PLAN_RULES.crossTrainMinutes.value[basis.conservative ? 0 : 1];
    for (const day of spreadDays(Math.min(3, basis.runningDaysPerWeek))) {
      put(day, {
        kind: 'cross_train',
        minutes,
        activities: CROSS_TRAIN_ACTIVITIES,
        targets: [general],
        reason: options.runningStopped
          ? 'Running is paused after your check-ins; easy cycling, swimming or pool running keeps your fitness without running load. Stop if it hurts.'
          : 'Running is paused while a bone stress injury is possible; cycling, swimming or pool running keep your fitness without impact. It must be pain-free: if it hurts, stop and see a doctor.',
      });
    }
  } else if (
    basis.runningMode === 'running' &&
    runDays.length > 0 &&
    basis.baseWeeklyKm !== null &&
    basis.baseWeeklyKm > 0
  ) {
    // One running variable moves with the level: the weekly distance. Days and effort stay.
    const weekly = basis.baseWeeklyKm * (1 + LOAD_LIMITS.weeklyIncreaseSoft * level);
    const even = weekly / runDays.length;
    let longKm = even;
    let otherKm = even;
    if (previousLongestKm !== null) {
      const longCap = previousLongestKm * (1 + LOAD_LIMITS.longRunSpikeMax);
      longKm = runDays.length > 1 ? Math.min(longCap, weekly * 0.35) : Math.min(longCap, weekly);
      otherKm =
        runDays.length > 1 ? Math.min(longCap, (weekly - longKm) / (runDays.length - 1)) : 0;
    }
    const hasLong = previousLongestKm !== null && runDays.length > 1;
    runDays.forEach((day, i) => {
      const long = hasLong && i === runDays.length - 1;
      const km = round1(long || runDays.length === 1 ? longKm : otherKm);
      if (km <= 0) return;
      runKm += km;
      put(day, {
        kind: 'run',
        distanceKm: km,
        effort: 'easy',
        flatOnly: basis.flatOnly,
        long,
        targets: [loadTarget],
        reason: long
          ? `Longest run of the week, kept within ${LOAD_LIMITS.longRunSpikeMax * 100}% of your recent longest (${round1(previousLongestKm ?? 0)} km).`
          : 'Easy running keeps you fit while the weak links are worked on.',
      });
    });
  } else if (basis.runningMode === 'return_to_run') {
    // Level 0 and below: the walking week; walk/run starts at level 1 (phase 1).
    const phase =
      level >= 1 ? RETURN_TO_RUN.phases[Math.min(level, RETURN_TO_RUN_LEVEL_MAX) - 1] : undefined;
    if (phase) {
      for (const day of spreadDays(Math.min(3, Math.max(2, basis.runningDaysPerWeek)))) {
        put(day, {
          kind: 'run_walk',
          phase: phase.phase,
          walkMinutes: phase.walkMinutes,
          runMinutes: phase.runMinutes,
          repeats: phase.repeats,
          targets: [loadTarget],
          reason: `Return-to-run phase ${phase.phase}: move on after ${RETURN_TO_RUN.sessionsPerPhaseMin} sessions without more pain during, after or next morning.`,
        });
      }
    } else {
      readinessWeek = true;
    }
  }

  for (const day of days) {
    if (
      !day.items.some((i) => i.kind === 'run' || i.kind === 'run_walk' || i.kind === 'cross_train')
    ) {
      put(day.day, {
        kind: 'walk',
        // The walking week is where a pain-free 30-minute walk is shown, so its walks are 30 minutes.
        minutes: basis.conservative && !readinessWeek ? 20 : 30,
        targets: [general],
        reason: readinessWeek
          ? 'Walking week before walk/run: walk/run starts once a brisk 30-minute walk is pain-free.'
          : 'Staying active speeds recovery; a brisk walk keeps the back moving without running load.',
      });
    }
  }

  const phase: PlanWeek['phase'] = week <= 2 ? 'settle' : week <= 4 ? 'build' : 'progress';
  const focus = options.runningStopped
    ? 'Running is paused after your check-ins: exercises, walking and cross-training only, until a clinician has seen you and you have answered the warning-sign questions again.'
    : readinessWeek
      ? `Walking week: walk/run starts only when all of these are true: ${RETURN_TO_RUN.startCriteria.map((c) => c.text.charAt(0).toLowerCase() + c.text.slice(1)).join('; ')}.`
      : phase === 'settle'
        ? 'Settle the pain and learn the exercises.'
        : phase === 'build'
          ? 'Build strength and mobility; running stays easy.'
          : 'Progress the exercises and return to normal running.';
  return { week, phase, level, focus, days, runKm: round1(runKm) };
}

/** The longest planned run of a week, or null when the week has none. */
export function longestRunOf(week: PlanWeek): number | null {
  const runs = week.days.flatMap((d) =>
    d.items.flatMap((i) => (i.kind === 'run' ? [i.distanceKm] : [])),
  );
  return runs.length === 0 ? null : Math.max(...runs);
}

/** The larger of two optional distances. */
export function longerOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

const numberAnswer = (answers: Answers, id: string): number | undefined => {
  const value = answers[id];
  return typeof value === 'number' ? value : undefined;
};

/** What the plan cannot dose, from what it was given. */
function missingInputs(
  runningMode: RunningMode,
  painNow: number | undefined,
  weeklyKm: number | undefined,
  longestRunKm: number | undefined,
): PlanMissing[] {
  const missing: PlanMissing[] = [];
  if (painNow === undefined) {
    missing.push({
      field: 'pain_now',
      why: 'You did not say how much your back hurts now, so the plan has no starting point for next-morning pain. Your first morning check-in becomes that starting point; answer the pain question to set it yourself.',
    });
  }
  if (runningMode === 'running' && weeklyKm === undefined) {
    missing.push({
      field: 'weekly_km',
      why: 'You did not say how far you run in a week, so this plan gives no running distances. Tell us your weekly distance to get running doses. Until then, run no more than you have been, at an easy effort, within the pain limits.',
    });
  } else if (runningMode === 'running' && longestRunKm === undefined) {
    missing.push({
      field: 'longest_run_km',
      why: 'Without your longest run of the last 30 days, the plan spreads each week’s distance evenly over your run days and adds no longer run. Tell us your longest recent run to get one that stays within 10% of it.',
    });
  }
  return missing;
}

/**
 * Generates the plan for an assessment. `answers` supplies what the plan
 * needs from the interview (current pain `pain_now`, weekly distance
 * `weekly_km`, whether the runner can run); the profile overrides them.
 * Nothing missing is assumed: what the plan cannot dose without an answer is
 * left out and listed in `missing`, with what the runner can do about it.
 */
export function generatePlan(
  kb: KnowledgeBase,
  result: AssessmentResult,
  answers: Answers,
  profileInput: RunnerProfileInput = {},
  options: PlanOptions = {},
): PlanOutcome {
  const { tier } = result.triage;
  if (tier === null) {
    return {
      kind: 'no_plan',
      tier: null,
      reason:
        'The warning-sign questions are not finished. A plan is only made once every one that applies has an answer ("not sure" counts as an answer).',
      whatToDoNow: result.triage.whatToDoNow,
      reasons: result.triage.reasons,
      missing: result.missing,
      disclaimer: result.disclaimer,
    };
  }
  if (tier === 'emergency' || tier === 'urgent_doctor') {
    // The same rule as PLAN_ALLOWED, which the report reads (assessment/report-view.ts).
    return {
      kind: 'no_plan',
      tier,
      reason: NO_PLAN_REASON[tier],
      whatToDoNow: result.triage.whatToDoNow,
      reasons: result.triage.reasons,
      disclaimer: result.disclaimer,
    };
  }
  if (typeof answers.age === 'number' && answers.age < 16) {
    // Children's back pain is assessed by a clinician with a parent before any
    // exercise plan (paediatric guidelines: pch-paediatric-back-pain).
    return {
      kind: 'no_plan',
      tier,
      reason:
        'Backtrack does not make exercise or running plans for children under 16. A doctor or physiotherapist should see them with a parent or carer first, and can then guide the exercise.',
      whatToDoNow: result.triage.whatToDoNow,
      reasons: result.triage.reasons,
      disclaimer: result.disclaimer,
    };
  }
  if (answers.pregnancy === 'pregnant' || answers.pregnancy === 'postpartum') {
    // Pelvic girdle pain, abdominal separation and the pelvic floor change what
    // is safe to load; a pelvic-health assessment comes first (vleeming-2008,
    // goom-2019: no running before three months after birth, nor while
    // pelvic-floor symptoms last).
    return {
      kind: 'no_plan',
      tier,
      reason:
        'Backtrack’s exercises and running plans are not adapted to pregnancy or the year after birth: some of them (curl-ups, planks, running) need changing while the pelvic joints, the tummy muscles and the pelvic floor recover. A pelvic-health physiotherapist can give you a plan that fits.',
      whatToDoNow: result.triage.whatToDoNow,
      reasons: result.triage.reasons,
      disclaimer: result.disclaimer,
    };
  }
  const profile = ZRunnerProfile.parse(profileInput);
  const conservative = tier === 'see_clinician';
  const targets = chooseTargets(result);
  const suspected = new Set(
    result.contributors.filter((c) => c.probability >= SUSPECTED).map((c) => c.id),
  );
  const runningMode =
    profile.runningDaysPerWeek === 0 ? 'no_running' : runningModeFor(result, answers);
  const boneStress = isBoneStressSuspected(result);
  if (boneStress) suspected.add('bone_stress');
  const exercises = chooseExercises(
    kb.exercises,
    targets,
    suspected,
    new Set(profile.equipment),
    runningMode === 'no_running' && boneStress,
  );

  const painNow = numberAnswer(answers, 'pain_now');
  const weeklyKm = profile.weeklyKm ?? numberAnswer(answers, 'weekly_km');
  const loadSuspected = suspected.has('training_load_error');
  const start = conservative || loadSuspected ? 0.7 : 0.9;
  const basis: PlanBasis = {
    exerciseIds: exercises.map((e) => e.id),
    runningMode,
    runningDaysPerWeek: profile.runningDaysPerWeek,
    baseWeeklyKm: weeklyKm === undefined ? null : round1(weeklyKm * start),
    longestRunKm: profile.longestRunKm === undefined ? null : round1(profile.longestRunKm),
    flatOnly:
      ['hill_running', 'facet_joint_irritation'].some((c) => suspected.has(c as ContributorId)) ||
      conservative,
    conservative,
    baselinePain: painNow ?? null,
  };

  const library = new Map(kb.exercises.map((e) => [e.id, e]));
  const weeks: PlanWeek[] = [];
  const count = options.weeks ?? 6;
  let longest = basis.longestRunKm;
  for (let w = 1; w <= count; w++) {
    const week = buildWeek(library, basis, targets, w, scheduledLevel(runningMode, w), longest);
    longest = longerOf(longest, longestRunOf(week));
    weeks.push(week);
  }

  const targetIds = new Set(targets.map((t) => t.id));
  return {
    kind: 'plan',
    tier,
    conservative,
    ...(conservative ? { adviceToBook: result.triage.whatToDoNow } : {}),
    targets,
    runningMode,
    weeks,
    runningRules: pickRules(kb.runningRules, targetIds, runningMode),
    adaptation: boneStress ? 'none' : 'pain_monitoring',
    whenToSeekHelp: WHEN_TO_SEEK_HELP,
    basis,
    missing: missingInputs(runningMode, painNow, weeklyKm, profile.longestRunKm),
    disclaimer: result.disclaimer,
  };
}
