/**
 * The appointment types a new clinic starts with. The seed articles offer a
 * free 30-minute running performance analysis (seed claim S2-12, a clinic's
 * commercial offer, not a clinical claim); an initial evaluation and a
 * follow-up are what any physiotherapy clinic books. Prices are the clinic's
 * to set: only the free analysis has one (0); the others start unpriced.
 */

/** An appointment type as a clinic starts with it. */
export interface AppointmentTypeSeed {
  /** Stable key, unique per clinic. */
  key: string;
  name: string;
  durationMinutes: number;
  /** Minor units (cents); null: the clinic has not set a price. */
  priceCents: number | null;
  description: string;
}

/** The default appointment types, the free analysis first. */
export const DEFAULT_APPOINTMENT_TYPES: readonly AppointmentTypeSeed[] = [
  {
    key: 'running_analysis',
    name: 'Free running performance analysis',
    durationMinutes: 30,
    priceCents: 0,
    description:
      'Half an hour with a physiotherapist who watches you run and looks at how your body moves, to find what may be loading your back. No charge.',
  },
  {
    key: 'initial_evaluation',
    name: 'Initial evaluation',
    durationMinutes: 60,
    priceCents: null,
    description:
      'A first, full assessment: your history, an examination, and a treatment plan agreed with you.',
  },
  {
    key: 'follow_up',
    name: 'Follow-up',
    durationMinutes: 30,
    priceCents: null,
    description:
      'A shorter visit to check progress, adjust your exercises and plan the next steps.',
  },
];
