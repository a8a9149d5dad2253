/**
 * Clinician plan edits: a clinician changes one exercise of a runner's plan
 * from a given week on — its dose (sets, reps, hold seconds), a swap to the
 * knowledge base's easier or harder variant, or a pause — always with a
 * reason, and never outside what the knowledge base allows.
 *
 * `validatePlanEdit` is the safety control (docs/clinical-safety.md, "a
 * clinician edit outside safe bounds"): a dose field can change only when the
 * exercise's knowledge-base dose has bounds for it, and only within them; a
 * swap goes only to the exercise's own `regression` (easier) or `progression`
 * (harder), and never to one the plan's weak links (or a suspected bone-stress
 * injury) rule out. `applyPlanEdits` applies edits in a defined order and
 * re-validates each against the plan as it stands then, skipping one that no
 * longer fits, so a stored edit can never push a dose out of bounds. A
 * no-plan outcome stays a no-plan: an edit cannot create a plan.
 *
 * **Order** (`replayPlan`): each week is first adapted from the runner's
 * check-ins, then the clinician's edits are applied by time (`at`, then `id`),
 * so any order in which check-ins or edits arrive gives the same plan. A dose
 * set by an edit holds from its week on; check-in adaptations still decide the
 * level (and running) of every week. An edit applies to the items of its
 * exercise: where adaptation replaces that exercise by its own regression or
 * progression, the knowledge base's dose for the replacement holds.
 */
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { ContributorId } from '../knowledge/schema.js';
import type { Exercise } from '../knowledge/exercises/schema.js';
import { doseAtLevel } from './generate-plan.js';
import type { Plan, PlanDose, PlanItem, PlanOutcome } from './types.js';

/** The longest reason a clinician may give for an edit, in characters. */
export const PLAN_EDIT_REASON_MAX = 500;

/** Dose fields a clinician may change (each only where the knowledge base bounds it). */
export const EDITABLE_DOSE_FIELDS = ['sets', 'reps', 'holdSeconds'] as const;
/** A dose field a clinician may change. */
export type EditableDoseField = (typeof EDITABLE_DOSE_FIELDS)[number];

const ZDoseValue = z.number().int().min(0).max(600);

/**
 * The shape of an edit request (the API's body, and an edit read back from
 * the store). Shape only: `validatePlanEdit` checks it against the plan and
 * the knowledge base's bounds.
 */
export const ZPlanEditRequest = z
  .object({
    exerciseId: z
      .string()
      .regex(/^[a-z0-9_]+$/, 'an exercise id (snake_case)')
      .max(64),
    fromWeek: z.number().int().min(1).max(52),
    reason: z
      .string()
      .trim()
      .min(1, 'required: say why the plan changes')
      .max(PLAN_EDIT_REASON_MAX, `at most ${String(PLAN_EDIT_REASON_MAX)} characters`),
    change: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('dose'),
          sets: ZDoseValue.optional(),
          reps: ZDoseValue.optional(),
          holdSeconds: ZDoseValue.optional(),
        })
        .strict(),
      z.object({ kind: z.literal('swap'), to: z.enum(['easier', 'harder']) }).strict(),
      z.object({ kind: z.literal('pause') }).strict(),
    ]),
  })
  .strict();

/** An edit as a clinician asks for it: one exercise (as `PlanItem.exerciseId`), from `fromWeek` on, with a reason. */
export type PlanEditRequest = z.infer<typeof ZPlanEditRequest>;
/** What an edit changes: a dose, a swap to the easier or harder variant, or a pause. */
export type PlanEditChange = PlanEditRequest['change'];

/** A stored edit: the request, who made it and when. */
export interface PlanEdit extends PlanEditRequest {
  id: string;
  /** When it was made (ISO 8601); edits apply in this order. */
  at: string;
  /** The clinician's name as shown to the runner. */
  authorName: string;
}

/** Why an edit is refused: the field at fault and a message naming the bound. */
export interface PlanEditProblem {
  ok: false;
  /** The request field at fault (`change.reps`, `exerciseId`, …), or `plan` when there is none. */
  field: string;
  /** Starts with the field, e.g. "change.reps: at most 10 for Bird dog". */
  message: string;
}

/** The outcome of `validatePlanEdit`. */
export type PlanEditCheck =
  { ok: true; exercise: Exercise; replacement: Exercise | null } | PlanEditProblem;

function problem(field: string, text: string): PlanEditProblem {
  return { ok: false, field, message: `${field}: ${text}` };
}

/** The contributors an exercise must not be chosen for in this plan (its weak links, and bone stress when suspected). */
function ruledOut(plan: Plan): Set<ContributorId> {
  const out = new Set<ContributorId>(plan.targets.map((t) => t.id));
  // The generator turns pain-guided adaptation off exactly when bone stress is suspected.
  if (plan.adaptation === 'none') out.add('bone_stress');
  return out;
}

/** Whether the plan has an item of `exerciseId` in week `fromWeek` or later. */
function inPlanFrom(plan: Plan, exerciseId: string, fromWeek: number): boolean {
  return plan.weeks.some(
    (w) =>
      w.week >= fromWeek &&
      w.days.some((d) => d.items.some((i) => i.kind === 'exercise' && i.exerciseId === exerciseId)),
  );
}

/**
 * Checks one edit against the knowledge base and the plan as it stands
 * (`outcome` should already carry the earlier edits). Refuses, naming the
 * field and the bound: a no-plan outcome (an edit cannot create a plan), an
 * empty or over-long reason, a week outside the plan, an exercise not in the
 * plan from that week, a dose field the knowledge base gives no bounds for or
 * a value outside them, and a swap to a variant the knowledge base does not
 * give or that the plan's weak links rule out.
 */
export function validatePlanEdit(
  kb: KnowledgeBase,
  outcome: PlanOutcome,
  edit: PlanEditRequest,
): PlanEditCheck {
  if (outcome.kind !== 'plan')
    return problem('plan', 'there is no plan to edit: the triage does not allow one.');
  const plan = outcome;
  const reason = edit.reason.trim();
  if (reason.length === 0) return problem('reason', 'required: say why the plan changes.');
  if (reason.length > PLAN_EDIT_REASON_MAX)
    return problem('reason', `at most ${String(PLAN_EDIT_REASON_MAX)} characters.`);
  if (!Number.isInteger(edit.fromWeek) || edit.fromWeek < 1 || edit.fromWeek > plan.weeks.length)
    return problem('fromWeek', `must be a week of the plan, 1 to ${String(plan.weeks.length)}.`);
  const exercise = kb.exercises.find((e) => e.id === edit.exerciseId);
  if (!exercise) return problem('exerciseId', `${edit.exerciseId} is not a known exercise.`);
  if (!inPlanFrom(plan, exercise.id, edit.fromWeek))
    return problem(
      'exerciseId',
      `${exercise.name} is not in the plan from week ${String(edit.fromWeek)}.`,
    );

  const { change } = edit;
  if (change.kind === 'pause') return { ok: true, exercise, replacement: null };
  if (change.kind === 'swap') {
    const id = change.to === 'easier' ? exercise.regression : exercise.progression;
    const replacement = id ? kb.exercises.find((e) => e.id === id) : undefined;
    if (!replacement)
      return problem(
        'change.to',
        `the knowledge base gives no ${change.to} variant of ${exercise.name}.`,
      );
    const avoid = ruledOut(plan);
    const clash = replacement.avoidWhen.find((c) => avoid.has(c));
    if (clash)
      return problem(
        'change.to',
        `${replacement.name} is to be avoided in this plan (${clash.replaceAll('_', ' ')}).`,
      );
    if (inPlanFrom(plan, replacement.id, edit.fromWeek))
      return problem(
        'change.to',
        `${replacement.name} is already in the plan from week ${String(edit.fromWeek)}.`,
      );
    return { ok: true, exercise, replacement };
  }
  const given = EDITABLE_DOSE_FIELDS.filter((f) => change[f] !== undefined);
  if (given.length === 0)
    return problem('change', `give at least one of ${EDITABLE_DOSE_FIELDS.join(', ')}.`);
  for (const field of given) {
    const value = change[field] ?? 0;
    const bounds = exercise.dose.bounds[field];
    if (!bounds)
      return problem(
        `change.${field}`,
        `the knowledge base gives no bounds for ${field} of ${exercise.name}, so it cannot be changed.`,
      );
    if (!Number.isInteger(value)) return problem(`change.${field}`, 'must be a whole number.');
    if (value < bounds[0])
      return problem(`change.${field}`, `at least ${String(bounds[0])} for ${exercise.name}.`);
    if (value > bounds[1])
      return problem(`change.${field}`, `at most ${String(bounds[1])} for ${exercise.name}.`);
  }
  return { ok: true, exercise, replacement: null };
}

/** A total order on edits: by time, then by id. */
export function compareEdits(a: PlanEdit, b: PlanEdit): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One edit applied to one plan (already validated). */
function applyOne(plan: Plan, edit: PlanEdit, replacement: Exercise | null): Plan {
  const { change } = edit;
  const weeks = plan.weeks.map((w) => {
    if (w.week < edit.fromWeek) return w;
    const days = w.days.map((d) => {
      const items: PlanItem[] = [];
      for (const item of d.items) {
        if (item.kind !== 'exercise' || item.exerciseId !== edit.exerciseId) {
          items.push(item);
          continue;
        }
        if (change.kind === 'pause') continue;
        if (change.kind === 'swap' && replacement) {
          items.push({
            ...item,
            exerciseId: replacement.id,
            name: replacement.name,
            dose: doseAtLevel(replacement, w.level),
          });
          continue;
        }
        const dose: PlanDose = { ...item.dose };
        for (const field of EDITABLE_DOSE_FIELDS) {
          const value = change.kind === 'dose' ? change[field] : undefined;
          if (value !== undefined) dose[field] = value;
        }
        items.push({ ...item, dose });
      }
      return { ...d, items };
    });
    return { ...w, days };
  });
  return { ...plan, weeks };
}

/**
 * Applies clinician edits to a plan in time order (`compareEdits`), each
 * checked by `validatePlanEdit` against the plan as the earlier edits left
 * it; an edit that no longer fits (its exercise paused or replaced by
 * adaptation, say) is skipped. A no-plan outcome is returned unchanged.
 */
export function applyPlanEdits<T extends PlanOutcome>(
  kb: KnowledgeBase,
  outcome: T,
  edits: readonly PlanEdit[],
): T {
  if (outcome.kind !== 'plan' || edits.length === 0) return outcome;
  let plan: Plan = outcome;
  for (const edit of [...edits].sort(compareEdits)) {
    const check = validatePlanEdit(kb, plan, edit);
    if (check.ok) plan = applyOne(plan, edit, check.replacement);
  }
  return plan as T;
}

/** A dose field the knowledge base bounds for an exercise, with its bounds. */
export interface PlanEditBound {
  field: EditableDoseField;
  min: number;
  max: number;
}

/** What a clinician may change of one exercise of a plan from a given week on. */
export interface PlanEditOption {
  exerciseId: string;
  name: string;
  /** Its dose in the first week, from the given one on, that it is in. */
  dose: PlanDose;
  /** The dose fields the knowledge base bounds for it (only these can change), with the bounds. */
  bounds: PlanEditBound[];
  /** The variants `validatePlanEdit` would accept a swap to, easier first. */
  swaps: { to: 'easier' | 'harder'; exerciseId: string; name: string }[];
}

/**
 * What a clinician may change in a plan from week `fromWeek` on, one entry
 * per exercise in the plan from that week (in order of first appearance):
 * its dose then, the knowledge base's bounds of each editable dose field, and
 * the swaps `validatePlanEdit` accepts. Forms show these rather than re-typing
 * the bounds; the API still validates every edit. Empty for a no-plan outcome.
 */
export function planEditOptions(
  kb: KnowledgeBase,
  outcome: PlanOutcome,
  fromWeek: number,
): PlanEditOption[] {
  if (outcome.kind !== 'plan') return [];
  const firstDose = new Map<string, { name: string; dose: PlanDose }>();
  for (const w of outcome.weeks) {
    if (w.week < fromWeek) continue;
    for (const d of w.days)
      for (const item of d.items)
        if (item.kind === 'exercise' && !firstDose.has(item.exerciseId))
          firstDose.set(item.exerciseId, { name: item.name, dose: item.dose });
  }
  const out: PlanEditOption[] = [];
  for (const [exerciseId, { name, dose }] of firstDose) {
    const exercise = kb.exercises.find((e) => e.id === exerciseId);
    if (!exercise) continue;
    const bounds = EDITABLE_DOSE_FIELDS.flatMap((field) => {
      const b = exercise.dose.bounds[field];
      return b ? [{ field, min: b[0], max: b[1] }] : [];
    });
    const swaps = (['easier', 'harder'] as const).flatMap((to) => {
      const check = validatePlanEdit(kb, outcome, {
        exerciseId,
        fromWeek,
        reason: 'which swaps are allowed',
        change: { kind: 'swap', to },
      });
      return check.ok && check.replacement
        ? [{ to, exerciseId: check.replacement.id, name: check.replacement.name }]
        : [];
    });
    out.push({ exerciseId, name, dose, bounds, swaps });
  }
  return out;
}
