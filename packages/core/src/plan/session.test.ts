/** The guided session: steps from a dose, easier/harder versions from the library, stop rules from the knowledge base. */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { PLAN_RULES } from '../knowledge/plan-rules.js';
import { PAIN_MONITORING } from '../knowledge/running-rules.js';
import { sessionSteps, swapExercise } from './session.js';
import { sessionStopRules } from './session-stop-rules.js';
import type { PlanExerciseItem } from './today.js';

const kb = loadKnowledgeBase();
const library = new Map(kb.exercises.map((e) => [e.id, e]));

describe('sessionSteps', () => {
  it('walks sets and sides with a rest between sets, not after the last', () => {
    const steps = sessionSteps({ sets: 2, reps: 6, holdSeconds: 8, perSide: true }, 30);
    expect(steps.map((s) => (s.kind === 'work' ? `${s.set}${s.side ?? ''}` : 'rest'))).toEqual([
      '1left',
      '1right',
      'rest',
      '2left',
      '2right',
    ]);
    expect(steps[0]).toMatchObject({ kind: 'work', reps: 6, holdSeconds: 8, sets: 2 });
    expect(steps[2]).toEqual({ kind: 'rest', afterSet: 1, seconds: 30 });
  });

  it('times a dose in minutes and leaves rest open when the library gives none', () => {
    const steps = sessionSteps({ sets: 2, minutes: 5, perSide: false });
    expect(steps[0]).toEqual({ kind: 'work', set: 1, sets: 2, seconds: 300 });
    expect(steps[1]).toEqual({ kind: 'rest', afterSet: 1 });
    expect(steps).toHaveLength(3);
  });
});

describe('swapExercise', () => {
  const withBoth = kb.exercises.find((e) => e.regression && e.progression);
  const without = kb.exercises.find((e) => !e.regression);

  it('uses the library’s regression and progression at their starting dose', () => {
    expect(withBoth).toBeDefined();
    if (!withBoth) return;
    const item: PlanExerciseItem = {
      kind: 'exercise',
      exerciseId: withBoth.id,
      name: withBoth.name,
      dose: { sets: 1, reps: 1, perSide: false },
      targets: [],
      reason: 'why',
    };
    const easier = swapExercise(library, item, 'easier');
    const harder = swapExercise(library, item, 'harder');
    expect(easier?.exerciseId).toBe(withBoth.regression);
    expect(harder?.exerciseId).toBe(withBoth.progression);
    expect(easier?.dose.sets).toBe(library.get(withBoth.regression ?? '')?.dose.sets);
    expect(easier?.reason).toBe('why');
  });

  it('is null when the library names no such version', () => {
    expect(without).toBeDefined();
    if (!without) return;
    const item: PlanExerciseItem = {
      kind: 'exercise',
      exerciseId: without.id,
      name: without.name,
      dose: { sets: 1, reps: 1, perSide: false },
      targets: [],
      reason: 'why',
    };
    expect(swapExercise(library, item, 'easier')).toBeNull();
    expect(swapExercise(library, { ...item, exerciseId: 'no_such' }, 'harder')).toBeNull();
  });
});

describe('sessionStopRules', () => {
  it('states the knowledge base’s pain limits, each with sources that exist', () => {
    const rules = sessionStopRules();
    const text = rules.map((r) => r.text).join(' ');
    expect(text).toContain(`${PAIN_MONITORING.safeMax}/10`);
    expect(text).toContain(`${PAIN_MONITORING.acceptableMax}/10`);
    expect(text).toContain(`${PLAN_RULES.stopRunningPain.value}/10`);
    const known = new Set(kb.sources.map((s) => s.id));
    for (const r of rules) {
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(known.has(s)).toBe(true);
    }
  });
});
