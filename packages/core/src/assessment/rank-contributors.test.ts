/**
 * The ranking's handling of correlated findings (effect groups) and the
 * likelihood bands, on small named answer sets.
 */
import { describe, expect, it } from 'vitest';
import { LIKELIHOOD_BANDS, loadKnowledgeBase } from '../knowledge/index.js';
import type { Answers } from './answers.js';
import { likelihoodBand } from './likelihood-band.js';
import { NO_WARNING_SIGNS } from './named-answers.js';
import { rankContributors, type RankedContributor } from './rank-contributors.js';

const kb = loadKnowledgeBase();

function steps(answers: Answers, id: string): RankedContributor['explanation'] {
  return rankContributors(kb, { ...NO_WARNING_SIGNS, ...answers }).find((c) => c.id === id)
    ?.explanation as RankedContributor['explanation'];
}

describe('correlated findings', () => {
  it('count the strongest answer of a group in full and the overlapping one at half strength', () => {
    // Both are facets of one load rise (group load_spike): no rest day ×1.8 and a >30% weekly rise ×1.26.
    const load = steps({ weekly_change: 'up_large', rest_days: 0 }, 'training_load_error');
    const weekly = load.find((s) => s.questionId === 'weekly_change');
    const rest = load.find((s) => s.questionId === 'rest_days');
    expect(rest?.factor).toBe(1.8);
    expect(rest?.overlap).toBeUndefined();
    expect(weekly?.factor).toBeCloseTo(Math.sqrt(1.26), 10);
    expect(weekly?.overlap).toEqual({
      group: 'load_spike',
      label: 'a recent rise in training load',
      fullFactor: 1.26,
      countedInFull: 'rest_days',
    });
  });

  it('damp several options of one question that point the same way', () => {
    const facet = steps({ worse_with: ['arching_back', 'twisting'] }, 'facet_joint_irritation');
    expect(facet.find((s) => s.answer.includes('Arching'))?.factor).toBe(1.7);
    const twisting = facet.find((s) => s.questionId === 'worse_with' && s.overlap !== undefined);
    expect(twisting?.factor).toBeCloseTo(Math.sqrt(1.4), 10);
    expect(twisting?.overlap?.group).toBe('question:worse_with');
  });

  it('let answers in different groups multiply in full', () => {
    const load = steps(
      { weekly_change: 'up_large', restricted_eating: 'yes' },
      'training_load_error',
    );
    expect(load.every((s) => s.overlap === undefined)).toBe(true);
  });

  it('keep the strongest raising and the strongest lowering answer of a group each in full', () => {
    const load = steps(
      { weekly_change: 'up_large', training_changes: ['none'] },
      'training_load_error',
    );
    const spike = load.filter((s) => s.questionId !== 'low_energy_signs');
    expect(spike.map((s) => [s.questionId, s.factor, s.overlap === undefined])).toEqual([
      ['weekly_change', 1.26, true],
      ['training_changes', 0.5, true],
    ]);
  });

  it('never turn a raising answer into a lowering one, and show every damped step', () => {
    const all = rankContributors(kb, {
      ...NO_WARNING_SIGNS,
      weekly_change: 'up_large',
      long_run_spike: 'up_30_plus',
      onset: 'after_hard_session',
      rest_days: 0,
      training_changes: ['more_runs', 'back_after_break'],
      worse_with: ['arching_back', 'twisting', 'standing'],
    }).flatMap((c) => c.explanation);
    for (const s of all) {
      const full = s.overlap?.fullFactor ?? s.factor;
      expect(Math.sign(Math.log(s.factor))).toBe(Math.sign(Math.log(full)));
      expect(Math.abs(Math.log(s.factor))).toBeLessThanOrEqual(Math.abs(Math.log(full)));
    }
    expect(all.filter((s) => s.overlap).length).toBeGreaterThan(3);
  });
});

describe('likelihood bands', () => {
  it('put words on probabilities at the knowledge base thresholds', () => {
    expect(likelihoodBand(LIKELIHOOD_BANDS.likely)).toBe('likely');
    expect(likelihoodBand(0.9)).toBe('likely');
    expect(likelihoodBand(LIKELIHOOD_BANDS.possible)).toBe('possible');
    expect(likelihoodBand(LIKELIHOOD_BANDS.likely - 0.001)).toBe('possible');
    expect(likelihoodBand(LIKELIHOOD_BANDS.possible - 0.001)).toBe('less likely');
    expect(LIKELIHOOD_BANDS.basis).toBe('expert-estimate');
  });

  it('come with every ranked contributor', () => {
    for (const c of rankContributors(kb, NO_WARNING_SIGNS))
      expect(c.band).toBe(likelihoodBand(c.probability));
  });
});
