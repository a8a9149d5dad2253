/**
 * Distance units. The API and plan store kilometres; miles exist only at the
 * edge, in what the runner sees and types. The conversions are the core's.
 */
import type { DistanceUnit } from '@backtrack/core';

export { KM_PER_MILE, formatDistance, fromKm, toKm } from '@backtrack/core';
export type { DistanceUnit } from '@backtrack/core';

/** Parses a stored unit; anything else falls back to kilometres. */
export function parseUnit(value: string | null | undefined): DistanceUnit {
  return value === 'mi' ? 'mi' : 'km';
}
