import { describe, expect, it } from 'vitest';
import {
  ACWR_CAVEATS,
  acuteChronicRatio,
  longRunSpikes,
  spikeBand,
  weeklyTotals,
  weekToWeekChange,
} from './load.js';
import { run } from './test-support.js';

describe('weeklyTotals', () => {
  it('sums runs into ISO weeks and keeps empty weeks', () => {
    const runs = [
      run('2024-03-04', 10),
      run('2024-03-10', 5, { elevationGainM: 50 }),
      run('2024-03-20', 8),
      run('2024-03-21', 2, { sport: 'cycling' }),
    ];
    const { weeks, undatedRuns } = weeklyTotals(runs);
    expect(undatedRuns).toBe(0);
    expect(weeks.map((w) => [w.week, w.distanceM, w.runs])).toEqual([
      ['2024-W10', 15000, 2],
      ['2024-W11', 0, 0],
      ['2024-W12', 8000, 1],
    ]);
    expect(weeks[0]?.elevationGainM).toBe(50);
    expect(weeks[0]?.durationS).toBe(15 * 330);
  });

  it('uses the runner’s time zone: a Sunday-night run in UTC is Monday in UTC+2', () => {
    const runs = [run('2024-03-10', 10, { time: '23:00:00' })];
    expect(weeklyTotals(runs).weeks[0]?.week).toBe('2024-W10');
    expect(weeklyTotals(runs, { utcOffsetMin: 120 }).weeks[0]?.week).toBe('2024-W11');
  });

  it('counts runs without a time or duration separately', () => {
    const undated = run('2024-03-04', 5);
    delete undated.startTime;
    const noDuration = run('2024-03-05', 5);
    delete noDuration.durationS;
    const t = weeklyTotals([undated, noDuration, run('2024-03-06', 5)]);
    expect(t.undatedRuns).toBe(1);
    expect(t.weeks[0]?.runsWithoutDuration).toBe(1);
    expect(t.weeks[0]?.distanceM).toBe(10000);
  });

  it('covers a requested range', () => {
    const t = weeklyTotals([run('2024-03-04', 5)], { from: '2024-02-26', to: '2024-03-17' });
    expect(t.weeks.map((w) => w.week)).toEqual(['2024-W09', '2024-W10', '2024-W11']);
  });
});

describe('weekToWeekChange', () => {
  it('reports percentage change and null after an empty week', () => {
    const { weeks } = weeklyTotals([
      run('2024-03-04', 10),
      run('2024-03-11', 12),
      run('2024-03-25', 6),
    ]);
    const changes = weekToWeekChange(weeks);
    expect(changes.map((c) => c.changePct)).toEqual([20, -100, null]);
  });
});

describe('longRunSpikes (Frandsen 2025)', () => {
  it('flags runs more than 10% longer than the 30-day longest, with the band’s hazard ratio', () => {
    const runs = [
      run('2024-02-01', 10),
      run('2024-02-10', 11), // +10%: not more than 10%
      run('2024-02-20', 14), // +27% over 11
      run('2024-03-03', 19.6), // +40% over 14
      run('2024-03-10', 40), // +104% over 19.6
      run('2024-05-01', 30), // nothing in the 30 days before: no baseline
    ];
    const spikes = longRunSpikes(runs);
    expect(spikes.map((s) => [s.band, Math.round(s.increasePct), s.hazardRateRatio])).toEqual([
      ['up_10_30', 27, 1.64],
      ['up_30_100', 40, 1.52],
      ['up_100_plus', 104, 2.28],
    ]);
    expect(spikes[1]?.previousLongestM).toBe(14000);
  });

  it('forgets runs older than 30 days', () => {
    const spikes = longRunSpikes([
      run('2024-01-01', 30),
      run('2024-01-20', 10),
      run('2024-02-05', 12),
    ]);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]?.previousLongestM).toBe(10000);
  });

  it('bands at the published edges', () => {
    expect(spikeBand(10)).toBeUndefined();
    expect(spikeBand(10.01)).toBe('up_10_30');
    expect(spikeBand(30)).toBe('up_10_30');
    expect(spikeBand(100)).toBe('up_30_100');
    expect(spikeBand(100.5)).toBe('up_100_plus');
  });
});

describe('acuteChronicRatio', () => {
  it('gives coupled and uncoupled ratios with every caveat', () => {
    const runs = [
      run('2024-02-10', 10),
      run('2024-02-17', 10),
      run('2024-02-24', 10),
      run('2024-03-02', 20),
    ];
    const r = acuteChronicRatio(runs, { asOf: '2024-03-03T12:00:00Z' });
    expect(r.acuteM).toBe(20000);
    expect(r.chronicWeeklyM).toBe(12500);
    expect(r.ratio).toBeCloseTo(1.6);
    expect(r.uncoupledRatio).toBeCloseTo(2);
    expect(r.caveats).toEqual(ACWR_CAVEATS);
    expect(r.caveats.join(' ')).toMatch(/Impellizzeri/);
    expect(r.caveats.join(' ')).toMatch(/not validated/);
    expect(r.sourceIds).toContain('impellizzeri-2021');
  });

  it('has no ratio without chronic load', () => {
    expect(acuteChronicRatio([], { asOf: '2024-03-03T00:00:00Z' }).ratio).toBeNull();
  });
});
