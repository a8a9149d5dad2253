/**
 * Distance units at the edge. The core, the API and the plan store
 * kilometres; miles exist only in what the runner sees and types, and every
 * front end converts with these functions.
 */

/** A display unit for distance. */
export type DistanceUnit = 'km' | 'mi';

/** Kilometres in one international mile. */
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
