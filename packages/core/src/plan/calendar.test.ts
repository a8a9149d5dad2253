import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDay,
  dayOfWeek,
  daysBetween,
  formatDate,
  formatDayMonth,
  formatShortDate,
  planDay,
  planPosition,
  weekdayName,
  weekdayOf,
  weekOfDay,
} from './calendar.js';

describe('plan calendar', () => {
  it.each([
    ['2025-03-03', 1, 1, 1],
    ['2025-03-09', 7, 1, 7],
    ['2025-03-10', 8, 2, 1],
    ['2025-03-30', 28, 4, 7],
    // Across the European daylight-saving change (30 March 2025).
    ['2025-03-31', 29, 5, 1],
  ] as const)('%s is day %i, week %i, day of week %i', (date, day, week, dow) => {
    expect(planDay('2025-03-03', date)).toBe(day);
    expect(planPosition('2025-03-03', date)).toEqual({ day, week, dayOfWeek: dow });
    expect(dateOfDay('2025-03-03', day)).toBe(date);
  });

  it('has no position before the start', () => {
    expect(planPosition('2025-03-03', '2025-03-02')).toBeNull();
    expect(planDay('2025-03-03', '2025-03-02')).toBe(0);
  });

  it('rejects text that is not a date', () => {
    expect(() => planDay('2025-03-03', '2025-02-30')).toThrow(RangeError);
  });

  it('weekOfDay and dayOfWeek agree with the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (day) => {
        expect((weekOfDay(day) - 1) * 7 + dayOfWeek(day)).toBe(day);
      }),
    );
  });

  it('addDays and planDay are inverses', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (n) => {
        expect(planDay('2024-02-28', addDays('2024-02-28', n))).toBe(n + 1);
      }),
    );
  });

  it('counts days across a month and a daylight-saving change', () => {
    expect(daysBetween('2025-03-28', '2025-04-02')).toBe(5);
    expect(daysBetween('2025-04-02', '2025-03-28')).toBe(-5);
    expect(addDays('2025-03-28', 5)).toBe('2025-04-02');
  });

  it('names and formats dates in UTC, so a date never shifts', () => {
    expect(weekdayOf('2025-01-05')).toBe(0);
    expect(weekdayName('2025-01-06')).toBe('Mon');
    expect(formatDayMonth('2025-03-03')).toBe('3 Mar');
    expect(formatShortDate('2025-03-10')).toBe('Mon 10 Mar');
    expect(formatDate('2025-03-03')).toBe('Mon 3 Mar 2025');
    expect(() => formatDate('2025-02-30')).toThrow(RangeError);
  });
});
