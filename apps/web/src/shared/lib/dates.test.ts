import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatInstantDate,
  formatShortDate,
  isCalendarDate,
  runnerTimeZone,
  toIsoDate,
} from './dates.js';

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

describe('instants', () => {
  it('formats an instant in the zone named, or the runner’s', () => {
    expect(formatDateTime('2025-03-03T08:05:00Z', 'Europe/Copenhagen')).toBe(
      'Mon 3 Mar 2025, 09:05',
    );
    expect(formatInstantDate('2025-03-03T23:30:00Z', 'Asia/Tokyo')).toBe('Tue 4 Mar 2025');
    // Tests run in UTC (vitest.config.ts and the e2e browser): the default zone is the runner's.
    expect(formatDateTime('2025-03-03T08:05:00Z')).toBe(
      formatDateTime('2025-03-03T08:05:00Z', runnerTimeZone()),
    );
  });
});
