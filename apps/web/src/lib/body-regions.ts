/**
 * Names of the body-map regions (ids from `BODY_REGIONS` in the core's
 * knowledge schema). The record type makes the compiler check that every
 * region has a name.
 */
import type { BodyRegion } from '@backtrack/core';

/** What a screen reader says for each region, and what the runner reads back. */
export const BODY_REGION_LABELS: Readonly<Record<BodyRegion, string>> = {
  low_back_left: 'Low back, left side',
  low_back_centre: 'Low back, centre',
  low_back_right: 'Low back, right side',
  buttock_left: 'Left buttock',
  buttock_right: 'Right buttock',
  groin_left: 'Left groin',
  groin_right: 'Right groin',
  thigh_back_left: 'Back of left thigh',
  thigh_back_right: 'Back of right thigh',
  thigh_front_left: 'Front of left thigh',
  thigh_front_right: 'Front of right thigh',
  below_knee_left: 'Left leg below the knee',
  below_knee_right: 'Right leg below the knee',
};

/** Every region id, in the order of the core's `BODY_REGIONS`. */
export const BODY_REGION_IDS = Object.keys(BODY_REGION_LABELS) as BodyRegion[];

/** Whether a string is a body-region id. */
export function isBodyRegion(id: string): id is BodyRegion {
  return Object.hasOwn(BODY_REGION_LABELS, id);
}
