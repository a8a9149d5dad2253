/**
 * Zod schema of the exercise library: what each exercise targets, how to do
 * it, how much of it (a default dose plus hard bounds a plan generator must
 * stay within), where the dose comes from, what to try when it is too hard
 * or too easy, and when to leave it out. The per-record checks live here;
 * checks across records (unique ids, regression and progression ids that
 * exist) are in `ZExerciseLibrary`.
 */
import { z } from 'zod';
import { ZBasis, ZContributorId, ZSourceId } from '../schema.js';

/** Exercise families, used to balance a plan. */
export const EXERCISE_CATEGORIES = [
  'core',
  'hip_strength',
  'leg_strength',
  'mobility',
  'stretch',
  'balance',
  'breathing',
  'nerve',
  'aerobic',
] as const;
/** Schema of an exercise category. */
export const ZExerciseCategory = z.enum(EXERCISE_CATEGORIES);
/** An exercise category. */
export type ExerciseCategory = z.infer<typeof ZExerciseCategory>;

/** Equipment an exercise needs; an empty list means none. */
export const EQUIPMENT = ['mat', 'step', 'band', 'wall', 'chair', 'bench', 'strap'] as const;
/** Schema of one piece of equipment. */
export const ZEquipment = z.enum(EQUIPMENT);
/** One piece of equipment. */
export type Equipment = z.infer<typeof ZEquipment>;

/**
 * What an exercise loads, so that contraindications follow from a rule rather
 * than from memory: end-range spinal extension is avoided while a bone-stress
 * injury (pars, sacrum) or facet irritation is suspected, and impact while a
 * bone-stress injury is suspected (the project's shared research notes, §1.7 and §5.5).
 */
export const LOADS = [
  'spinal_extension',
  'spinal_flexion',
  'spinal_rotation',
  'impact',
  'neural_tension',
] as const;
/** Schema of a load an exercise puts on the body. */
export const ZLoad = z.enum(LOADS);
/** A load an exercise puts on the body. */
export type Load = z.infer<typeof ZLoad>;

/** Contributors that must appear in `avoidWhen` for each load. */
export const LOAD_CONTRAINDICATIONS: Readonly<
  Record<Load, readonly z.infer<typeof ZContributorId>[]>
> = {
  spinal_extension: ['bone_stress', 'facet_joint_irritation'],
  impact: ['bone_stress'],
  spinal_flexion: [],
  spinal_rotation: [],
  neural_tension: [],
};

const ZId = z.string().regex(/^[a-z0-9_]+$/, 'snake_case id');

/** A closed range `[min, max]` of whole numbers with min ≤ max. */
const ZBounds = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([min, max]) => min <= max, { message: 'bounds must be [min, max] with min ≤ max' });

/**
 * How much of an exercise: a default dose and the bounds a plan generator may
 * move within when it progresses or regresses the dose. Each quantity given
 * (reps, hold, minutes) must have bounds, and bounds only for quantities given.
 */
export const ZDose = z
  .object({
    sets: z.number().int().min(1),
    /** Repetitions per set (per side when `perSide`). */
    reps: z.number().int().min(1).optional(),
    /** Seconds each repetition (or the one hold of a set) is held. */
    holdSeconds: z.number().int().min(1).optional(),
    /** Minutes, for continuous activity such as walking. */
    minutes: z.number().int().min(1).optional(),
    /** Whether reps and holds are counted for each side. */
    perSide: z.boolean(),
    timesPerWeek: z.number().int().min(1).max(14),
    restSeconds: z.number().int().min(0).optional(),
    bounds: z
      .object({
        sets: ZBounds,
        reps: ZBounds.optional(),
        holdSeconds: ZBounds.optional(),
        minutes: ZBounds.optional(),
        timesPerWeek: ZBounds,
      })
      .strict(),
    basis: ZBasis,
    sources: z.array(ZSourceId).min(1),
    /** Where the numbers come from and how sure we are, in plain language. */
    note: z.string().min(20),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.reps === undefined && d.holdSeconds === undefined && d.minutes === undefined) {
      ctx.addIssue({ code: 'custom', message: 'dose needs reps, holdSeconds or minutes' });
    }
    const check = (
      name: string,
      value: number | undefined,
      bounds: readonly [number, number] | undefined,
    ) => {
      if (value === undefined && bounds === undefined) return;
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `bounds.${name} given without a default ${name}` });
        return;
      }
      if (bounds === undefined) {
        ctx.addIssue({ code: 'custom', message: `${name} needs bounds.${name}` });
        return;
      }
      if (value < bounds[0] || value > bounds[1]) {
        ctx.addIssue({
          code: 'custom',
          message: `default ${name} ${value} lies outside bounds [${bounds[0]}, ${bounds[1]}]`,
        });
      }
    };
    check('sets', d.sets, d.bounds.sets);
    check('reps', d.reps, d.bounds.reps);
    check('holdSeconds', d.holdSeconds, d.bounds.holdSeconds);
    check('minutes', d.minutes, d.bounds.minutes);
    check('timesPerWeek', d.timesPerWeek, d.bounds.timesPerWeek);
    if (d.bounds.timesPerWeek[1] > 14) {
      ctx.addIssue({
        code: 'custom',
        message: 'timesPerWeek above 14 (twice a day) is not a plan',
      });
    }
  });
/** A validated dose. */
export type Dose = z.infer<typeof ZDose>;

/** One exercise of the library. All text is Backtrack's own plain-language wording. */
export const ZExercise = z
  .object({
    id: ZId,
    name: z.string().min(3),
    category: ZExerciseCategory,
    /** One or two sentences: what it is and why it is in a runner's plan. */
    summary: z.string().min(30),
    /** Contributors (weak links) this exercise works on. */
    targets: z.array(ZContributorId).min(1),
    steps: z.array(z.string().min(10)).min(2),
    cues: z.array(z.string().min(5)).min(1),
    mistakes: z.array(z.string().min(5)).min(1),
    dose: ZDose,
    /** How to make it easier without changing exercise. */
    easier: z.string().min(10),
    /** How to make it harder without changing exercise. */
    harder: z.string().min(10),
    /** The library exercise to step back to when this one is too hard or hurts. */
    regression: ZId.optional(),
    /** The library exercise to move on to when this one is easy. */
    progression: ZId.optional(),
    /** Leave the exercise out while any of these contributors is suspected. */
    avoidWhen: z.array(ZContributorId),
    /** Why, in plain language; required when `avoidWhen` is not empty. */
    avoidNote: z.string().min(20).optional(),
    /** Stop and change the plan if any of these happens. */
    stopIf: z.array(z.string().min(10)).min(1),
    loads: z.array(ZLoad),
    equipment: z.array(ZEquipment),
    /** What the evidence does and does not show for this exercise, honestly. */
    evidenceNote: z.string().min(30),
    sources: z.array(ZSourceId).min(1),
    /** Id of the illustration (`illustrations/poses.ts`). */
    illustration: ZId,
  })
  .strict()
  .superRefine((e, ctx) => {
    const dupes = (name: string, xs: readonly string[]) => {
      const seen = new Set<string>();
      for (const x of xs) {
        if (seen.has(x))
          ctx.addIssue({ code: 'custom', message: `${e.id}: ${name} lists ${x} twice` });
        seen.add(x);
      }
    };
    dupes('targets', e.targets);
    dupes('avoidWhen', e.avoidWhen);
    dupes('loads', e.loads);
    dupes('equipment', e.equipment);
    for (const t of e.targets) {
      if (e.avoidWhen.includes(t)) {
        ctx.addIssue({ code: 'custom', message: `${e.id}: targets and avoids ${t}` });
      }
    }
    if (e.avoidWhen.length > 0 && !e.avoidNote) {
      ctx.addIssue({ code: 'custom', message: `${e.id}: avoidWhen needs an avoidNote` });
    }
    for (const load of e.loads) {
      for (const c of LOAD_CONTRAINDICATIONS[load]) {
        if (!e.avoidWhen.includes(c)) {
          ctx.addIssue({
            code: 'custom',
            message: `${e.id}: loads ${load} but does not avoid ${c}`,
          });
        }
      }
    }
    if (e.regression === e.id || e.progression === e.id) {
      ctx.addIssue({
        code: 'custom',
        message: `${e.id}: regression or progression points to itself`,
      });
    }
  });
/** A validated exercise record. */
export type Exercise = z.infer<typeof ZExercise>;

/** The whole library: records valid one by one, ids unique, every regression and progression resolves. */
export const ZExerciseLibrary = z.array(ZExercise).superRefine((list, ctx) => {
  const ids = new Set<string>();
  for (const e of list) {
    if (ids.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate exercise id ${e.id}` });
    ids.add(e.id);
  }
  for (const e of list) {
    for (const [kind, ref] of [
      ['regression', e.regression],
      ['progression', e.progression],
    ] as const) {
      if (ref !== undefined && !ids.has(ref)) {
        ctx.addIssue({ code: 'custom', message: `${e.id}: ${kind} ${ref} is not in the library` });
      }
    }
  }
});
