import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { LEG_PAIN_RECHECK } from '../knowledge/check-in-rules.js';
import { checkInRecheck } from './check-in-recheck.js';
import { ZCheckIn } from './types.js';

const kb = loadKnowledgeBase();

describe('the warning-sign re-check a check-in calls for', () => {
  it('asks the nerve warning-sign questions again when pain first reaches below the knee', () => {
    const recheck = checkInRecheck(kb, { legPain: 'below_knee' }, { legPain: 'above_knee' });
    expect(recheck).toBeDefined();
    // Saddle numbness, bladder and bowel, both legs, a weakening leg: every one a warning-sign question.
    expect(recheck?.questionIds).toEqual(expect.arrayContaining(['saddle_numbness']));
    expect(recheck?.questionIds.length).toBeGreaterThanOrEqual(4);
    const redFlagQuestions = new Set(kb.questions.filter((q) => q.redFlag).map((q) => q.id));
    for (const id of recheck?.questionIds ?? []) expect(redFlagQuestions.has(id)).toBe(true);
    // On the first check-in too.
    expect(checkInRecheck(kb, { legPain: 'below_knee' }, undefined)).toEqual(recheck);
  });

  it('does not ask again while the pain stays below the knee, nor for pain above it', () => {
    expect(
      checkInRecheck(kb, { legPain: 'below_knee' }, { legPain: 'below_knee' }),
    ).toBeUndefined();
    expect(checkInRecheck(kb, { legPain: 'above_knee' }, undefined)).toBeUndefined();
    expect(checkInRecheck(kb, { legPain: 'none' }, { legPain: 'below_knee' })).toBeUndefined();
    expect(checkInRecheck(kb, {}, undefined)).toBeUndefined();
  });

  it('cites sources the knowledge base has, and names red flags it has', () => {
    const sources = new Set(kb.sources.map((s) => s.id));
    for (const id of LEG_PAIN_RECHECK.sources) expect(sources.has(id)).toBe(true);
    const flags = new Set(kb.redFlags.map((f) => f.id));
    for (const id of LEG_PAIN_RECHECK.redFlags) expect(flags.has(id)).toBe(true);
  });

  it('keeps a check-in without the new fields valid, and bounds the new ones', () => {
    const base = {
      day: 1,
      painDuring: 1,
      painAfter: 1,
      painNextMorning: 1,
      sessionsDone: 1,
      sessionsPlanned: 1,
    };
    expect(ZCheckIn.safeParse(base).success).toBe(true);
    expect(
      ZCheckIn.safeParse({ ...base, distanceKm: 8.5, legPain: 'above_knee', note: ' tight calf ' })
        .data,
    ).toMatchObject({ note: 'tight calf' });
    expect(ZCheckIn.safeParse({ ...base, legPain: 'foot' }).success).toBe(false);
    expect(ZCheckIn.safeParse({ ...base, distanceKm: -1 }).success).toBe(false);
    expect(ZCheckIn.safeParse({ ...base, note: 'x'.repeat(1001) }).success).toBe(false);
    expect(ZCheckIn.safeParse({ ...base, note: '   ' }).success).toBe(false);
  });
});
