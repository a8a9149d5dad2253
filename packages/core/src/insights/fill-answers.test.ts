import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import type { Finding } from '../training/findings.js';
import { fillAnswersFromTraining } from './fill-answers.js';

const kb = loadKnowledgeBase();

function finding(
  id: Finding['id'],
  questionId: string,
  value: Finding['answer'] extends infer A ? (A extends { value: infer V } ? V : never) : never,
  level: Finding['level'] = 'flag',
): Finding {
  return {
    id,
    level,
    numbers: {},
    text: `From your imported runs: ${id}.`,
    answer: { questionId, value },
    basis: 'expert-estimate',
    sourceIds: [],
    activityIds: [],
  };
}

const findings: Finding[] = [
  finding('long_run_spike', 'long_run_spike', 'up_30_plus'),
  finding('high_downhill_share', 'hills', 'lots'),
  finding('weekly_distance', 'weekly_km', 42.5, 'info'),
];

describe('fillAnswersFromTraining', () => {
  it('fills only what the runner did not answer; the runner’s answers win', () => {
    const filled = fillAnswersFromTraining(kb, { hills: 'flat', age: 40 }, findings);
    expect(filled.answers).toMatchObject({
      hills: 'flat',
      age: 40,
      long_run_spike: 'up_30_plus',
      weekly_km: 42.5,
    });
    expect(Object.keys(filled.filled).sort()).toEqual(['long_run_spike', 'weekly_km']);
    expect(filled.runnerAnswered).toEqual(['hills']);
    expect(filled.provenance).toEqual({
      long_run_spike: 'From your imported runs: long_run_spike.',
      weekly_km: 'From your imported runs: weekly_distance.',
    });
    expect(filled.filled.long_run_spike).toEqual({
      value: 'up_30_plus',
      findingIds: ['long_run_spike'],
      statement: 'From your imported runs: long_run_spike.',
    });
  });

  it('drops a value the question cannot take', () => {
    const filled = fillAnswersFromTraining(kb, {}, [finding('weekly_distance', 'weekly_km', 999)]);
    expect(filled.filled).toEqual({});
    expect(filled.answers).toEqual({});
  });

  it('gives assess explanation steps marked with where the answer came from', () => {
    const filled = fillAnswersFromTraining(kb, {}, findings);
    const result = assess(kb, filled.answers, [], { provenance: filled.provenance });
    const steps = result.contributors.flatMap((c) => c.explanation);
    const fromRuns = steps.filter((s) => s.from !== undefined);
    expect(fromRuns.length).toBeGreaterThan(0);
    for (const s of fromRuns) expect(s.from).toMatch(/^From your imported runs: /);
  });
});
