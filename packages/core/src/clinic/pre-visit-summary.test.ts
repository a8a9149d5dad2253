import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../assessment/answers.js';
import { assess } from '../assessment/assess.js';
import { NO_WARNING_SIGNS } from '../assessment/named-answers.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { generatePlan } from '../plan/generate-plan.js';
import { planEditOptions, type PlanEdit } from '../plan/edits.js';
import { replayPlan } from '../plan/replay-plan.js';
import { buildPreVisitSummary, checkInTrend } from './pre-visit-summary.js';
import type { ShareScopes } from './share-items.js';

const kb = loadKnowledgeBase();
const ALL: ShareScopes = { assessment: true, plan: true, checkins: true, training: true };
const answers = {
  ...NO_WARNING_SIGNS,
  age: 34,
  pain_map: ['low_back_centre'],
  onset: 'gradual',
  pain_now: 4,
  night_pain: 'unsure',
};

describe('buildPreVisitSummary', () => {
  it('shows the consented assessment: triage, not-sure answers, pain map, onset, weak links with reasons, risk', () => {
    const result = assess(kb, answers);
    const s = buildPreVisitSummary(kb, {
      shared: ALL,
      assessment: { answers, result },
      plan: null,
      training: null,
      outcomes: [],
    });
    expect(s.triage.status).toBe('shown');
    if (s.triage.status === 'shown') {
      expect(s.triage.data.tier).toBe(result.triage.tier);
      expect(s.triage.data.notSure).toEqual(result.triage.unsure);
    }
    expect(s.painMap).toMatchObject({ status: 'shown', data: { regions: ['low_back_centre'] } });
    expect(s.onsetAndCourse.status).toBe('shown');
    if (s.onsetAndCourse.status === 'shown')
      expect(s.onsetAndCourse.data.map((a) => a.questionId)).toEqual([
        'onset',
        'duration',
        'trend',
        'pain_now',
      ]);
    expect(s.weakLinks.status).toBe('shown');
    if (s.weakLinks.status === 'shown') {
      expect(s.weakLinks.data.length).toBeGreaterThan(0);
      expect(s.weakLinks.data.length).toBeLessThanOrEqual(5);
      expect(s.weakLinks.data[0]?.name).toBe(result.contributors[0]?.name);
    }
    expect(s.risk).toEqual({ status: 'shown', data: result.risk });
    expect(s.plan).toEqual({ status: 'no_data', item: 'plan' });
    expect(s.checkIns).toEqual({ status: 'no_data', item: 'checkins' });
    expect(s.training).toEqual({ status: 'no_data', item: 'training' });
  });

  it('shows nothing of an item the runner did not share, even when the data is there', () => {
    const result = assess(kb, answers);
    const s = buildPreVisitSummary(kb, {
      shared: { ...ALL, assessment: false },
      assessment: { answers, result },
      plan: null,
      training: null,
      outcomes: [],
    });
    for (const section of [s.triage, s.painMap, s.onsetAndCourse, s.weakLinks, s.risk])
      expect(section).toEqual({ status: 'not_shared', item: 'assessment' });
    expect(JSON.stringify(s)).not.toContain('low_back_centre');
  });

  it('shows outcome measures over time with the check-ins, and hides them without that consent', () => {
    const outcomes = [
      { instrument: 'nprs' as const, score: 6, items: null, recordedAt: '2026-01-01T08:00:00Z' },
      { instrument: 'nprs' as const, score: 3, items: null, recordedAt: '2026-01-15T08:00:00Z' },
    ];
    const input = { assessment: null, plan: null, training: null, outcomes };
    const s = buildPreVisitSummary(kb, { ...input, shared: ALL });
    expect(s.outcomes.status).toBe('shown');
    if (s.outcomes.status === 'shown')
      expect(s.outcomes.data[0]?.change).toMatchObject({ points: -3, important: true });
    const hidden = buildPreVisitSummary(kb, { ...input, shared: { ...ALL, checkins: false } });
    expect(hidden.outcomes).toEqual({ status: 'not_shared', item: 'checkins' });
    const none = buildPreVisitSummary(kb, { ...input, outcomes: [], shared: ALL });
    expect(none.outcomes).toEqual({ status: 'no_data', item: 'checkins' });
  });
});

describe('buildPreVisitSummary: plan editing', () => {
  const { answers: planAnswers } = validateAnswers(kb, {
    ...NO_WARNING_SIGNS,
    trend: 'same',
    weekly_km: 30,
    pain_now: 3,
  });
  const outcome = generatePlan(kb, assess(kb, planAnswers), planAnswers, { longestRunKm: 10 });
  if (outcome.kind !== 'plan') throw new Error('expected a plan');
  const [first] = planEditOptions(kb, outcome, 1);
  if (!first) throw new Error('expected an editable exercise');
  const edits: PlanEdit[] = [
    {
      id: 'b',
      at: '2026-01-03T08:00:00Z',
      authorName: 'Dr B',
      exerciseId: first.exerciseId,
      fromWeek: 1,
      reason: 'Later',
      change: { kind: 'pause' },
    },
    {
      id: 'a',
      at: '2026-01-02T08:00:00Z',
      authorName: 'Dr A',
      exerciseId: first.exerciseId,
      fromWeek: 1,
      reason: 'Earlier',
      change: { kind: 'swap', to: 'easier' },
    },
  ];
  const summaryOn = (todayDay: number | undefined) =>
    buildPreVisitSummary(kb, {
      shared: ALL,
      assessment: null,
      plan: {
        replayed: replayPlan(kb, outcome, [], {}),
        checkIns: [],
        edits,
        ...(todayDay === undefined ? {} : { todayDay }),
      },
      training: null,
      outcomes: [],
    }).plan;

  it('edits from the plan’s current week, clamped to the plan, with the core’s options', () => {
    const weeks = outcome.weeks.length;
    for (const [todayDay, week] of [
      [undefined, 1],
      [-3, 1],
      [8, 2],
      [weeks * 7 + 30, weeks],
    ] as const) {
      const plan = summaryOn(todayDay);
      if (plan.status !== 'shown') throw new Error('expected the plan');
      expect(plan.data.editFromWeek, `day ${String(todayDay)}`).toBe(week);
      expect(plan.data.editOptions).toEqual(planEditOptions(kb, outcome, week));
    }
  });

  it('lists the edits oldest first with the exercise’s name', () => {
    const plan = summaryOn(1);
    if (plan.status !== 'shown') throw new Error('expected the plan');
    expect(plan.data.edits.map((e) => [e.id, e.exerciseName])).toEqual([
      ['a', first.name],
      ['b', first.name],
    ]);
  });
});

describe('checkInTrend', () => {
  it('counts adherence and compares the first and last week of next-morning pain', () => {
    const checkIns = Array.from({ length: 14 }, (_, i) => ({
      day: 14 - i,
      painDuring: 3,
      painAfter: 3,
      painNextMorning: 14 - i <= 7 ? 6 : 2,
      sessionsDone: i % 2,
      sessionsPlanned: 1,
    }));
    const trend = checkInTrend(checkIns);
    expect(trend.checkIns).toBe(14);
    expect(trend.adherence).toBeCloseTo(7 / 14);
    expect(trend.nextMorningPain[0]).toEqual({ day: 1, pain: 6 });
    expect(trend.firstWeekMean).toBe(6);
    expect(trend.lastWeekMean).toBe(2);
    expect(checkInTrend([]).adherence).toBeNull();
  });
});
