/**
 * Distance units. The API and plan store kilometres; miles exist only at the
 * edge, in what the runner sees and types.
 */

/** A display unit for distance. */
export type DistanceUnit = 'km' | 'mi';

/** Kilometres in one mile (international mile). */
export const KM_PER_MILE = 1.609344;

/** Converts kilometres to the display unit. */
export function fromKm(km: number, unit: DistanceUnit): number {
  return unit === 'km' ? km : km / KM_PER_MILE;
}

/** Converts a distance in the display unit to kilometres. */
export function toKm(value: number, unit: DistanceUnit): number {
  return unit === 'km' ? value : value * KM_PER_MILE;
}

/** A distance for display: one decimal, trailing ".0" dropped, unit appended ("5.2 km", "3 mi"). */
export function formatDistance(km: number, unit: DistanceUnit): string {
  const value = Math.round(fromKm(km, unit) * 10) / 10;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${text} ${unit}`;
}

/** Parses a stored unit; anything else falls back to kilometres. */
export function parseUnit(value: string | null | undefined): DistanceUnit {
  return value === 'mi' ? 'mi' : 'km';
}
