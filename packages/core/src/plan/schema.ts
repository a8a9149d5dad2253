/**
 * The zod schema of a plan: what a stored plan must look like to be read
 * back. The plan generator builds plans as plain data (types.ts); this
 * schema checks one that comes back from a file or a store.
 */
import { z } from 'zod';
import { ZRunningRule } from '../knowledge/running-rules.js';
import { ZContributorId, ZTriageTier } from '../knowledge/schema.js';

/** Check-ins called for stopping running: re-screen and see a clinician. */
export const ZPlanSafetyStop = z.object({
  week: z.number(),
  reason: z.string(),
  rescreen: z.literal(true),
  seeClinician: z.string(),
});

/** A dose of one exercise. */
export const ZPlanDose = z.object({
  sets: z.number(),
  reps: z.number().exactOptional(),
  holdSeconds: z.number().exactOptional(),
  minutes: z.number().exactOptional(),
  perSide: z.boolean(),
});

const itemBase = { targets: z.array(ZContributorId), reason: z.string() };

/** One thing to do on a day. */
export const ZPlanItem = z.discriminatedUnion('kind', [
  z.object({
    ...itemBase,
    kind: z.literal('exercise'),
    exerciseId: z.string(),
    name: z.string(),
    dose: ZPlanDose,
  }),
  z.object({
    ...itemBase,
    kind: z.literal('run'),
    distanceKm: z.number(),
    effort: z.enum(['easy', 'steady']),
    flatOnly: z.boolean(),
    long: z.boolean(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal('run_walk'),
    phase: z.number(),
    walkMinutes: z.number(),
    runMinutes: z.number(),
    repeats: z.number(),
  }),
  z.object({ ...itemBase, kind: z.literal('walk'), minutes: z.number() }),
  z.object({
    ...itemBase,
    kind: z.literal('cross_train'),
    minutes: z.number(),
    activities: z.array(z.string()),
  }),
]);

/** One week of the plan. */
export const ZPlanWeek = z.object({
  week: z.number().int().min(1),
  phase: z.enum(['settle', 'build', 'progress']),
  level: z.number().int(),
  focus: z.string(),
  days: z.array(
    z.object({
      day: z.literal([1, 2, 3, 4, 5, 6, 7]),
      items: z.array(ZPlanItem),
    }),
  ),
  runKm: z.number(),
});

/** How running is handled. */
export const ZRunningMode = z.enum(['running', 'return_to_run', 'no_running']);

/**
 * A plan as stored (the CLI's state file, a database row), checked field by
 * field so that a hand-edited or truncated copy is caught on reading rather
 * than deep inside the adaptation. Its output is the `Plan` type
 * (plan/schema.test.ts checks that both say the same).
 */
export const ZPlan = z.object({
  kind: z.literal('plan'),
  tier: ZTriageTier,
  conservative: z.boolean(),
  adviceToBook: z.string().exactOptional(),
  targets: z.array(z.object({ id: ZContributorId, name: z.string(), probability: z.number() })),
  runningMode: ZRunningMode,
  weeks: z.array(ZPlanWeek).min(1),
  runningRules: z.array(ZRunningRule),
  adaptation: z.enum(['pain_monitoring', 'none']),
  whenToSeekHelp: z.array(z.string()),
  basis: z.object({
    exerciseIds: z.array(z.string()),
    runningMode: ZRunningMode,
    runningDaysPerWeek: z.number(),
    baseWeeklyKm: z.number().nullable(),
    longestRunKm: z.number().nullable(),
    flatOnly: z.boolean(),
    conservative: z.boolean(),
    baselinePain: z.number().nullable(),
  }),
  /** Absent in copies saved before plans listed what they could not dose. */
  missing: z
    .array(
      z.object({
        field: z.enum(['pain_now', 'weekly_km', 'longest_run_km']),
        why: z.string(),
      }),
    )
    .default([]),
  safetyStop: ZPlanSafetyStop.exactOptional(),
  disclaimer: z.string(),
});
