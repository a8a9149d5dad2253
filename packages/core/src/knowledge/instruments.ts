/**
 * Screening instruments: a STarT-Back-style risk screen (scored with the
 * published algorithm of Hill et al. 2008, worded by Backtrack), the 0–10
 * numeric pain rating scale and the Patient-Specific Functional Scale.
 */
import { OUTCOME_SCALES } from '../outcomes/scales.js';
import { RISK_SCREEN_IDS } from './questions.js';

/** Metadata of the risk screen, for documentation and the scoring code. */
export const RISK_SCREEN = {
  id: 'start-back-style',
  name: 'Back pain risk screen (nine topics of the Keele STarT Back tool, in our own words)',
  items: RISK_SCREEN_IDS,
  /** The last five topics (fear, worry, catastrophising, mood, bothersomeness) form the distress subscale. */
  psychosocialItems: RISK_SCREEN_IDS.slice(4),
  /** Item 9 counts as positive only for these answers. */
  bothersomePositive: ['very_much', 'extremely'] as readonly string[],
  /** Total ≤ 3 → low; total ≥ 4 with subscale ≤ 3 → medium; subscale ≥ 4 → high. */
  lowMaxTotal: 3,
  highMinSubscale: 4,
  sources: ['hill-2008', 'hill-2011', 'nice-ng59'],
  note: 'Scoring follows Hill et al. 2008. The original item wording is © Keele University and is not reproduced; Backtrack asks the same nine topics in its own words, so results are an approximation of the validated tool.',
} as const;

/** The numeric pain rating scale: 0 = no pain, 10 = worst imaginable; a 2-point or 30% change is the minimal important change. */
export const PAIN_SCALE = {
  id: 'nprs',
  name: 'Numeric pain rating scale (0–10)',
  ...OUTCOME_SCALES.nprs,
  minimalImportantChange: 2,
  minimalImportantChangePct: 30,
  sources: ['ostelo-2008'],
} as const;

/**
 * Patient-Specific Functional Scale: the runner names up to five activities
 * they find hard because of the back and rates each 0 (unable) to 10 (as
 * before the problem); the score is the mean. A rise of 1.3 points is the
 * smallest change patients rate as important (Abbott & Schmitt 2014; 2.3 for a
 * medium and 2.7 for a large change).
 */
export const PSFS = {
  id: 'psfs',
  name: 'Patient-Specific Functional Scale',
  ...OUTCOME_SCALES.psfs,
  /** Smallest important rise of the mean score (small change). */
  minimalImportantChange: 1.3,
  /** Medium and large important changes, for reference. */
  mediumImportantChange: 2.3,
  largeImportantChange: 2.7,
  sources: ['stratford-1995', 'abbott-2014'],
} as const;
