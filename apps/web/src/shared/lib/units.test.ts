import { describe, expect, it } from 'vitest';
import { formatDistance, fromKm, KM_PER_MILE, parseUnit, toKm } from './units.js';

describe('units', () => {
  it.each([
    { km: 5, unit: 'km' as const, text: '5 km' },
    { km: 5.25, unit: 'km' as const, text: '5.3 km' },
    { km: KM_PER_MILE * 3, unit: 'mi' as const, text: '3 mi' },
    { km: 10, unit: 'mi' as const, text: '6.2 mi' },
    { km: 0, unit: 'mi' as const, text: '0 mi' },
  ])('formats $km km as $text', ({ km, unit, text }) => {
    expect(formatDistance(km, unit)).toBe(text);
  });

  it('round-trips between kilometres and miles', () => {
    for (const km of [0, 1, 4.2, 21.1, 42.195]) {
      expect(toKm(fromKm(km, 'mi'), 'mi')).toBeCloseTo(km, 10);
      expect(toKm(fromKm(km, 'km'), 'km')).toBe(km);
    }
  });

  it('falls back to kilometres for an unknown stored unit', () => {
    expect(parseUnit('mi')).toBe('mi');
    expect(parseUnit('km')).toBe('km');
    expect(parseUnit('furlongs')).toBe('km');
    expect(parseUnit(null)).toBe('km');
  });
});
