import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../assessment/answers.js';
import { assess } from '../assessment/assess.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import type { Activity } from './activity.js';
import {
  answersFromFindings,
  deriveFindings,
  hillsOption,
  weeklyChangeOption,
  type Finding,
} from './findings.js';
import { run, seriesAlong } from './test-support.js';

const asOf = '2024-03-10T20:00:00Z';

/** Three easy 10 km runs a week for 8 weeks before 3 March, then a 14 km long run on 3 March. */
function history(extra: Partial<Activity> = {}): Activity[] {
  const runs: Activity[] = [];
  for (let day = 0; day < 56; day += 7) {
    for (const offset of [0, 2, 4]) {
      const date = new Date(Date.parse('2024-01-08T00:00:00Z') + (day + offset) * 86_400_000);
      runs.push(run(date.toISOString().slice(0, 10), 10, extra));
    }
  }
  runs.push(run('2024-03-03', 14, extra));
  return runs;
}

describe('deriveFindings', () => {
  it('finds a recent long-run spike and maps it to long_run_spike', () => {
    const findings = deriveFindings(history(), { asOf });
    const spike = findings.find((f) => f.id === 'long_run_spike');
    expect(spike?.text).toBe(
      'From your imported runs: your longest run jumped 40% on 3 March (14.0 km, after a longest of 10.0 km in the 30 days before).',
    );
    expect(spike?.answer).toEqual({ questionId: 'long_run_spike', value: 'up_30_plus' });
    expect(spike?.numbers.hazardRateRatio).toBe(1.52);
    expect(spike?.sourceIds).toEqual(['frandsen-2025']);
    expect(spike?.caveat).toMatch(/not back pain specifically/);
  });

  it('answers "no" when enough runs show no spike', () => {
    const findings = deriveFindings(history().slice(0, -1), { asOf });
    expect(findings.find((f) => f.id === 'no_long_run_spike')?.answer?.value).toBe('no');
    expect(findings.some((f) => f.id === 'long_run_spike')).toBe(false);
  });

  it('reports weekly distance and its change', () => {
    const findings = deriveFindings(history(), { asOf });
    expect(findings.find((f) => f.id === 'weekly_distance')?.answer).toEqual({
      questionId: 'weekly_km',
      value: expect.any(Number) as number,
    });
    const change = findings.find((f) => f.id === 'weekly_change');
    expect(change?.answer?.questionId).toBe('weekly_change');
    expect(change?.caveat).toMatch(/Buist 2008/);
  });

  it('flags a high downhill share as hills = lots', () => {
    const hilly = history({
      elevationGainM: 300,
      series: {
        intervalS: 10,
        points: seriesAlong(10, (d) => (d <= 5000 ? d * 0.06 : (10000 - d) * 0.06)),
      },
    });
    const f = deriveFindings(hilly, { asOf }).find((x) => x.answer?.questionId === 'hills');
    expect(f?.id).toBe('high_downhill_share');
    expect(f?.answer?.value).toBe('lots');
    expect(f?.basis).toBe('expert-estimate');
  });

  it('flags shoes past the runner’s reminder, with the weak-evidence caveat', () => {
    const f = deriveFindings(history({ shoe: 'Pegasus' }), {
      asOf,
      shoes: [{ name: 'Pegasus', reminderKm: 200 }],
    }).find((x) => x.id === 'shoe_past_reminder');
    expect(f?.answer).toEqual({ questionId: 'shoe_km', value: 254 });
    expect(f?.caveat).toMatch(/no study links shoe mileage to back pain/);
  });

  it('flags an uneven ground contact balance as an uneven stride (expert estimate)', () => {
    const f = deriveFindings(history({ dynamics: { gctBalanceLeftPct: 52.4 } }), { asOf }).find(
      (x) => x.id === 'stride_imbalance',
    );
    expect(f?.answer).toEqual({ questionId: 'form_observations', value: ['uneven_stride'] });
    expect(f?.text).toMatch(/52\.4% on the left foot/);
    expect(f?.basis).toBe('expert-estimate');
    expect(
      deriveFindings(history({ dynamics: { gctBalanceLeftPct: 50.4 } }), { asOf }).some(
        (x) => x.id === 'stride_imbalance',
      ),
    ).toBe(false);
  });

  it('reports a cadence change without mapping it to a question', () => {
    const runs = history({ avgCadenceSpm: 160 }).map((a) =>
      Date.parse(a.startTime ?? '') > Date.parse('2024-02-12T00:00:00Z')
        ? { ...a, avgCadenceSpm: 172 }
        : a,
    );
    const f = deriveFindings(runs, { asOf }).find((x) => x.id === 'cadence_change');
    expect(f?.numbers.changePct).toBeCloseTo(7.5);
    expect(f?.answer).toBeUndefined();
  });

  it('ignores runs after the assessment date', () => {
    expect(deriveFindings(history(), { asOf: '2023-01-01T00:00:00Z' })).toEqual([]);
  });

  it('maps only to real questions and options of the knowledge base', () => {
    const kb = loadKnowledgeBase();
    const all = [
      ...deriveFindings(history({ shoe: 'A', dynamics: { gctBalanceLeftPct: 53 } }), {
        asOf,
        shoes: [{ name: 'A', reminderKm: 100 }],
      }),
      ...deriveFindings(history().slice(0, -1), { asOf }),
    ];
    const values: [string, unknown][] = [
      ['long_run_spike', 'up_10_30'],
      ['hills', 'flat'],
      ['hills', 'some'],
      ['hills', 'lots'],
      ...['less', 'same', 'up_small', 'up_moderate', 'up_large'].map((v): [string, unknown] => [
        'weekly_change',
        v,
      ]),
      ...all.flatMap((f): [string, unknown][] =>
        f.answer ? [[f.answer.questionId, f.answer.value]] : [],
      ),
    ];
    for (const [qid, value] of values) {
      const q = kb.questions.find((x) => x.id === qid);
      expect(q, qid).toBeDefined();
      if (!q) continue;
      if (q.type === 'single') expect(q.options?.map((o) => o.id)).toContain(value);
      if (q.type === 'multi') {
        for (const v of value as string[]) expect(q.options?.map((o) => o.id)).toContain(v);
      }
      if (q.type === 'number') {
        expect(value).toBeGreaterThanOrEqual(q.min ?? 0);
        expect(value).toBeLessThanOrEqual(q.max ?? Infinity);
      }
    }
  });
});

describe('answer bands', () => {
  it.each([
    [-20, 'less'],
    [0, 'same'],
    [8, 'up_small'],
    [25, 'up_moderate'],
    [45, 'up_large'],
  ])('weekly change %d%% → %s', (pct, option) => {
    expect(weeklyChangeOption(pct)).toBe(option);
  });

  it('grades hills by downhill share or climb per km', () => {
    expect(hillsOption(0.05, 2)).toBe('flat');
    expect(hillsOption(0.15, 2)).toBe('some');
    expect(hillsOption(0.05, 25)).toBe('lots');
  });
});

describe('answersFromFindings', () => {
  const base = { numbers: {}, basis: 'expert-estimate', sourceIds: [], activityIds: [] } as const;
  const f = (x: Partial<Finding> & Pick<Finding, 'id' | 'level' | 'text'>): Finding => ({
    ...base,
    numbers: {},
    sourceIds: [],
    activityIds: [],
    ...x,
  });

  it('returns answers with provenance, merging multi-choice values', () => {
    const out = answersFromFindings([
      f({
        id: 'no_long_run_spike',
        level: 'info',
        text: 'a',
        answer: { questionId: 'long_run_spike', value: 'no' },
      }),
      f({
        id: 'long_run_spike',
        level: 'flag',
        text: 'b',
        answer: { questionId: 'long_run_spike', value: 'up_10_30' },
      }),
      f({
        id: 'stride_imbalance',
        level: 'flag',
        text: 'c',
        answer: { questionId: 'form_observations', value: ['uneven_stride'] },
      }),
      f({ id: 'cadence_change', level: 'info', text: 'd' }),
    ]);
    expect(out.answers).toEqual({
      long_run_spike: 'up_10_30',
      form_observations: ['uneven_stride'],
    });
    expect(out.provenance.long_run_spike).toEqual({
      source: 'imported_runs',
      findingIds: ['long_run_spike'],
      texts: ['b'],
    });
    expect(out.statements).toEqual({ long_run_spike: 'b', form_observations: 'c' });
  });

  it('feeds the assessment: answers validate and explanation steps carry the provenance', () => {
    const kb = loadKnowledgeBase();
    const findings = deriveFindings(history({ dynamics: { gctBalanceLeftPct: 53 } }), { asOf });
    const { answers, statements } = answersFromFindings(findings);
    const { issues } = validateAnswers(kb, answers);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const result = assess(kb, answers, [], { provenance: statements });
    const steps = result.contributors
      .flatMap((c) => c.explanation)
      .filter((s) => s.questionId === 'long_run_spike');
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step.from).toMatch(/^From your imported runs: /);
  });
});
