import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { PAIN_SCALE, PSFS } from '../knowledge/instruments.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import {
  judgeOutcomeChange,
  outcomeSeries,
  scoreOutcome,
  type OutcomeMeasure,
} from './outcomes.js';

function invalid(fn: () => unknown, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('invalid_input');
    expect((e as DomainError).message.startsWith(`${field}:`)).toBe(true);
    return;
  }
  throw new Error(`expected invalid ${field}`);
}

describe('scoreOutcome', () => {
  it('takes an NPRS whole number 0–10', () => {
    expect(scoreOutcome({ instrument: 'nprs', score: 0 })).toEqual({ score: 0, items: null });
    expect(scoreOutcome({ instrument: 'nprs', score: 10 }).score).toBe(10);
  });
  it('refuses an NPRS out of range or fractional, naming score', () => {
    invalid(() => scoreOutcome({ instrument: 'nprs', score: 11 }), 'score');
    invalid(() => scoreOutcome({ instrument: 'nprs', score: -1 }), 'score');
    invalid(() => scoreOutcome({ instrument: 'nprs', score: 2.5 }), 'score');
  });
  it('scores PSFS as the mean of the activities, one decimal, names trimmed', () => {
    const r = scoreOutcome({
      instrument: 'psfs',
      items: [
        { activity: ' Running 10 km ', score: 3 },
        { activity: 'Sitting an hour', score: 6 },
        { activity: 'Lifting my child', score: 6 },
      ],
    });
    expect(r.score).toBe(5);
    expect(r.items?.[0]?.activity).toBe('Running 10 km');
    expect(
      scoreOutcome({
        instrument: 'psfs',
        items: [
          { activity: 'a', score: 1 },
          { activity: 'b', score: 2 },
          { activity: 'c', score: 2 },
        ],
      }).score,
    ).toBe(1.7);
  });
  it('refuses PSFS with no or too many activities, empty or repeated names, bad ratings', () => {
    invalid(() => scoreOutcome({ instrument: 'psfs', items: [] }), 'items');
    const six = Array.from({ length: PSFS.maxActivities + 1 }, (_, i) => ({
      activity: `a${String(i)}`,
      score: 5,
    }));
    invalid(() => scoreOutcome({ instrument: 'psfs', items: six }), 'items');
    invalid(
      () => scoreOutcome({ instrument: 'psfs', items: [{ activity: '  ', score: 5 }] }),
      'items.0.activity',
    );
    invalid(
      () =>
        scoreOutcome({
          instrument: 'psfs',
          items: [
            { activity: 'Run', score: 5 },
            { activity: 'run', score: 4 },
          ],
        }),
      'items.1.activity',
    );
    invalid(
      () => scoreOutcome({ instrument: 'psfs', items: [{ activity: 'Run', score: 12 }] }),
      'items.0.score',
    );
  });
});

describe('judgeOutcomeChange', () => {
  it('counts a pain drop of the minimal important change as an important improvement', () => {
    const c = judgeOutcomeChange('nprs', 6, 6 - PAIN_SCALE.minimalImportantChange);
    expect(c).toMatchObject({ direction: 'better', important: true, points: -2 });
    expect(c.text).toBe(
      'Pain improved by 2 points (from 6 to 4): at least the 2-point change that matters to patients.',
    );
  });
  it('calls a 1-point pain drop an improvement below the minimal important change', () => {
    const c = judgeOutcomeChange('nprs', 5, 4);
    expect(c).toMatchObject({ direction: 'better', important: false });
    expect(c.text).toContain('less than the 2-point change');
  });
  it('reads a pain rise as worse and a PSFS rise as better', () => {
    expect(judgeOutcomeChange('nprs', 3, 6)).toMatchObject({ direction: 'worse', important: true });
    expect(judgeOutcomeChange('psfs', 3, 4.3)).toMatchObject({
      direction: 'better',
      important: true,
      minimalImportantChange: PSFS.minimalImportantChange,
    });
    expect(judgeOutcomeChange('psfs', 3, 4.2)).toMatchObject({ important: false });
    expect(judgeOutcomeChange('psfs', 4, 4)).toMatchObject({
      direction: 'unchanged',
      important: false,
    });
  });
  it('cites sources that exist in the knowledge base', () => {
    const ids = new Set(loadKnowledgeBase().sources.map((s) => s.id));
    for (const instrument of ['nprs', 'psfs'] as const)
      for (const id of judgeOutcomeChange(instrument, 1, 2).sources) expect(ids).toContain(id);
  });
});

describe('outcomeSeries', () => {
  const m = (instrument: 'nprs' | 'psfs', score: number, day: number): OutcomeMeasure => ({
    instrument,
    score,
    items: null,
    recordedAt: `2026-01-${String(day).padStart(2, '0')}T08:00:00.000Z`,
  });
  it('groups by instrument oldest first and judges first against latest', () => {
    const series = outcomeSeries([
      m('nprs', 3, 20),
      m('psfs', 4, 2),
      m('nprs', 7, 1),
      m('nprs', 5, 10),
    ]);
    expect(series.map((s) => s.instrument)).toEqual(['nprs', 'psfs']);
    expect(series[0]?.measures.map((x) => x.score)).toEqual([7, 5, 3]);
    expect(series[0]?.change).toMatchObject({ from: 7, to: 3, important: true });
    expect(series[1]?.change).toBeNull();
  });
  it('is empty without measures', () => {
    expect(outcomeSeries([])).toEqual([]);
  });
});
