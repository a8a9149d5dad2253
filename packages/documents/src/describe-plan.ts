/**
 * Plan items, doses and distances in words, shared by the text plan, the PDF
 * handout and the calendar. The plan stores kilometres; the runner's unit is
 * applied here, at the edge, and nowhere else.
 */
import {
  formatDistance,
  type DistanceUnit,
  type ExerciseCategory,
  type Plan,
  type PlanDose,
  type PlanDay,
  type PlanItem,
  type PlanWeek,
  type RunningMode,
} from '@backtrack/core';

/** A dose: `2 × 10`, `3 × 8 each side, hold 5 s`, `3 × 30 s hold`. */
export function describeDose(dose: PlanDose): string {
  const side = dose.perSide ? ' each side' : '';
  if (dose.reps !== undefined) {
    const hold = dose.holdSeconds === undefined ? '' : `, hold ${dose.holdSeconds} s`;
    return `${dose.sets} × ${dose.reps}${side}${hold}`;
  }
  if (dose.holdSeconds !== undefined) return `${dose.sets} × ${dose.holdSeconds} s hold${side}`;
  if (dose.minutes !== undefined) return `${dose.sets} × ${dose.minutes} min${side}`;
  return `${dose.sets} set${dose.sets === 1 ? '' : 's'}${side}`;
}

/** One item in words: `Dead bug: 2 × 8 each side`, `Easy run 5 km, flat routes`. */
export function describeItem(item: PlanItem, unit: DistanceUnit): string {
  switch (item.kind) {
    case 'exercise':
      return `${item.name}: ${describeDose(item.dose)}`;
    case 'run': {
      const what = `${item.long ? 'Longest run' : 'Run'} ${formatDistance(item.distanceKm, unit)}, ${item.effort}`;
      return item.flatOnly ? `${what}, flat routes only` : what;
    }
    case 'run_walk':
      return item.walkMinutes === 0
        ? `Return-to-run phase ${item.phase}: run ${item.runMinutes} min continuously`
        : `Return-to-run phase ${item.phase}: ${item.repeats} × (walk ${item.walkMinutes} min, run ${item.runMinutes} min)`;
    case 'walk':
      return `Brisk walk ${item.minutes} min`;
    case 'cross_train':
      return `Cross-training ${item.minutes} min instead of running: ${item.activities.join(', ')}`;
  }
}

/** The run, run/walk or walk of a day, briefly: `easy run 5 km`, `walk/run phase 2`, `walk 30 min`. */
export function describeActivity(item: PlanItem, unit: DistanceUnit): string | undefined {
  switch (item.kind) {
    case 'exercise':
      return undefined;
    case 'run':
      return `${item.long ? 'long ' : ''}${item.effort} run ${formatDistance(item.distanceKm, unit)}`;
    case 'run_walk':
      return `walk/run phase ${item.phase}`;
    case 'walk':
      return `walk ${item.minutes} min`;
    case 'cross_train':
      return `cross-training ${item.minutes} min`;
  }
}

/** Short names of the exercise families, for calendar titles. */
export const CATEGORY_SHORT: Readonly<Record<ExerciseCategory, string>> = {
  core: 'core',
  hip_strength: 'hips',
  leg_strength: 'legs',
  mobility: 'mobility',
  stretch: 'stretches',
  balance: 'balance',
  breathing: 'breathing',
  nerve: 'nerve glide',
  aerobic: 'cardio',
};

/**
 * A day in a few words: the exercise families, then the run or walk:
 * `core + hips + easy run 5 km`. Undefined for an empty day.
 */
export function summariseDay(
  day: PlanDay,
  options: { unit: DistanceUnit; categoryOf: (exerciseId: string) => ExerciseCategory | undefined },
): string | undefined {
  const families = new Set<string>();
  const activities: string[] = [];
  for (const item of day.items) {
    if (item.kind === 'exercise') {
      const category = options.categoryOf(item.exerciseId);
      families.add(category === undefined ? 'exercises' : CATEGORY_SHORT[category]);
    } else {
      const activity = describeActivity(item, options.unit);
      if (activity !== undefined) activities.push(activity);
    }
  }
  const parts = [...families, ...activities];
  return parts.length === 0 ? undefined : parts.join(' + ');
}

/** What a week's running is, in words. */
export function describeWeekRunning(week: PlanWeek, unit: DistanceUnit): string {
  const runWalk = week.days.flatMap((d) => d.items).find((i) => i.kind === 'run_walk');
  if (runWalk) return `return-to-run phase ${runWalk.phase}`;
  return week.runKm > 0 ? `${formatDistance(week.runKm, unit)} of running` : 'no running';
}

/** How the plan handles running, in a sentence. */
export const RUNNING_MODE_TEXT: Readonly<Record<RunningMode, string>> = {
  running:
    'You keep running, at easy effort and a little less than now, while the exercises work on the weak links.',
  return_to_run:
    'Running is rebuilt step by step with walk/run sessions: move on a phase only when the previous one caused no more pain during, after or the next morning.',
  no_running:
    'No running for now: walk and do the exercises. Return to running only once a doctor or physiotherapist has cleared you.',
};

/** Ids of the exercises a plan uses, in order of first appearance (progressions included). */
export function exercisesInPlan(weeks: readonly PlanWeek[]): string[] {
  const ids = new Set<string>();
  for (const week of weeks)
    for (const day of week.days)
      for (const item of day.items) if (item.kind === 'exercise') ids.add(item.exerciseId);
  return [...ids];
}

/** The dose of one exercise over the weeks that use it: `Weeks 1–2: 2 × 8, 3 times a week`. */
export interface DoseSpan {
  fromWeek: number;
  toWeek: number;
  dose: string;
  timesPerWeek: number;
}

/** The dose of an exercise week by week, consecutive weeks with the same dose merged. */
export function doseSchedule(weeks: readonly PlanWeek[], exerciseId: string): DoseSpan[] {
  const spans: DoseSpan[] = [];
  for (const week of weeks) {
    const items = week.days.flatMap((d) =>
      d.items.filter(
        (i): i is Extract<PlanItem, { kind: 'exercise' }> =>
          i.kind === 'exercise' && i.exerciseId === exerciseId,
      ),
    );
    const first = items[0];
    if (first === undefined) continue;
    const dose = describeDose(first.dose);
    const last = spans.at(-1);
    if (
      last !== undefined &&
      last.toWeek === week.week - 1 &&
      last.dose === dose &&
      last.timesPerWeek === items.length
    ) {
      last.toWeek = week.week;
    } else {
      spans.push({ fromWeek: week.week, toWeek: week.week, dose, timesPerWeek: items.length });
    }
  }
  return spans;
}

/** A dose span in words: `Weeks 1–2: 2 × 8 each side, 3 times a week`. */
export function describeDoseSpan(span: DoseSpan): string {
  const weeks =
    span.fromWeek === span.toWeek
      ? `Week ${span.fromWeek}`
      : `Weeks ${span.fromWeek}–${span.toWeek}`;
  const times = span.timesPerWeek === 1 ? 'once a week' : `${span.timesPerWeek} times a week`;
  return `${weeks}: ${span.dose}, ${times}`;
}

/** Names of the plan's exercises that work on one of its targets, in order of first appearance. */
export function exerciseNamesFor(plan: Plan, target: Plan['targets'][number]['id']): string[] {
  const names = new Set<string>();
  for (const week of plan.weeks)
    for (const day of week.days)
      for (const item of day.items)
        if (item.kind === 'exercise' && item.targets.includes(target)) names.add(item.name);
  return [...names];
}
