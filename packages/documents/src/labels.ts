/**
 * Plain-language labels the documents and the CLI's text share. Each table is
 * a `Record` over the core's union, so the compiler flags a new basis that has
 * no label. Tier wording is the core's (knowledge/labels.ts).
 */
import {
  loadKnowledgeBase,
  SCREEN_INCOMPLETE_WORDING,
  shortCitations,
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

/** Formats a probability as a whole percentage, never claiming 0% or 100%. */
export function percent(p: number): string {
  if (p < 0.005) return '<1%';
  if (p > 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/** Sources as a runner reads them, short names and never internal ids: "Finucane 2020, NICE NG59 2016". */
export function citeSources(ids: readonly string[]): string {
  return shortCitations(loadKnowledgeBase(), ids).join(', ');
}
