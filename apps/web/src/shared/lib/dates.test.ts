import { describe, expect, it } from 'vitest';
import { formatDate, formatShortDate, isCalendarDate, toIsoDate } from './dates.js';

describe('dates', () => {
  it('formats the local calendar date', () => {
    expect(toIsoDate(new Date(2025, 2, 3, 23, 59))).toBe('2025-03-03');
  });

  it.each([
    ['2025-03-03', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['3/3/2025', false],
    ['', false],
  ])('isCalendarDate(%s) is %s', (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });

  it('formats a date for people without shifting it', () => {
    expect(formatDate('2025-03-03')).toBe('Mon 3 Mar 2025');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatShortDate('2025-03-10')).toBe('Mon 10 Mar');
  });
});
