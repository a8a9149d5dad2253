/**
 * Plain-language labels for the core's closed vocabularies, shared with the
 * PDF handout (packages/documents). Tier, body-region, section and decision
 * wording is the core's (knowledge/labels.ts).
 */
export { BASIS_LABELS, humanise, tierHeadline } from '@backtrack/documents';
