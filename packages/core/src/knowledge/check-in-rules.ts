/**
 * What a daily check-in asks beyond pain and sessions, and the one rule it
 * feeds: pain that has spread below the knee since the last check-in is a
 * reason to answer the nerve warning-sign questions again. Leg pain below
 * the knee is how sciatica is defined (NICE NG59); on its own it is not an
 * emergency, but the early warning features of cauda equina syndrome are
 * leg symptoms together with saddle, bladder or bowel change, symptoms in
 * both legs and a weakening leg (evidence §1.1), and those are the
 * questions asked again.
 */

/** Where the pain reached today. */
export const LEG_PAIN = ['none', 'above_knee', 'below_knee'] as const;
/** Where the pain reached today (see {@link LEG_PAIN}). */
export type LegPain = (typeof LEG_PAIN)[number];

/** The words for each {@link LegPain}, for forms and summaries. */
export const LEG_PAIN_LABELS: Readonly<Record<LegPain, string>> = {
  none: 'Only in my back',
  above_knee: 'Into the buttock or thigh, not past the knee',
  below_knee: 'Down the leg, past the knee',
};

/** The re-check rule, with its sources (knowledge base `sources.ts`). */
export const LEG_PAIN_RECHECK = {
  title: 'Pain newly below the knee: answer the nerve warning signs again',
  /** What the runner sees above the reason (web and CLI). */
  heading: 'Check the warning signs again',
  /** The red flags whose questions are asked again (`red-flags.ts`). */
  redFlags: ['ces_saddle', 'ces_bladder_bowel', 'ces_bilateral', 'progressive_weakness'],
  reason:
    'You said the pain now goes down your leg past the knee. That usually means a nerve in the back is irritated, which is common and often settles, but a few rare, serious problems start the same way.',
  action:
    'Answer the warning-sign questions about numbness, bladder and bowel, both legs and leg strength again now. If any answer is yes, follow that advice before your next session; if all are no, carry on and mention the leg pain to your physiotherapist.',
  sources: ['nice-ng59', 'bmj-bp-ces', 'sbns-bass-2018'],
} as const;

/**
 * Whether a check-in calls for the warning-sign re-check: pain below the
 * knee that the check-in before it (by date) did not already report. With
 * no earlier check-in known (the first one, or one kept offline where the
 * last is not at hand) it asks: asking once too often is the safe side.
 */
export function callsForLegPainRecheck(
  today: { legPain?: LegPain | undefined },
  previous: { legPain?: LegPain | undefined } | undefined,
): boolean {
  return today.legPain === 'below_knee' && previous?.legPain !== 'below_knee';
}

/** Longest note a check-in keeps, characters. */
export const CHECK_IN_NOTE_MAX = 1000;
/** Largest distance a check-in accepts for one day's running, km. */
export const CHECK_IN_DISTANCE_MAX_KM = 300;
