import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SERIES_POINTS, thinSeries } from './series.js';

const series = (n: number) => ({
  intervalS: 10,
  points: Array.from({ length: n }, (_, i) => ({ timeS: i * 10, distanceM: i * 30 })),
});

describe('thinSeries', () => {
  it('keeps a short series as it is', () => {
    const s = series(50);
    expect(thinSeries(s)).toBe(s);
  });

  it('bounds a long series, keeping the first and last points in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6000 }),
        fc.integer({ min: 2, max: 2500 }),
        (n, max) => {
          const out = thinSeries(series(n), max).points;
          expect(out.length).toBe(Math.min(n, max));
          expect(out[0]?.timeS).toBe(0);
          expect(out.at(-1)?.timeS).toBe((n - 1) * 10);
          const times = out.map((p) => p.timeS ?? 0);
          expect([...times].sort((a, b) => a - b)).toEqual(times);
          expect(new Set(times).size).toBe(times.length);
        },
      ),
      { numRuns: 60 },
    );
    expect(thinSeries(series(6000)).points).toHaveLength(MAX_PAGE_SERIES_POINTS);
  });
});
