/**
 * Where the words for a contributor's probability change: the thresholds of
 * `likelihoodBand`. Words come first in reports and the number stays in the
 * detail, so a runner is not told "37%" as if it were measured.
 */
import { z } from 'zod';
import { ZBasis } from './schema.js';

/** The thresholds with their basis. */
export const ZLikelihoodBands = z.object({
  /** From this probability on, 'likely'. */
  likely: z.number().gt(0).lt(1),
  /** From this probability on (and below `likely`), 'possible'; below it, 'less likely'. */
  possible: z.number().gt(0).lt(1),
  basis: ZBasis,
  sources: z.array(z.string()),
  note: z.string().min(10),
});
export type LikelihoodBands = z.infer<typeof ZLikelihoodBands>;

/** Backtrack's thresholds (validated at load; see the note). */
export const LIKELIHOOD_BANDS: LikelihoodBands = ZLikelihoodBands.refine(
  (b) => b.possible < b.likely,
  'possible must be below likely',
).parse({
  likely: 0.5,
  possible: 0.2,
  basis: 'expert-estimate',
  sources: [],
  note: 'No source in the fact base: set by the engineers for clinician review. 50% is where a contributor becomes more likely present than absent. 20% is about the starting estimate of the commonest contributors, so "possible" means the answers have not argued it down; below that, "less likely". Each contributor is a separate yes/no estimate, so several can be likely at once.',
});
