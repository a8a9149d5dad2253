import { describe, expect, it } from 'vitest';
import { labelEvery, linearScale, niceStep, niceTicks } from './scale.js';

describe('linearScale', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(150);
  });

  it('maps a zero-width domain to the middle of the range', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });
});

describe('niceStep', () => {
  it.each([
    [0.7, 1],
    [1, 1],
    [1.3, 2],
    [2.2, 5],
    [3, 5],
    [7, 10],
    [12, 20],
    [0.03, 0.05],
  ])('%s → %s', (rough, step) => {
    expect(niceStep(rough)).toBeCloseTo(step, 10);
  });

  it('falls back to 1 for nonsense', () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe('niceTicks', () => {
  it('starts at zero and ends on a round number above the maximum', () => {
    expect(niceTicks(0, 37.4, 4)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0, 8, 4)).toEqual([0, 2, 4, 6, 8]);
  });

  it('covers a range away from zero', () => {
    const ticks = niceTicks(158, 171, 4);
    expect(ticks[0]).toBeLessThanOrEqual(158);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(171);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });

  it('prints decimal ticks without floating-point noise', () => {
    expect(niceTicks(49, 51, 4)).toEqual([49, 49.5, 50, 50.5, 51]);
  });

  it('gives a flat or empty range two or more ticks, not below zero for non-negative data', () => {
    expect(niceTicks(0, 0).length).toBeGreaterThanOrEqual(2);
    expect(niceTicks(0, 0)[0]).toBe(0);
    const flat = niceTicks(50, 50);
    expect(flat[0]).toBeLessThan(50);
    expect(flat.at(-1)).toBeGreaterThan(50);
  });
});

describe('labelEvery', () => {
  it('thins labels so they fit', () => {
    expect(labelEvery(12, 900, 48)).toBe(1);
    expect(labelEvery(12, 300, 48)).toBe(2);
    expect(labelEvery(0, 300, 48)).toBe(1);
  });
});
