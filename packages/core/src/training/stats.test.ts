import { describe, expect, it } from 'vitest';
import { mean, median, sampleVariance, slope, studentTQuantile, welchDifference } from './stats.js';

describe('Student t quantiles', () => {
  it.each([
    [1, 12.7062],
    [5, 2.5706],
    [10, 2.2281],
    [30, 2.0423],
    [1000, 1.9623],
  ])('t(0.975, %d) = %d', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it('is symmetric', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 8);
  });
});

describe('welchDifference', () => {
  it('matches a hand-computed Welch interval', () => {
    // a: mean 5, var 2.5 (n 5); b: mean 3, var 1 (n 5) → se² = 0.7,
    // df = 0.49 / (0.25/4 + 0.04/4) = 6.7586; t(0.975, 6.7586) ≈ 2.3834.
    const a = [3, 4, 5, 6, 7];
    const b = [2, 2, 3, 4, 4];
    const r = welchDifference(a, b);
    expect(r?.difference).toBe(2);
    expect(r?.degreesOfFreedom).toBeCloseTo(6.7586, 3);
    const half = 2.3834 * Math.sqrt(0.7);
    expect(r?.ci95[0]).toBeCloseTo(2 - half, 2);
    expect(r?.ci95[1]).toBeCloseTo(2 + half, 2);
    // Hedges' g: pooled SD sqrt(1.75); correction 1 − 3/31.
    expect(r?.hedgesG).toBeCloseTo((2 / Math.sqrt(1.75)) * (1 - 3 / 31), 6);
  });

  it('needs two values per group', () => {
    expect(welchDifference([1], [2, 3])).toBeUndefined();
  });

  it('is deterministic', () => {
    expect(welchDifference([1, 2, 3], [4, 5, 9])).toEqual(welchDifference([1, 2, 3], [4, 5, 9]));
  });
});

describe('descriptive statistics', () => {
  it('computes mean, median, variance and slope', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(sampleVariance([1, 2, 3])).toBe(1);
    expect(slope([0, 1, 2], [1, 3, 5])).toBe(2);
    expect(Number.isNaN(mean([]))).toBe(true);
  });
});
