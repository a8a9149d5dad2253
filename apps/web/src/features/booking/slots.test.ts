import { describe, expect, it } from 'vitest';
import type { SlotDto } from '../../shared/api/types.js';
import { formatDateTime } from '../../shared/lib/dates.js';
import { addDays, describeTime, groupSlotsByDay } from './slots.js';

const slot = (start: string, clinicianName = 'Anna Holm'): SlotDto => ({
  start,
  end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  clinicianId: '00000000-0000-4000-8000-000000000001',
  clinicianName,
});

describe('groupSlotsByDay', () => {
  it('groups by the runner’s calendar day, in time order', () => {
    const days = groupSlotsByDay(
      [
        slot('2026-03-03T09:00:00.000Z'),
        slot('2026-03-02T08:00:00.000Z'),
        slot('2026-03-02T07:15:00.000Z'),
      ],
      'Europe/Copenhagen',
      'Europe/Copenhagen',
    );
    expect(days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(days[0]?.label).toBe('Mon 2 Mar 2026');
    expect(days[0]?.slots.map((s) => s.time)).toEqual(['08:15', '09:00']);
    expect(days[1]?.slots.map((s) => s.time)).toEqual(['10:00']);
    // Same zone: no clinic time.
    expect(days.flatMap((d) => d.slots).every((s) => s.clinicTime === null)).toBe(true);
  });

  it('puts a slot on the runner’s day when the zones disagree on the date', () => {
    // 07:30 in Copenhagen on 3 March is 01:30 in New York on 3 March, but
    // 00:30 Copenhagen on 3 March is still 2 March in New York.
    const days = groupSlotsByDay(
      [slot('2026-03-02T23:30:00.000Z'), slot('2026-03-03T06:30:00.000Z')],
      'America/New_York',
      'Europe/Copenhagen',
    );
    expect(days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(days[0]?.slots[0]).toMatchObject({ time: '18:30', clinicTime: '00:30' });
    expect(days[1]?.slots[0]).toMatchObject({ time: '01:30', clinicTime: '07:30' });
  });

  it('follows daylight saving time in each zone', () => {
    // Copenhagen moves to summer time on 29 March 2026: 08:00 local is 07:00Z before, 06:00Z after.
    const days = groupSlotsByDay(
      [slot('2026-03-27T07:00:00.000Z'), slot('2026-03-30T06:00:00.000Z')],
      'Europe/Copenhagen',
      'Europe/Copenhagen',
    );
    expect(days.map((d) => d.slots[0]?.time)).toEqual(['08:00', '08:00']);
  });

  it('orders two clinicians at one time by name', () => {
    const [day] = groupSlotsByDay(
      [slot('2026-03-02T08:00:00.000Z', 'Ben Okafor'), slot('2026-03-02T08:00:00.000Z', 'Anna')],
      'UTC',
      'UTC',
    );
    expect(day?.slots.map((s) => s.slot.clinicianName)).toEqual(['Anna', 'Ben Okafor']);
  });

  it('is empty without slots', () => {
    expect(groupSlotsByDay([], 'UTC', 'Europe/Copenhagen')).toEqual([]);
  });
});

describe('describeTime', () => {
  it('names the clinic’s zone only when its clock differs', () => {
    expect(describeTime('2026-03-02T08:00:00.000Z', 'Europe/Copenhagen', 'Europe/Copenhagen')).toBe(
      'Mon 2 Mar 2026, 09:00',
    );
    expect(describeTime('2026-03-02T08:00:00.000Z', 'Europe/London', 'Europe/Copenhagen')).toBe(
      'Mon 2 Mar 2026, 08:00 (09:00 Europe/Copenhagen time at the clinic)',
    );
    // Two names of one clock (Europe/Oslo keeps Copenhagen's time): nothing to explain.
    expect(describeTime('2026-03-02T08:00:00.000Z', 'Europe/Oslo', 'Europe/Copenhagen')).toBe(
      'Mon 2 Mar 2026, 09:00',
    );
  });

  it('formats an instant in a zone with the app’s date format', () => {
    expect(formatDateTime('2026-12-31T23:30:00.000Z', 'Asia/Tokyo')).toBe('Fri 1 Jan 2027, 08:30');
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-25', 13)).toBe('2027-01-07');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
  });
});
