/**
 * The knowledge base in brief, as `backtrack kb --json` and
 * `GET /api/knowledge` list it: contributors with their prior, red flags with
 * their tier and condition, and the sources. One projection, so the CLI and
 * the API cannot list different fields.
 */
import { shortCitation } from './cite.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { ContributorId, EvidenceLevel, SeriousCondition, TriageTier } from './schema.js';

/** The knowledge base in brief. */
export interface KnowledgeSummary {
  contributors: { id: ContributorId; name: string; prior: number; summary: string }[];
  redFlags: { id: string; name: string; tier: TriageTier; condition: SeriousCondition }[];
  /** `name` is how a runner sees the source cited: "Finucane 2020" (`shortCitation`), never its id. */
  sources: { id: string; name: string; citation: string; url?: string; level: EvidenceLevel }[];
}

/** The summary of a knowledge base. */
export function summariseKnowledgeBase(kb: KnowledgeBase): KnowledgeSummary {
  return {
    contributors: kb.contributors.map((c) => ({
      id: c.id,
      name: c.name,
      prior: c.prior,
      summary: c.summary,
    })),
    redFlags: kb.redFlags.map((f) => ({
      id: f.id,
      name: f.name,
      tier: f.tier,
      condition: f.condition,
    })),
    sources: kb.sources.map((s) => ({
      id: s.id,
      name: shortCitation(kb, s.id),
      citation: s.citation,
      ...(s.url === undefined ? {} : { url: s.url }),
      level: s.level,
    })),
  };
}
