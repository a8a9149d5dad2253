import { describe, expect, it } from 'vitest';
import { cadenceChange, cadenceHistory, gctBalanceTrend } from './dynamics.js';
import { run } from './test-support.js';

describe('cadence', () => {
  it('compares the last 4 weeks with the 8 before', () => {
    const runs = [
      run('2024-01-20', 8, { avgCadenceSpm: 160 }),
      run('2024-02-01', 8, { avgCadenceSpm: 160 }),
      run('2024-02-20', 8, { avgCadenceSpm: 170 }),
      run('2024-03-01', 8, { avgCadenceSpm: 172 }),
      run('2024-03-02', 8),
    ];
    const c = cadenceChange(runs, { asOf: '2024-03-03T00:00:00Z' });
    expect(c.recent).toBe(171);
    expect(c.baseline).toBe(160);
    expect(c.changePct).toBeCloseTo(6.875);
    expect(cadenceHistory(runs).map((v) => v.value)).toEqual([160, 160, 170, 172]);
  });
});

describe('gctBalanceTrend', () => {
  it('reports the recent mean, its offset from 50% and the slope per 30 days', () => {
    const runs = [
      run('2024-01-01', 8, { dynamics: { gctBalanceLeftPct: 50 } }),
      run('2024-01-31', 8, { dynamics: { gctBalanceLeftPct: 51 } }),
      run('2024-03-01', 8, { dynamics: { gctBalanceLeftPct: 52 } }),
    ];
    const t = gctBalanceTrend(runs, { asOf: '2024-03-03T00:00:00Z' });
    expect(t.recentMeanLeftPct).toBe(52);
    expect(t.recentOffsetFrom50).toBe(2);
    expect(t.slopePer30Days).toBeCloseTo(1, 5);
    expect(t.points).toHaveLength(3);
  });
});
