/**
 * What each triage tier allows the runner to book at a clinic, and how it is
 * said. Every source article ends with "see a physical therapist" (seed
 * claims S1-08, S2-12); Backtrack offers that booking only where the triage
 * allows it: never instead of emergency care, after a doctor for the urgent
 * tier, within the tier's "one to two weeks" for `see_clinician`, and as an
 * option for self-care. The window of 14 days is the upper end of the
 * `see_clinician` tier's "within one to two weeks" (TIER_WORDING).
 *
 * Pure data with type-only imports: the web may import it as a value.
 */
import type { Basis, TriageTier } from './schema.js';

/** How the clinic booking works for one triage tier. */
export interface BookingRule {
  /** Whether the runner may book at all from this tier. */
  canBook: boolean;
  /** Booking needs the runner to confirm that a doctor has seen them and cleared them. */
  needsDoctorClearance: boolean;
  /** Earliest slots within this many days are shown first; null when any date is fine. */
  windowDays: number | null;
  /** Which appointment type to offer first (`running_analysis`, …); null for none. */
  suggestedType: string | null;
  /** Headline for the report page, without a full stop. */
  headline: string;
  /** What the runner is told, plainly. */
  text: string;
  /** Why the booking is offered this way. */
  reason: string;
  basis: Basis;
  sources: readonly string[];
}

/** The booking rule of each triage tier; a new tier without one does not compile. */
export const BOOKING_RULES: Readonly<Record<TriageTier, BookingRule>> = {
  emergency: {
    canBook: false,
    needsDoctorClearance: false,
    windowDays: null,
    suggestedType: null,
    headline: 'Get emergency care now, not a physiotherapy appointment',
    text: 'Your answers include a warning sign that needs emergency care today. Go to an emergency department or call your local emergency number now. Booking a physiotherapist is not offered: it would only delay the care you need.',
    reason:
      'Emergency warning signs (for example numbness in the saddle area or new bladder or bowel changes) need same-day medical care; physiotherapy cannot replace it.',
    basis: 'guideline',
    sources: ['finucane-2020', 'bmj-bp-ces', 'sbns-bass-2018'],
  },
  urgent_doctor: {
    canBook: true,
    needsDoctorClearance: true,
    windowDays: null,
    suggestedType: 'initial_evaluation',
    headline: 'See a doctor first; a physiotherapist only once a doctor has cleared you',
    text: 'Your answers call for a doctor within the next few days. See a doctor first. You can book a physiotherapist only as a follow-up, once a doctor has seen you and cleared you for it; you will be asked to confirm that.',
    reason:
      'Some warning signs need a doctor’s examination, and sometimes tests, before exercise treatment is safe; the physiotherapist comes after, not instead.',
    basis: 'guideline',
    sources: ['finucane-2020', 'henschke-2013', 'downie-2013'],
  },
  see_clinician: {
    canBook: true,
    needsDoctorClearance: false,
    windowDays: 14,
    suggestedType: 'initial_evaluation',
    headline: 'Book a physiotherapist within the next two weeks',
    text: 'Your answers suggest seeing a physiotherapist or doctor within one to two weeks. The earliest free times in the next 14 days are shown first.',
    reason:
      'Pain that is getting worse, or has lasted weeks without improving, deserves an assessment and a plan made for you; the 14 days are the upper end of “within one to two weeks”.',
    basis: 'expert-estimate',
    sources: ['nice-ng59', 'S2-12', 'S1-08', 'backtrack-own'],
  },
  self_care: {
    canBook: true,
    needsDoctorClearance: false,
    windowDays: null,
    suggestedType: 'running_analysis',
    headline: 'A free running analysis, if you would like one',
    text: 'No warning signs in your answers, and a self-management plan is a reasonable start. If you would like a physiotherapist to look at your running, a free 30-minute running performance analysis is available; it is optional.',
    reason:
      'People at low risk do well with advice and self-management; seeing a therapist is a choice, not a need, unless the pain is not improving.',
    basis: 'guideline',
    sources: ['nice-ng59', 'hill-2011', 'S2-12'],
  },
};
