/** Which weak links a no-plan document names for later. */
import {
  WEAK_LINKS_SHOWN_FIRST,
  type AssessmentResult,
  type RankedContributor,
} from '@backtrack/core';

/**
 * With an urgent (not emergency) triage, the likely weak links are worth
 * knowing for after the doctor's visit; in an emergency they are held back,
 * as in the assessment report, so nothing distracts from getting care.
 */
export function weakLinksForLater(result: AssessmentResult): RankedContributor[] {
  if (result.triage.tier !== 'urgent_doctor') return [];
  return result.contributors.filter((c) => c.id !== 'nonspecific').slice(0, WEAK_LINKS_SHOWN_FIRST);
}
