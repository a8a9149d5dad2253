/** `backtrack kb`: contributors, red flags and sources, as JSON or text. */
import type { KnowledgeBase, SeriousCondition, TriageTier } from '@backtrack/core';
import { humanise } from './labels.js';
import { percent } from './render-report.js';
import { wrap, type Style } from './style.js';

/** The knowledge base as listed by `backtrack kb --json`. */
export interface KnowledgeBaseDto {
  contributors: { id: string; name: string; prior: number; summary: string }[];
  redFlags: { id: string; name: string; tier: TriageTier; condition: SeriousCondition }[];
  sources: { id: string; citation: string; url: string | null }[];
}

/** The listing of the knowledge base. */
export function listKnowledgeBase(kb: KnowledgeBase): KnowledgeBaseDto {
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
    sources: kb.sources.map((s) => ({ id: s.id, citation: s.citation, url: s.url ?? null })),
  };
}

/** The knowledge base as readable text. */
export function renderKnowledgeBase(
  dto: KnowledgeBaseDto,
  options: { style: Style; width: number },
): string {
  const { style, width } = options;
  const lines: string[] = [
    style.bold(
      `Contributors (${dto.contributors.length}): likely weak links, with the starting estimate`,
    ),
  ];
  for (const c of dto.contributors) {
    lines.push(`  ${style.cyan(c.id)}  ${c.name}  ${percent(c.prior)}`);
    lines.push(style.dim(wrap(c.summary, { width, indent: '      ' })));
  }
  lines.push(
    '',
    style.bold(`Red flags (${dto.redFlags.length}): warning signs and the urgency they set`),
  );
  for (const f of dto.redFlags) {
    lines.push(`  ${style.cyan(f.id)}  ${f.name}`);
    lines.push(style.dim(`      ${humanise(f.tier)} · rules out ${humanise(f.condition)}`));
  }
  lines.push('', style.bold(`Sources (${dto.sources.length})`));
  for (const s of dto.sources) {
    lines.push(
      wrap(`${s.citation}${s.url === null ? '' : ` ${s.url}`}`, {
        width,
        first: `  ${s.id}: `,
        indent: '      ',
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
