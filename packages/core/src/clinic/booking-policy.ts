/**
 * What the triage allows the runner to book: the tier's booking rule from
 * the knowledge base (`BOOKING_RULES`), with the window of dates to show
 * first, and the check a booking must pass.
 */
import { DomainError } from '../errors.js';
import { BOOKING_RULES, type BookingRule } from '../knowledge/booking-rules.js';
import type { TriageTier } from '../knowledge/schema.js';
import { addDays } from '../plan/calendar.js';

/** The booking policy of a tier, with the dates to show first. */
export interface BookingPolicy extends BookingRule {
  /** The tier, or null when there is no finished triage (booking is then allowed, as for self-care, without a suggested window). */
  tier: TriageTier | null;
  /** When `windowDays` is set: today and the last date of the window. */
  window: { from: string; to: string } | null;
}

/** The policy for a tier (null: no assessment), as of `today` (`YYYY-MM-DD`, the runner's date). */
export function bookingPolicy(tier: TriageTier | null, today: string): BookingPolicy {
  const rule = BOOKING_RULES[tier ?? 'self_care'];
  return {
    ...rule,
    tier,
    window:
      rule.windowDays === null ? null : { from: today, to: addDays(today, rule.windowDays - 1) },
  };
}

/**
 * Throws an `invalid_input` DomainError when the tier forbids booking:
 * always for `emergency`, and for `urgent_doctor` unless the runner
 * confirms a doctor has cleared them.
 */
export function assertBookingAllowed(
  tier: TriageTier | null,
  options: { clearedByDoctor: boolean },
): void {
  if (tier === 'emergency')
    throw new DomainError('invalid_input', BOOKING_RULES.emergency.text, [
      'triage: emergency — booking is not offered',
    ]);
  if (tier === 'urgent_doctor' && !options.clearedByDoctor)
    throw new DomainError('invalid_input', BOOKING_RULES.urgent_doctor.text, [
      'clearedByDoctor: confirm that a doctor has seen you and cleared you for physiotherapy',
    ]);
}
