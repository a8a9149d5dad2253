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
import { LOAD_LIMITS, RETURN_TO_RUN, type RunningRule } from '../knowledge/running-rules.js';
import type { ContributorId } from '../knowledge/schema.js';
import type { Exercise } from '../knowledge/exercises/schema.js';
import {
  ZRunnerProfile,
  type PlanDose,
  type PlanBasis,
  type PlanDay,
  type PlanItem,
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

/** A contributor counts as suspected from this probability on. */
export const SUSPECTED = 0.3;
/** At most this many contributors are targeted. */
const MAX_TARGETS = 4;
/** At most this many exercises in the programme. */
const MAX_EXERCISES = 7;
/** Lowest and highest adaptation levels. */
export const LEVEL_MIN = -2;
export const LEVEL_MAX = 5;

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

/** The dose of an exercise at a load level, always within the knowledge base's bounds. */
export function doseAtLevel(exercise: Exercise, level: number): PlanDose {
  const { dose } = exercise;
  const step = Math.max(-1, Math.min(2, level));
  const sets = clamp(
    dose.sets + (step > 0 ? Math.min(step, 1) : step < 0 ? -1 : 0),
    dose.bounds.sets,
  );
  const out: PlanDose = { sets, perSide: dose.perSide };
  if (dose.reps !== undefined && dose.bounds.reps)
    out.reps = clamp(dose.reps + step * 2, dose.bounds.reps);
  if (dose.holdSeconds !== undefined && dose.bounds.holdSeconds)
    out.holdSeconds = clamp(dose.holdSeconds + step * 10, dose.bounds.holdSeconds);
  if (dose.minutes !== undefined && dose.bounds.minutes)
    out.minutes = clamp(dose.minutes + step * 5, dose.bounds.minutes);
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
    (bone?.probability ?? 0) >= 0.2 ||
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

/**
 * Builds one week of a plan at a load level. Used by the generator and by
 * adaptation, so a rebuilt week follows exactly the same rules.
 */
export function buildWeek(
  library: ReadonlyMap<string, Exercise>,
  basis: PlanBasis,
  targets: readonly PlanTarget[],
  week: number,
  level: number,
  previousLongestKm: number,
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
  const loadTarget: ContributorId = allowed.has('training_load_error')
    ? 'training_load_error'
    : general;
  if (basis.runningMode === 'running' && basis.runningDaysPerWeek > 0) {
    const runDays = spreadDays(basis.runningDaysPerWeek).map(
      (d) => (d === 1 ? 2 : d) as PlanDay['day'],
    );
    const weekly = basis.baseWeeklyKm * (1 + LOAD_LIMITS.weeklyIncreaseSoft * level);
    const longCap = Math.max(1, previousLongestKm * (1 + LOAD_LIMITS.longRunSpikeMax));
    const longKm =
      runDays.length > 1 ? Math.min(longCap, weekly * 0.35) : Math.min(longCap, weekly);
    const otherKm =
      runDays.length > 1 ? Math.min(longCap, (weekly - longKm) / (runDays.length - 1)) : 0;
    runDays.forEach((day, i) => {
      const long = i === runDays.length - 1 && runDays.length > 1;
      const km = round1(Math.max(1, long || runDays.length === 1 ? longKm : otherKm));
      runKm += km;
      put(day, {
        kind: 'run',
        distanceKm: km,
        effort: basis.conservative || level <= 0 ? 'easy' : 'steady',
        flatOnly: basis.flatOnly,
        long,
        targets: [loadTarget],
        reason: long
          ? `Longest run of the week, kept within ${LOAD_LIMITS.longRunSpikeMax * 100}% of your recent longest (${round1(previousLongestKm)} km).`
          : 'Easy running keeps you fit while the weak links are worked on.',
      });
    });
  } else if (basis.runningMode === 'return_to_run') {
    const phase = RETURN_TO_RUN.phases[clamp(level, [0, RETURN_TO_RUN.phases.length - 1])];
    if (phase) {
      for (const day of spreadDays(Math.min(3, Math.max(2, basis.runningDaysPerWeek)))) {
        runKm += 0;
        put(day, {
          kind: 'run_walk',
          phase: phase.phase,
          walkMinutes: phase.walkMinutes,
          runMinutes: phase.runMinutes,
          repeats: phase.repeats,
          targets: [loadTarget],
          reason: `Return-to-run phase ${phase.phase}: move on after two sessions without more pain during, after or next morning.`,
        });
      }
    }
  }

  for (const day of days) {
    if (!day.items.some((i) => i.kind === 'run' || i.kind === 'run_walk')) {
      put(day.day, {
        kind: 'walk',
        minutes: basis.conservative ? 20 : 30,
        targets: [general],
        reason:
          'Staying active speeds recovery; a brisk walk keeps the back moving without running load.',
      });
    }
  }

  const phase: PlanWeek['phase'] = week <= 2 ? 'settle' : week <= 4 ? 'build' : 'progress';
  const focus =
    phase === 'settle'
      ? 'Settle the pain and learn the exercises.'
      : phase === 'build'
        ? 'Build strength and mobility; running stays easy.'
        : 'Progress the exercises and return to normal running.';
  return { week, phase, level, focus, days, runKm: round1(runKm) };
}

/**
 * Generates the plan for an assessment. `answers` supplies what the plan
 * needs from the interview (current pain, weekly distance, whether the runner
 * can run); the profile overrides it.
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
    return {
      kind: 'no_plan',
      tier,
      reason:
        tier === 'emergency'
          ? 'Your answers include a warning sign that needs emergency care. An exercise or running plan is not safe until you have been seen.'
          : 'Your answers include a warning sign that a doctor should check within days. No exercise or running plan until a doctor has cleared you.',
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

  const weeklyKm =
    profile.weeklyKm ?? (typeof answers.weekly_km === 'number' ? answers.weekly_km : 15);
  const loadSuspected = suspected.has('training_load_error');
  const start = conservative || loadSuspected ? 0.7 : 0.9;
  const basis: PlanBasis = {
    exerciseIds: exercises.map((e) => e.id),
    runningMode,
    runningDaysPerWeek: profile.runningDaysPerWeek,
    baseWeeklyKm: round1(Math.max(3, weeklyKm * start)),
    longestRunKm: round1(profile.longestRunKm ?? Math.max(3, weeklyKm * 0.35)),
    flatOnly:
      ['hill_running', 'facet_joint_irritation'].some((c) => suspected.has(c as ContributorId)) ||
      conservative,
    conservative,
    baselinePain: typeof answers.pain_now === 'number' ? answers.pain_now : 3,
  };

  const library = new Map(kb.exercises.map((e) => [e.id, e]));
  const weeks: PlanWeek[] = [];
  const count = options.weeks ?? 6;
  let longest = basis.longestRunKm;
  for (let w = 1; w <= count; w++) {
    // Levels rise one step a week after the settling fortnight, holding every third week.
    const level =
      runningMode === 'return_to_run'
        ? w - 1
        : w <= 2
          ? 0
          : Math.min(LEVEL_MAX, w - 2 - (w >= 5 ? 1 : 0));
    const week = buildWeek(library, basis, targets, w, level, longest);
    longest = Math.max(
      longest,
      ...week.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'run' ? [i.distanceKm] : []))),
    );
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
    disclaimer: result.disclaimer,
  };
}
