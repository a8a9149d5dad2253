/**
 * A contributor's probability in words, for reports that lead with words and
 * keep the number in the detail.
 */
import { LIKELIHOOD_BANDS, type LikelihoodBands } from '../knowledge/likelihood-bands.js';

/** The words Backtrack uses for a contributor's probability. */
export type LikelihoodBand = 'likely' | 'possible' | 'less likely';

/** The band of probability `p` (thresholds: `LIKELIHOOD_BANDS`, lower bounds inclusive). */
export function likelihoodBand(
  p: number,
  bands: Pick<LikelihoodBands, 'likely' | 'possible'> = LIKELIHOOD_BANDS,
): LikelihoodBand {
  if (p >= bands.likely) return 'likely';
  if (p >= bands.possible) return 'possible';
  return 'less likely';
}
