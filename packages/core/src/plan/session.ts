/**
 * The guided exercise session: the steps of each exercise (sets, sides, rest
 * between sets) from its dose, the easier or harder version of an exercise
 * from the library's variants. Pure and free of the knowledge base's schemas
 * (the web bundles it): the web walks through the steps and keeps the time.
 * The stop rules shown while exercising are in `session-stop-rules.ts`.
 */
import type { Exercise } from '../knowledge/exercises/schema.js';
import type { PlanExerciseItem } from './today.js';
import type { PlanDose } from './types.js';

/** One step of an exercise in a guided session. */
export type SessionStep =
  | {
      kind: 'work';
      /** Set number, 1-based, of `sets`. */
      set: number;
      sets: number;
      /** With a per-side dose: which side this step is. */
      side?: 'left' | 'right';
      /** Repetitions to count in this step (per side with `side`). */
      reps?: number;
      /** Seconds each repetition (or the one hold) is held. */
      holdSeconds?: number;
      /** Seconds of continuous activity (a dose in minutes). */
      seconds?: number;
    }
  | {
      kind: 'rest';
      /** The set just finished. */
      afterSet: number;
      /** Seconds of rest from the library; undefined when the library gives none (rest as needed). */
      seconds?: number;
    };

/**
 * The steps of one exercise: each set (each side in turn with a per-side
 * dose), with a rest between sets but not after the last. `restSeconds` is
 * the library's rest for the exercise, when it gives one.
 */
export function sessionSteps(dose: PlanDose, restSeconds?: number): SessionStep[] {
  const steps: SessionStep[] = [];
  const sides = dose.perSide ? (['left', 'right'] as const) : [undefined];
  const sets = Math.max(1, Math.trunc(dose.sets));
  for (let set = 1; set <= sets; set++) {
    for (const side of sides) {
      steps.push({
        kind: 'work',
        set,
        sets,
        ...(side ? { side } : {}),
        ...(dose.reps !== undefined ? { reps: dose.reps } : {}),
        ...(dose.holdSeconds !== undefined ? { holdSeconds: dose.holdSeconds } : {}),
        ...(dose.minutes !== undefined ? { seconds: dose.minutes * 60 } : {}),
      });
    }
    if (set < sets) {
      steps.push({ kind: 'rest', afterSet: set, ...(restSeconds ? { seconds: restSeconds } : {}) });
    }
  }
  return steps;
}

/** An exercise's starting dose (load level 0): the library's default, as a plan dose. */
export function startingDose(exercise: Pick<Exercise, 'dose'>): PlanDose {
  const { dose } = exercise;
  const out: PlanDose = { sets: dose.sets, perSide: dose.perSide };
  if (dose.reps !== undefined) out.reps = dose.reps;
  if (dose.holdSeconds !== undefined) out.holdSeconds = dose.holdSeconds;
  if (dose.minutes !== undefined) out.minutes = dose.minutes;
  return out;
}

/** Which way to swap an exercise. */
export type SwapDirection = 'easier' | 'harder';

/**
 * The plan item with the library's easier (regression) or harder
 * (progression) version of its exercise, at that exercise's starting dose;
 * null when the library names no such version. Why the item is in the plan
 * (targets, reason) stays the same.
 */
export function swapExercise(
  library: ReadonlyMap<string, Exercise>,
  item: PlanExerciseItem,
  direction: SwapDirection,
): PlanExerciseItem | null {
  const current = library.get(item.exerciseId);
  const variantId = direction === 'easier' ? current?.regression : current?.progression;
  const variant = variantId === undefined ? undefined : library.get(variantId);
  if (!variant) return null;
  return { ...item, exerciseId: variant.id, name: variant.name, dose: startingDose(variant) };
}
