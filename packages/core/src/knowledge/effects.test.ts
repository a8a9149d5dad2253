/**
 * Rules the likelihood ratios of `effects.ts` must keep, beyond what the
 * schema checks: how serious-pathology answers may touch the ranking.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './index.js';

const kb = loadKnowledgeBase();

describe('effects', () => {
  it('never raise "no single mechanical weak link" on a warning-sign answer (triage handles those)', () => {
    // Pain lasting over 3 months is asked with the screen but is not a warning sign: persistent
    // pain is mostly non-specific (Hartvigsen 2018), so it alone may raise `nonspecific`.
    const allowed = new Set(['duration']);
    const raising = kb.questions
      .filter((q) => q.redFlag && !allowed.has(q.id))
      .flatMap((q) =>
        q.effects
          .filter((e) => e.contributor === 'nonspecific' && (e.lr > 1 || e.lrElse > 1))
          .map(() => q.id),
      );
    expect(raising).toEqual([]);
  });
});
