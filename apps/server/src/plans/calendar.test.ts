import { describe, expect, it } from 'vitest';
import { addDays, planDay, utcDate, weekOfDay } from './calendar.js';

describe('plan calendar', () => {
  it.each([
    ['2026-03-02', '2026-03-02', 1, 1],
    ['2026-03-02', '2026-03-08', 7, 1],
    ['2026-03-02', '2026-03-09', 8, 2],
    ['2026-03-02', '2026-03-01', 0, 0],
    // Across the European daylight-saving change (29 March 2026) and a leap day.
    ['2026-03-23', '2026-03-30', 8, 2],
    ['2028-02-27', '2028-03-01', 4, 1],
  ])('from %s, %s is day %i of week %i', (start, date, day, week) => {
    expect(planDay(start, date)).toBe(day);
    expect(weekOfDay(day)).toBe(week);
  });
  it('adds days and reads the UTC date', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-02', 41)).toBe('2026-04-12');
    expect(utcDate(new Date('2026-03-02T23:59:59.999Z'))).toBe('2026-03-02');
  });
});
