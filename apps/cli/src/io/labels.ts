/**
 * Plain-language labels for the core's closed vocabularies. Each table is a
 * `Record` over the core's union, so the compiler flags a new section or
 * basis that has no label. Tier, body-region, section and decision wording
 * is the core's (knowledge/labels.ts).
 */
import {
  SCREEN_INCOMPLETE_WORDING,
  TIER_WORDING,
  type Basis,
  type TriageTier,
} from '@backtrack/core';

/**
 * The verdict line of a triage tier, in capitals first: `EMERGENCY: get
 * emergency care now`; null while the warning-sign screen is unfinished. The
 * words are the core's (`TIER_WORDING`, `SCREEN_INCOMPLETE_WORDING`).
 */
export function tierHeadline(tier: TriageTier | null): string {
  const { label, headline } = tier === null ? SCREEN_INCOMPLETE_WORDING : TIER_WORDING[tier];
  return `${label.toUpperCase()}: ${headline.charAt(0).toLowerCase()}${headline.slice(1)}`;
}

/** Where a number comes from, in words. */
export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  seed: 'clinic article',
  guideline: 'guideline',
  study: 'study',
  'expert-estimate': 'expert estimate',
};

/** A snake_case id in words: `cauda_equina` → `cauda equina`. */
export function humanise(id: string): string {
  return id.replaceAll('_', ' ');
}
