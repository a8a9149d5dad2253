/**
 * The ranges of the outcome instruments: pure data with no imports, so the
 * web's forms may import it (eslint.config.js allows this name). The
 * instruments themselves (names, minimal important change, sources) are in
 * knowledge/instruments.ts, which reads these.
 */
export const OUTCOME_SCALES = {
  /** Numeric pain rating scale: whole numbers 0 (no pain) to 10 (worst imaginable). */
  nprs: { min: 0, max: 10 },
  /** Patient-Specific Functional Scale: 1–5 named activities, each 0 (unable) to 10 (as before). */
  psfs: { min: 0, max: 10, minActivities: 1, maxActivities: 5, maxActivityLength: 80 },
} as const;

/** Each instrument in a few words, as the runner reads it in their access log. */
export const OUTCOME_SHORT_LABELS: Record<keyof typeof OUTCOME_SCALES, string> = {
  nprs: 'pain rating',
  psfs: 'activity scale (PSFS)',
};
