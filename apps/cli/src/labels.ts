/**
 * Plain-language labels for the core's closed vocabularies. Each table is a
 * `Record` over the core's union, so the compiler flags a new section, tier
 * or region that has no label.
 */
import type { Basis, BodyRegion, Section, TriageTier } from '@backtrack/core';

/** Section titles shown above each question. */
export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  about_you: 'About you',
  red_flags: 'Warning signs',
  symptoms: 'Symptoms',
  training: 'Training',
  shoes: 'Shoes',
  other_injuries: 'Other injuries, form and strength',
  work: 'Work and sitting',
  breathing: 'Breathing',
  health: 'Health',
  risk_screen: 'How the pain affects you',
};

/** Body-map regions as a runner would name them. */
export const BODY_REGION_LABELS: Readonly<Record<BodyRegion, string>> = {
  low_back_left: 'Low back, left side',
  low_back_centre: 'Low back, centre',
  low_back_right: 'Low back, right side',
  buttock_left: 'Buttock, left',
  buttock_right: 'Buttock, right',
  groin_left: 'Groin, left',
  groin_right: 'Groin, right',
  thigh_back_left: 'Back of the thigh, left',
  thigh_back_right: 'Back of the thigh, right',
  thigh_front_left: 'Front of the thigh, left',
  thigh_front_right: 'Front of the thigh, right',
  below_knee_left: 'Below the knee, left',
  below_knee_right: 'Below the knee, right',
};

/** Headline of each triage tier. */
export const TIER_HEADLINES: Readonly<Record<TriageTier, string>> = {
  emergency: 'EMERGENCY: get emergency care now',
  urgent_doctor: 'URGENT: see a doctor within the next few days',
  see_clinician: 'SEE A CLINICIAN: book a physiotherapist or doctor within one to two weeks',
  self_care: 'SELF-CARE: no warning signs in your answers',
};

/** Headline while the warning-sign screen is unfinished: no tier is given. */
export const SCREEN_INCOMPLETE_HEADLINE =
  'NO RESULT YET: the warning-sign questions are not finished';

/** Where a number comes from, in words. */
export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  seed: 'clinic article',
  guideline: 'guideline',
  study: 'study',
  'expert-estimate': 'expert estimate',
};

/** A snake_case id in words: `cauda_equina` → `cauda equina`. */
export function humanise(id: string): string {
  return id.replaceAll('_', ' ');
}
