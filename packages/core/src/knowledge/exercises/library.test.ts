import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasIllustration } from '../../illustrations/index.js';
import { CONTRIBUTOR_IDS } from '../schema.js';
import { SOURCES } from '../sources.js';
import {
  buildExerciseLibrary,
  exerciseCitations,
  EXERCISES,
  LOAD_CONTRAINDICATIONS,
  loadExerciseLibrary,
  ZDose,
  ZExercise,
} from './index.js';

/** Highest seed-claim number per article, from seeds/CLAIMS.md. */
const SEED_CLAIM_MAX: Record<string, number> = { S0: 18, S1: 10, S2: 12, S3: 12, S4: 10 };
const isSeedClaim = (id: string): boolean => {
  const m = /^(S[0-4])-(\d{2})$/.exec(id);
  if (!m?.[1] || !m[2]) return false;
  const n = Number(m[2]);
  return n >= 1 && n <= (SEED_CLAIM_MAX[m[1]] ?? 0);
};

const library = loadExerciseLibrary();
const byId = new Map(library.map((e) => [e.id, e]));

/** A valid record to mutate in negative tests. */
const base = EXERCISES.find((e) => e.id === 'glute_bridge');
if (!base) throw new Error('fixture glute_bridge missing');

describe('exercise library', () => {
  it('parses every record and has at least 22 exercises', () => {
    expect(() => buildExerciseLibrary(EXERCISES)).not.toThrow();
    expect(library.length).toBeGreaterThanOrEqual(22);
  });

  it('includes every exercise the articles name and those the issue asks for', () => {
    const required = [
      'plank',
      'glute_bridge',
      'bird_dog', // S2-06
      'single_leg_deadlift',
      'hip_thrust',
      'side_lunge', // S2-07
      'side_plank',
      'curl_up',
      'dead_bug',
      'clamshell',
      'hip_flexor_stretch',
      'hamstring_stretch',
      'adductor_stretch',
      'calf_stretch',
      'thoracic_rotation',
      'wall_slide',
      'diaphragmatic_breathing',
      'single_leg_balance',
    ];
    for (const id of required) expect(byId.has(id), id).toBe(true);
  });

  it('names each seed exercise with the seed claim it comes from', () => {
    for (const id of ['plank', 'bird_dog']) expect(byId.get(id)?.sources).toContain('S2-06');
    expect(byId.get('glute_bridge')?.sources).toContain('S2-06');
    for (const id of ['single_leg_deadlift', 'hip_thrust', 'side_lunge'])
      expect(byId.get(id)?.sources).toContain('S2-07');
  });

  it('gives every exercise an illustration that exists', () => {
    for (const e of library) expect(hasIllustration(e.illustration), e.id).toBe(true);
  });

  it('keeps every default dose within its bounds', () => {
    for (const { id, dose } of library) {
      const within = (v: number | undefined, b: readonly [number, number] | undefined) =>
        v === undefined ? b === undefined : b !== undefined && v >= b[0] && v <= b[1];
      expect(within(dose.sets, dose.bounds.sets), `${id} sets`).toBe(true);
      expect(within(dose.reps, dose.bounds.reps), `${id} reps`).toBe(true);
      expect(within(dose.holdSeconds, dose.bounds.holdSeconds), `${id} hold`).toBe(true);
      expect(within(dose.minutes, dose.bounds.minutes), `${id} minutes`).toBe(true);
      expect(within(dose.timesPerWeek, dose.bounds.timesPerWeek), `${id} per week`).toBe(true);
    }
  });

  it('uses only contributor ids as targets and contraindications', () => {
    const known = new Set<string>(CONTRIBUTOR_IDS);
    for (const e of library) {
      for (const t of [...e.targets, ...e.avoidWhen])
        expect(known.has(t), `${e.id}: ${t}`).toBe(true);
    }
  });

  it('cites only known sources or seed claims', () => {
    const known = new Set(SOURCES.map((s) => s.id));
    const unknown = exerciseCitations(library).filter(
      (c) => !known.has(c.source) && !isSeedClaim(c.source),
    );
    expect(unknown).toEqual([]);
  });

  it('doses every stretch at 30-second holds or more, 3–7 days a week (Bandy 1997)', () => {
    const stretches = library.filter((e) => e.category === 'stretch');
    expect(stretches.length).toBeGreaterThanOrEqual(4);
    for (const { id, dose } of stretches) {
      expect(dose.holdSeconds, id).toBe(30);
      expect(dose.bounds.holdSeconds?.[0], id).toBeGreaterThanOrEqual(30);
      expect(dose.timesPerWeek, id).toBe(5);
      expect(dose.sources, id).toContain('bandy-1997');
    }
  });

  it('leaves out spinal extension and impact when the rule says so', () => {
    for (const e of library) {
      for (const load of e.loads) {
        for (const c of LOAD_CONTRAINDICATIONS[load])
          expect(e.avoidWhen, `${e.id} (${load})`).toContain(c);
      }
    }
    const pressUp = byId.get('prone_press_up');
    expect(pressUp?.avoidWhen).toEqual(
      expect.arrayContaining(['bone_stress', 'facet_joint_irritation']),
    );
  });

  it('has regression and progression chains that go somewhere else and never loop', () => {
    for (const start of library) {
      for (const key of ['regression', 'progression'] as const) {
        const seen = new Set<string>([start.id]);
        let next = start[key];
        while (next !== undefined) {
          expect(seen.has(next), `${key} loop from ${start.id} through ${next}`).toBe(false);
          seen.add(next);
          next = byId.get(next)?.[key];
        }
      }
    }
  });

  it('gives every exercise a stop rule with the red-flag warning', () => {
    for (const e of library)
      expect(
        e.stopIf.some((s) => /bladder or bowel/.test(s)),
        e.id,
      ).toBe(true);
  });
});

describe('exercise text a runner reads', () => {
  it('regression: names no source by its id (the print view showed “(S0-12)”); the ids stay in sources', () => {
    const ids = new Set(SOURCES.map((x) => x.id));
    for (const e of EXERCISES) {
      const texts = [
        e.name,
        e.summary,
        e.easier,
        e.harder,
        e.evidenceNote,
        ...e.cues,
        ...e.steps,
        ...e.mistakes,
        ...e.stopIf,
      ];
      for (const text of texts) {
        expect(text, e.id).not.toMatch(/\bS\d-\d\d\b/);
        for (const word of text.split(/[^a-z0-9-]+/))
          expect(ids.has(word), `${e.id}: ${word}`).toBe(false);
      }
    }
  });
});

describe('exercise schema rejects bad records', () => {
  it('rejects a default dose outside its bounds', () => {
    const bad = { ...base, dose: { ...base.dose, reps: 40 } };
    expect(ZExercise.safeParse(bad).success).toBe(false);
  });

  it('rejects a quantity without bounds and bounds without a quantity', () => {
    const bounds = { ...base.dose.bounds, reps: undefined };
    expect(ZExercise.safeParse({ ...base, dose: { ...base.dose, bounds } }).success).toBe(false);
    const extra = { ...base.dose, bounds: { ...base.dose.bounds, minutes: [1, 5] } };
    expect(ZExercise.safeParse({ ...base, dose: extra }).success).toBe(false);
  });

  it('rejects a target that is not a contributor', () => {
    expect(ZExercise.safeParse({ ...base, targets: ['weak_knees'] }).success).toBe(false);
  });

  it('rejects extension loading that does not avoid bone stress and facet irritation', () => {
    const bad = { ...base, loads: ['spinal_extension'] };
    const result = ZExercise.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toMatch(
      /does not avoid bone_stress/,
    );
  });

  it('rejects an exercise that targets what it avoids, or avoids without saying why', () => {
    expect(
      ZExercise.safeParse({ ...base, avoidWhen: ['glute_hip_weakness'], avoidNote: 'x'.repeat(30) })
        .success,
    ).toBe(false);
    expect(ZExercise.safeParse({ ...base, avoidWhen: ['bone_stress'] }).success).toBe(false);
  });

  it('rejects a regression or progression that is not in the library', () => {
    const broken = EXERCISES.map((e) =>
      e.id === 'glute_bridge' ? { ...e, progression: 'bridge_on_a_ball' } : e,
    );
    expect(() => buildExerciseLibrary(broken)).toThrow(
      /progression bridge_on_a_ball is not in the library/,
    );
  });

  it('rejects duplicate ids and missing illustrations', () => {
    expect(() => buildExerciseLibrary([...EXERCISES, base])).toThrow(
      /duplicate exercise id glute_bridge/,
    );
    expect(() =>
      buildExerciseLibrary(EXERCISES, { illustrationExists: (id) => id !== 'plank' }),
    ).toThrow(/plank: no illustration plank/);
  });

  it('accepts a dose exactly when every quantity lies within its bounds (property)', () => {
    const bounded = fc
      .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }))
      .map(([lo, span]) => [lo, lo + span] as [number, number]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        bounded,
        fc.integer({ min: 1, max: 14 }),
        (reps, b, week) => {
          const dose = {
            ...base.dose,
            reps,
            timesPerWeek: week,
            bounds: { ...base.dose.bounds, reps: b, timesPerWeek: [1, 14] as [number, number] },
          };
          const ok = ZDose.safeParse(dose).success;
          expect(ok).toBe(reps >= b[0] && reps <= b[1]);
        },
      ),
    );
  });
});
