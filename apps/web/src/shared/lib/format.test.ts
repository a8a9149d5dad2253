import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../api/types.js';
import {
  factorDirection,
  formatDose,
  formatFactor,
  formatPercent,
  formatPlanItem,
} from './format.js';

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [0.004, 'under 1%'],
    [0.5, '50%'],
    [0.626, '63%'],
    [0.996, 'over 99%'],
    [1, '100%'],
    [Number.NaN, '–'],
  ])('%s → %s', (p, text) => {
    expect(formatPercent(p)).toBe(text);
  });
});

describe('formatFactor', () => {
  it.each([
    [2.5, '×2.5'],
    [0.4, '×0.4'],
    [1.25, '×1.25'],
    [0.333333, '×0.33'],
    [12.34, '×12.3'],
  ])('%s → %s', (f, text) => {
    expect(formatFactor(f)).toBe(text);
  });

  it('names the direction', () => {
    expect(factorDirection(2)).toBe('raises');
    expect(factorDirection(0.5)).toBe('lowers');
    expect(factorDirection(1)).toBe('does not change');
  });
});

describe('formatDose', () => {
  it.each([
    [{ sets: 2, reps: 10, perSide: true }, '2 sets of 10 each side'],
    [{ sets: 3, holdSeconds: 30, perSide: false }, '3 sets of 30 s holds'],
    [{ sets: 1, reps: 8, holdSeconds: 5, perSide: false }, '1 set of 8, hold 5 s'],
    [{ sets: 1, minutes: 20, perSide: false }, '20 min'],
  ])('%j → %s', (dose, text) => {
    expect(formatDose(dose)).toBe(text);
  });
});

describe('formatPlanItem', () => {
  const base = { targets: [], reason: 'because' };
  it.each<[PlanItem, string]>([
    [
      { ...base, kind: 'run', distanceKm: 8, effort: 'easy', flatOnly: true, long: true },
      'Long run 5 mi, easy effort, flat route',
    ],
    [
      { ...base, kind: 'run_walk', phase: 2, walkMinutes: 2, runMinutes: 3, repeats: 4 },
      'Run/walk: 4 × (walk 2 min, run 3 min) (return-to-run phase 2)',
    ],
    [{ ...base, kind: 'walk', minutes: 30 }, 'Brisk walk, 30 min'],
    [
      { ...base, kind: 'cross_train', minutes: 30, activities: ['cycling', 'swimming'] },
      'Instead of running, 30 min of cycling, or swimming',
    ],
  ])('formats %j', (item, text) => {
    expect(formatPlanItem(item, 'mi')).toBe(text);
  });
});
