import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatInstantDate,
  formatShortCalendarDate,
  instantDate,
} from './dates.js';

describe('dates for people', () => {
  it('formats a calendar date one way, without shifting it', () => {
    expect(formatCalendarDate('2025-03-03')).toBe('Mon 3 Mar 2025');
    expect(formatShortCalendarDate('2025-03-10')).toBe('Mon 10 Mar');
    expect(formatCalendarDate('2025-02-29')).toBe('2025-02-29');
    expect(formatCalendarDate('soon')).toBe('soon');
  });

  it.each([
    ['2025-03-03T08:05:00.000Z', 'UTC', 'Mon 3 Mar 2025, 08:05'],
    ['2025-03-03T08:05:00.000Z', 'Europe/Copenhagen', 'Mon 3 Mar 2025, 09:05'],
    // The date moves with the zone: late on Monday in UTC is Tuesday in Tokyo, Sunday in LA.
    ['2025-03-03T23:30:00Z', 'Asia/Tokyo', 'Tue 4 Mar 2025, 08:30'],
    ['2025-03-03T03:30:00Z', 'America/Los_Angeles', 'Sun 2 Mar 2025, 19:30'],
    // Summer time.
    ['2025-07-01T12:00:00Z', 'Europe/London', 'Tue 1 Jul 2025, 13:00'],
  ])('formatDateTime(%s, %s) is %s', (instant, zone, text) => {
    expect(formatDateTime(instant, zone)).toBe(text);
  });

  it("gives an instant's date in the zone", () => {
    expect(instantDate('2025-03-03T23:30:00Z', 'Asia/Tokyo')).toBe('2025-03-04');
    expect(formatInstantDate('2025-03-03T23:30:00Z', 'Asia/Tokyo')).toBe('Tue 4 Mar 2025');
    expect(formatInstantDate('2025-03-03T23:30:00Z', 'UTC')).toBe('Mon 3 Mar 2025');
  });

  it('returns text that is not an instant as it is', () => {
    expect(instantDate('never', 'UTC')).toBeNull();
    expect(formatInstantDate('never', 'UTC')).toBe('never');
    expect(formatDateTime('', 'UTC')).toBe('');
  });
});
