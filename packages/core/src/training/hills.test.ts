import { describe, expect, it } from 'vitest';
import { hillExposure, hillProfile } from './hills.js';
import { run, seriesAlong } from './test-support.js';

describe('hillProfile', () => {
  it('splits an out-and-back hill into uphill and downhill halves', () => {
    // 5 km up at 4%, 5 km down at −4%.
    const points = seriesAlong(10, (d) => (d <= 5000 ? d * 0.04 : (10000 - d) * 0.04));
    const p = hillProfile(run('2024-03-03', 10, { series: { intervalS: 10, points } }));
    expect(p.measuredM).toBe(10000);
    expect(p.uphillM).toBe(5000);
    expect(p.downhillM).toBe(5000);
    expect(p.downhillShare).toBe(0.5);
  });

  it('ignores gentle grades and altitude noise shorter than the segment', () => {
    // ±1.5 m noise every 50 m on the flat: would be ±3% grades point to point.
    const points = seriesAlong(5, (d) => ((d / 50) % 2 === 0 ? 100 : 101.5));
    const p = hillProfile(run('2024-03-03', 5, { series: { intervalS: 10, points } }), {
      minSegmentM: 200,
    });
    expect(p.downhillM).toBe(0);
    expect(p.flatM).toBe(5000);
  });

  it('has no share without an altitude series', () => {
    expect(hillProfile(run('2024-03-03', 5)).downhillShare).toBeNull();
  });
});

describe('hillExposure', () => {
  it('sums runs in a window and reports climb per km', () => {
    const hilly = run('2024-03-03', 10, {
      elevationGainM: 200,
      elevationLossM: 200,
      series: {
        intervalS: 10,
        points: seriesAlong(10, (d) => (d <= 5000 ? d * 0.04 : (10000 - d) * 0.04)),
      },
    });
    const flat = run('2024-03-05', 10, {
      elevationGainM: 0,
      series: { intervalS: 10, points: seriesAlong(10, () => 50) },
    });
    const ride = run('2024-03-06', 30, { sport: 'cycling' });
    const e = hillExposure([hilly, flat, ride], { from: '2024-03-01T00:00:00Z' });
    expect(e.runs).toBe(2);
    expect(e.downhillShare).toBe(0.25);
    expect(e.gainPerKmM).toBe(10);
    expect(hillExposure([hilly, flat], { from: '2024-03-04T00:00:00Z' }).downhillShare).toBe(0);
  });
});
