/**
 * The body-map regions: their names are the core's `BODY_REGION_LABELS` (one
 * table for the CLI, the server and the web; the record type makes the
 * compiler check that every region has a name).
 */
import { BODY_REGION_LABELS } from '@backtrack/core';
import type { BodyRegion } from '@backtrack/core';

export { BODY_REGION_LABELS };

/** Every region id, in the order of the core's `BODY_REGIONS`. */
export const BODY_REGION_IDS = Object.keys(BODY_REGION_LABELS) as BodyRegion[];

/** Whether a string is a body-region id. */
export function isBodyRegion(id: string): id is BodyRegion {
  return Object.hasOwn(BODY_REGION_LABELS, id);
}
