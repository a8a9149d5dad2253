/**
 * Rules the likelihood ratios of `effects.ts` must keep, beyond what the
 * schema checks: how serious-pathology answers may touch the ranking, and
 * how odds, hazard and risk ratios become likelihood ratios.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './index.js';
import { shrinkAssociation } from './schema.js';

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

  it('use an odds, hazard or risk ratio only shrunk to its square root, and say so', () => {
    for (const q of kb.questions)
      for (const e of q.effects) {
        if (!e.association) continue;
        const where = `${q.id} → ${e.contributor}`;
        expect(e.lr, where).toBe(shrinkAssociation(e.association.value));
        expect(e.basis, where).toBe('study');
        expect(e.note, where).toMatch(/square root/);
      }
  });

  it('carry the association whenever a note cites an odds, hazard or risk ratio', () => {
    const cites = /\b(OR|HRR?|RR)\b\s*[≈=]?\s*\d|odds ratio|hazard (rate )?ratio|risk ratio/i;
    const missing = kb.questions.flatMap((q) =>
      q.effects
        .filter((e) => e.note !== undefined && cites.test(e.note) && !e.association)
        .map((e) => `${q.id} → ${e.contributor}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('shrinkAssociation', () => {
  it('halves the log-ratio, both ways, and leaves 1 alone', () => {
    expect(shrinkAssociation(4)).toBe(2);
    expect(shrinkAssociation(0.25)).toBe(0.5);
    expect(shrinkAssociation(1)).toBe(1);
    expect(shrinkAssociation(1.64)).toBe(1.28);
  });
});
