/**
 * Plain-language labels for the knowledge base's closed vocabularies: what
 * each triage tier is called, its headline and its default "what to do now",
 * the body-map regions as a runner names them, and the sections of the
 * interview (the plan's weekly decisions: plan/decision-labels.ts). One table each, so the
 * CLI, the server and the web say the same thing; each is a `Record` over the
 * core's union, so a new tier or region without a label does not compile.
 *
 * Pure data with type-only imports: the web may import it as a value (see
 * eslint.config.js).
 */
import type { BodyRegion, Section, TriageTier } from './schema.js';

/** How a triage tier is put to the runner. */
export interface TierWording {
  /** Short name: "Emergency", "See a clinician". */
  label: string;
  /** Headline of the verdict, a sentence without a full stop. */
  headline: string;
  /** What to do now when no fired rule gives its own action. */
  action: string;
}

/** The wording of each triage tier. */
export const TIER_WORDING: Readonly<Record<TriageTier, TierWording>> = {
  emergency: {
    label: 'Emergency',
    headline: 'Get emergency care now',
    action: 'Get emergency care now.',
  },
  urgent_doctor: {
    label: 'Urgent',
    headline: 'See a doctor within the next few days',
    action: 'See a doctor within the next few days, and stop running until you are cleared.',
  },
  see_clinician: {
    label: 'See a clinician',
    headline: 'Book a physiotherapist or doctor within one to two weeks',
    action:
      'Book a physiotherapist or doctor within one to two weeks. You can keep active within comfort in the meantime.',
  },
  self_care: {
    label: 'Self-care',
    headline: 'No warning signs in your answers',
    action:
      'No warning signs in your answers. A self-management plan is a reasonable start; see a physiotherapist if it is not improving within a few weeks, and get help at once if any warning sign appears.',
  },
};

/** The wording while the warning-sign screen is unfinished: no tier is given. */
export const SCREEN_INCOMPLETE_WORDING: Readonly<Omit<TierWording, 'action'>> = {
  label: 'No result yet',
  headline: 'The warning-sign questions are not finished',
};

/** Body-map regions as a runner names them (and a screen reader reads them). */
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

/** The title of each section of the interview, shown above its questions. */
export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  about_you: 'About you',
  red_flags: 'Warning signs',
  symptoms: 'Your symptoms',
  training: 'Your training',
  shoes: 'Your shoes',
  other_injuries: 'Other injuries, form and strength',
  work: 'Work and sitting',
  breathing: 'Breathing',
  health: 'Your health',
  risk_screen: 'How the pain affects you',
};
