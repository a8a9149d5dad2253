import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  localDate,
  nextMonday,
  parseIsoDate,
  planDate,
} from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['2025-01-06', '2025-01-13'], // Monday → the Monday after
    ['2025-01-07', '2025-01-13'],
    ['2025-01-11', '2025-01-13'], // Saturday
    ['2025-01-12', '2025-01-13'], // Sunday → tomorrow
    ['2024-12-31', '2025-01-06'], // across a year
  ])('next Monday after %s is %s', (today, monday) => {
    expect(nextMonday(today)).toBe(monday);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-5', 'monday', '2025-01-05T00:00', ''])(
    'rejects %j',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined();
    },
  );

  it('accepts real dates, leap days included', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
  });

  it('counts days across a daylight-saving change and a leap day', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-01-13', '2025-01-12')).toBe(-1);
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
  });

  it('maps plan weeks and days to dates and formats them', () => {
    expect(planDate('2025-01-13', 1, 1)).toBe('2025-01-13');
    expect(planDate('2025-01-13', 2, 3)).toBe('2025-01-22');
    expect(formatDate('2025-01-13')).toBe('Mon 13 Jan 2025');
  });

  it('takes today from the local clock', () => {
    expect(localDate(new Date(2025, 0, 8, 23, 59))).toBe('2025-01-08');
  });
});
