import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayString, isoWeek, localDayNumber, parseDay } from './time.js';

const day = (s: string): number => parseDay(s) ?? Number.NaN;

describe('isoWeek', () => {
  it.each([
    ['2024-03-04', '2024-W10', '2024-03-04'],
    ['2024-03-10', '2024-W10', '2024-03-04'],
    ['2024-12-30', '2025-W01', '2024-12-30'],
    ['2021-01-03', '2020-W53', '2020-12-28'],
    ['2026-01-01', '2026-W01', '2025-12-29'],
  ])('%s is in %s starting %s', (d, label, monday) => {
    const w = isoWeek(day(d));
    expect(w.label).toBe(label);
    expect(dayString(w.monday)).toBe(monday);
  });

  it('every day lies within 6 days after its Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 40000 }), (n) => {
        const { monday } = isoWeek(n);
        return n - monday >= 0 && n - monday <= 6 && isoWeek(monday).label === isoWeek(n).label;
      }),
    );
  });
});

describe('local days', () => {
  it('counts days in the runner’s offset', () => {
    const ms = Date.parse('2024-03-03T23:30:00Z');
    expect(dayString(localDayNumber(ms, 0))).toBe('2024-03-03');
    expect(dayString(localDayNumber(ms, 60))).toBe('2024-03-04');
    expect(dayString(localDayNumber(Date.parse('2024-03-04T00:30:00Z'), -60))).toBe('2024-03-03');
  });

  it('rejects days that do not exist', () => {
    expect(parseDay('2024-02-30')).toBeUndefined();
    expect(parseDay('3 March')).toBeUndefined();
    expect(parseDay('2024-02-29')).toBeDefined();
  });
});
