import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSlots, slotWindowProblems, type SlotQuery, type WorkingHoursBlock } from './slots.js';
import { fromLocalTime, toLocalTime } from './time-zone.js';

const TZ = 'Europe/Copenhagen';
const MIN = 60_000;
const weekdays = (clinicianId: string, start = 9 * 60, end = 17 * 60): WorkingHoursBlock[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({
    clinicianId,
    weekday,
    startMinutes: start,
    endMinutes: end,
  }));

const base: SlotQuery = {
  timeZone: TZ,
  from: '2026-03-02',
  to: '2026-03-02',
  durationMinutes: 30,
  bufferMinutes: 0,
  nowMs: Date.parse('2026-03-01T00:00:00Z'),
  workingHours: weekdays('a'),
  exceptions: [],
  appointments: [],
};

const local = (ms: number) => toLocalTime(ms, TZ);
const hhmm = (ms: number) => {
  const m = local(ms).minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('time zone maths', () => {
  it('round-trips local times on ordinary and DST days', () => {
    for (const date of ['2026-03-02', '2026-03-29', '2026-10-25', '2026-07-01']) {
      for (const minutes of [0, 60, 9 * 60, 12 * 60 + 15, 23 * 60 + 45]) {
        const ms = fromLocalTime({ date, minutes }, TZ);
        if (date === '2026-03-29' && minutes === 2 * 60) continue;
        expect(toLocalTime(ms, TZ)).toEqual({ date, minutes });
      }
    }
  });
  it('moves a time in the spring-forward gap forward, and takes the earlier of an autumn double', () => {
    // 2026-03-29 02:30 does not exist in Copenhagen (02:00 → 03:00).
    expect(new Date(fromLocalTime({ date: '2026-03-29', minutes: 150 }, TZ)).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 2026-10-25 02:30 happens twice; the first is at CEST (UTC+2).
    expect(new Date(fromLocalTime({ date: '2026-10-25', minutes: 150 }, TZ)).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});

describe('freeSlots', () => {
  it('offers every 15 minutes of the working day in the clinic’s time zone', () => {
    const slots = freeSlots(base);
    expect(slots).toHaveLength(31); // 09:00 … 16:30
    expect(new Date(slots[0]?.startMs ?? 0).toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(hhmm(slots.at(-1)?.startMs ?? 0)).toBe('16:30');
  });

  it('keeps working hours in local time across the DST change (summer: UTC+2)', () => {
    const slots = freeSlots({ ...base, from: '2026-03-27', to: '2026-03-30' });
    const firsts = ['2026-03-27', '2026-03-30'].map((d) =>
      new Date(slots.find((s) => local(s.startMs).date === d)?.startMs ?? 0).toISOString(),
    );
    expect(firsts).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('offers a full day on the Sunday clocks go forward, and none in the skipped hour', () => {
    const slots = freeSlots({
      ...base,
      from: '2026-03-29',
      to: '2026-03-29',
      workingHours: [{ clinicianId: 'a', weekday: 7, startMinutes: 0, endMinutes: 1440 }],
      durationMinutes: 60,
      gridMinutes: 60,
    });
    // 23 real hours that day: 23 one-hour slots.
    expect(slots).toHaveLength(23);
    expect(slots.map((s) => hhmm(s.startMs))).not.toContain('02:00');
  });

  it('leaves out a booked time with its buffer, on both sides', () => {
    const start = Date.parse('2026-03-02T10:00:00Z'); // 11:00 local
    const slots = freeSlots({
      ...base,
      bufferMinutes: 15,
      appointments: [{ clinicianId: 'a', startMs: start, endMs: start + 45 * MIN }],
    });
    const times = slots.map((s) => hhmm(s.startMs));
    // 10:15 + 30 min + 15 buffer = 11:00: still fits. 10:30 would run into the booking.
    expect(times).toContain('10:15');
    expect(times).not.toContain('10:30');
    expect(times).not.toContain('11:30');
    expect(times).toContain('11:45');
  });

  it('respects absences, clinic-wide holidays, minimum notice and the past', () => {
    const day = Date.parse('2026-03-02T00:00:00Z');
    expect(
      freeSlots({
        ...base,
        exceptions: [{ clinicianId: null, startMs: day - 3_600_000, endMs: day + 86_400_000 }],
      }),
    ).toEqual([]);
    const slots = freeSlots({
      ...base,
      nowMs: Date.parse('2026-03-02T10:05:00Z'),
      minNoticeMinutes: 60,
    });
    expect(hhmm(slots[0]?.startMs ?? 0)).toBe('12:15');
  });

  it('lists two clinicians side by side and filters by clinician', () => {
    const q = { ...base, workingHours: [...weekdays('a'), ...weekdays('b', 13 * 60, 15 * 60)] };
    expect(freeSlots(q).filter((s) => s.clinicianId === 'b')).toHaveLength(7);
    expect(freeSlots({ ...q, clinicianIds: ['b'] })).toHaveLength(7);
  });

  it('refuses windows that are backwards, too wide or not dates', () => {
    expect(slotWindowProblems('2026-03-02', '2026-03-01')[0]).toMatch(/before/);
    expect(slotWindowProblems('2026-03-01', '2026-04-01')[0]).toMatch(/at most 31/);
    expect(slotWindowProblems('2026-02-30', '2026-03-01')[0]).toMatch(/from: not a date/);
    expect(() => freeSlots({ ...base, to: '2026-05-01' })).toThrow(/at most 31/);
  });
});

describe('freeSlots properties', () => {
  const zones = fc.constantFrom('Europe/Copenhagen', 'America/New_York', 'Australia/Sydney', 'UTC');
  const day = fc.integer({ min: 0, max: 364 }).map((n) => {
    const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const block = fc
    .record({
      clinicianId: fc.constantFrom('a', 'b'),
      weekday: fc.integer({ min: 1, max: 7 }),
      startMinutes: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
      length: fc.integer({ min: 1, max: 40 }).map((q) => q * 15),
    })
    .map(({ length, ...b }) => ({ ...b, endMinutes: Math.min(1440, b.startMinutes + length) }));

  it('no slot overlaps a booking plus buffer, and every slot lies in working hours', () => {
    fc.assert(
      fc.property(
        zones,
        day,
        fc.integer({ min: 0, max: 6 }),
        fc.array(block, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }).map((q) => q * 15),
        fc.integer({ min: 0, max: 30 }),
        fc.array(
          fc.record({
            clinicianId: fc.constantFrom('a', 'b'),
            offsetMin: fc.integer({ min: 0, max: 8 * 24 * 60 }),
            lengthMin: fc.integer({ min: 5, max: 240 }),
          }),
          { maxLength: 12 },
        ),
        (timeZone, from, extra, workingHours, duration, buffer, booked) => {
          const to = new Date(Date.parse(`${from}T00:00:00Z`) + extra * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const origin = Date.parse(`${from}T00:00:00Z`) - 14 * 3_600_000;
          const appointments = booked.map((b) => ({
            clinicianId: b.clinicianId,
            startMs: origin + b.offsetMin * MIN,
            endMs: origin + (b.offsetMin + b.lengthMin + buffer) * MIN,
          }));
          const slots = freeSlots({
            timeZone,
            from,
            to,
            durationMinutes: duration,
            bufferMinutes: buffer,
            nowMs: 0,
            workingHours,
            exceptions: [],
            appointments,
          });
          for (const s of slots) {
            expect(s.endMs - s.startMs).toBe(duration * MIN);
            for (const a of appointments.filter((x) => x.clinicianId === s.clinicianId))
              expect(s.startMs < a.endMs && a.startMs < s.endMs + buffer * MIN).toBe(false);
            const start = toLocalTime(s.startMs, timeZone);
            const endLocal = toLocalTime(s.endMs - 1, timeZone);
            const fits = workingHours.some(
              (w) =>
                w.clinicianId === s.clinicianId &&
                w.weekday === ((new Date(`${start.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1 &&
                start.minutes >= w.startMinutes &&
                (endLocal.date === start.date
                  ? endLocal.minutes < w.endMinutes
                  : w.endMinutes === 1440),
            );
            // A slot crossing a DST change may show local minutes shifted by the change: allow it
            // only when the zone's offset differs between the slot's start and end.
            if (!fits) {
              const shift =
                Date.parse(`${endLocal.date}T00:00:00Z`) +
                endLocal.minutes * MIN -
                (Date.parse(`${start.date}T00:00:00Z`) + start.minutes * MIN) -
                (s.endMs - 1 - s.startMs);
              expect(Math.abs(shift)).toBeGreaterThan(0);
            }
          }
          for (let i = 1; i < slots.length; i++) {
            const a = slots[i - 1];
            const b = slots[i];
            if (a && b) expect(a.startMs <= b.startMs).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('offers exactly the grid times a brute-force check finds free (UTC, any bookings and absences)', () => {
    const span = fc.record({
      clinicianId: fc.constantFrom<string | null>('a', 'b', null),
      offsetMin: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      lengthMin: fc.integer({ min: 1, max: 2 * 24 * 60 }),
    });
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 15 }),
        fc.integer({ min: 1, max: 6 }).map((q) => q * 15),
        fc.integer({ min: 0, max: 20 }),
        (spans, duration, buffer) => {
          const origin = Date.parse('2026-03-02T00:00:00Z');
          const busy = spans.map((b) => ({
            clinicianId: b.clinicianId,
            startMs: origin + b.offsetMin * MIN,
            endMs: origin + (b.offsetMin + b.lengthMin) * MIN,
            long: b.lengthMin > 600,
          }));
          const hours = [...weekdays('a', 8 * 60, 18 * 60), ...weekdays('b', 10 * 60, 20 * 60)];
          const got = freeSlots({
            ...base,
            timeZone: 'UTC',
            from: '2026-03-02',
            to: '2026-03-04',
            durationMinutes: duration,
            bufferMinutes: buffer,
            nowMs: 0,
            workingHours: hours,
            exceptions: busy.filter((b) => b.clinicianId === null || b.long),
            appointments: busy.filter((b) => b.clinicianId !== null && !b.long),
          });
          const expected: string[] = [];
          for (let day = 0; day < 3; day++)
            for (const h of hours.filter((x) => x.weekday === day + 1))
              for (let m = h.startMinutes; m + duration <= h.endMinutes; m += 15) {
                const start = origin + (day * 1440 + m) * MIN;
                const end = start + (duration + buffer) * MIN;
                const clash = busy.some(
                  (b) =>
                    (b.clinicianId === null || b.clinicianId === h.clinicianId) &&
                    b.startMs < end &&
                    start < b.endMs,
                );
                if (!clash) expected.push(`${h.clinicianId} ${String(start)}`);
              }
          expect(got.map((g) => `${g.clinicianId} ${String(g.startMs)}`).sort()).toEqual(
            expected.sort(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
