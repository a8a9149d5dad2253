import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextLocalHour } from './local-hour.js';
import { toLocalTime } from './time-zone.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('nextLocalHour', () => {
  it('is later today when the hour is still to come, else tomorrow', () => {
    const later = nextLocalHour(at('2026-03-02T09:00:00Z'), 'Europe/Copenhagen', 18);
    expect({ date: later.date, at: iso(later.atMs) }).toEqual({
      date: '2026-03-02',
      at: '2026-03-02T17:00:00.000Z',
    });
    const tomorrow = nextLocalHour(at('2026-03-02T17:00:00Z'), 'Europe/Copenhagen', 18);
    expect(iso(tomorrow.atMs)).toBe('2026-03-03T17:00:00.000Z');
  });

  it('keeps the local hour across the spring and autumn changes (Copenhagen)', () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(iso(nextLocalHour(at('2026-03-28T17:30:00Z'), 'Europe/Copenhagen', 18).atMs)).toBe(
      '2026-03-29T16:00:00.000Z',
    );
    expect(iso(nextLocalHour(at('2026-10-24T16:30:00Z'), 'Europe/Copenhagen', 18).atMs)).toBe(
      '2026-10-25T17:00:00.000Z',
    );
  });

  it('sends a skipped hour at the end of the gap and a repeated hour once', () => {
    // 02:00 does not exist on 29 March in Copenhagen: 03:00 CEST (01:00 UTC).
    const skipped = nextLocalHour(at('2026-03-28T12:00:00Z'), 'Europe/Copenhagen', 2);
    expect(iso(skipped.atMs)).toBe('2026-03-29T01:00:00.000Z');
    // 02:00 happens twice on 25 October: the first (00:00 UTC); then the next day's.
    const repeated = nextLocalHour(at('2026-10-24T12:00:00Z'), 'Europe/Copenhagen', 2);
    expect(iso(repeated.atMs)).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(nextLocalHour(repeated.atMs, 'Europe/Copenhagen', 2).atMs)).toBe(
      '2026-10-26T01:00:00.000Z',
    );
  });

  it('works far from UTC and on half-hour offsets', () => {
    const auckland = nextLocalHour(at('2026-03-02T09:00:00Z'), 'Pacific/Auckland', 7);
    expect({ date: auckland.date, at: iso(auckland.atMs) }).toEqual({
      date: '2026-03-03',
      at: '2026-03-02T18:00:00.000Z',
    });
    expect(iso(nextLocalHour(at('2026-03-02T09:00:00Z'), 'Asia/Kolkata', 20).atMs)).toBe(
      '2026-03-02T14:30:00.000Z',
    );
  });

  it('rejects an hour that is not 0–23', () => {
    expect(() => nextLocalHour(0, 'UTC', 24)).toThrow(/hour: expected a whole hour 0–23/);
    expect(() => nextLocalHour(0, 'UTC', 1.5)).toThrow(/hour/);
  });

  it('is always after the given instant, within 25 hours, at the hour on the local clock', () => {
    const zones = [
      'Europe/Copenhagen',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (afterMs, zone, hour) => {
          const next = nextLocalHour(afterMs, zone, hour);
          expect(next.atMs).toBeGreaterThan(afterMs);
          expect(next.atMs - afterMs).toBeLessThanOrEqual(25 * 3_600_000);
          const local = toLocalTime(next.atMs, zone);
          expect(local.date).toBe(next.date);
          // On the clock at the hour, or just after a gap that skipped it.
          expect(local.minutes - hour * 60).toBeGreaterThanOrEqual(0);
          expect(local.minutes - hour * 60).toBeLessThanOrEqual(60);
        },
      ),
    );
  });
});
