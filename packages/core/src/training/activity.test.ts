import { describe, expect, it } from 'vitest';
import { isRun, stepsPerMinuteFromStrides, ZActivity } from './activity.js';
import { run } from './test-support.js';

describe('ZActivity', () => {
  it('accepts a built activity and rejects units out of range', () => {
    const a = run('2024-03-03', 10, {
      avgCadenceSpm: 166,
      dynamics: { groundContactTimeMs: 250, gctBalanceLeftPct: 50.4 },
      series: { intervalS: 10, points: [{ timeS: 0, distanceM: 0, altitudeM: 12 }] },
    });
    expect(ZActivity.parse(a)).toEqual(a);
    expect(ZActivity.safeParse({ ...a, distanceM: -1 }).success).toBe(false);
    expect(ZActivity.safeParse({ ...a, startTime: '3 March' }).success).toBe(false);
    expect(
      ZActivity.safeParse({ ...a, dynamics: { gctBalanceLeftPct: 0 } }).success,
      '0 means "no data" and must not be stored',
    ).toBe(false);
  });

  it('allows an activity whose time is unknown', () => {
    const a = run('2024-03-03', 3);
    delete a.startTime;
    delete a.durationS;
    expect(ZActivity.safeParse(a).success).toBe(true);
  });
});

describe('cadence', () => {
  it('doubles FIT strides per minute into steps per minute (SOURCES.md: 83 → 166)', () => {
    expect(stepsPerMinuteFromStrides(83)).toBe(166);
    expect(stepsPerMinuteFromStrides(83, 0.671875)).toBeCloseTo(167.34, 2);
  });
});

describe('isRun', () => {
  it('counts running only', () => {
    expect(isRun({ sport: 'running' })).toBe(true);
    expect(isRun({ sport: 'cycling' })).toBe(false);
    expect(isRun({ sport: 'transition' })).toBe(false);
  });
});
