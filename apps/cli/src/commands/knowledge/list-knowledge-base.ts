/** `backtrack kb`: contributors, red flags and sources, as JSON or text. */
import { summariseKnowledgeBase, type KnowledgeBase, type KnowledgeSummary } from '@backtrack/core';
import { humanise } from '../../io/labels.js';
import { percent } from '../../io/text.js';
import { wrap, type Style } from '../../io/style.js';

/** The knowledge base as listed by `backtrack kb --json`: the core's summary, as the API lists it. */
export type KnowledgeBaseDto = KnowledgeSummary;

/** The listing of the knowledge base. */
export const listKnowledgeBase: (kb: KnowledgeBase) => KnowledgeBaseDto = summariseKnowledgeBase;

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
      wrap(`${s.citation}${s.url === undefined ? '' : ` ${s.url}`}`, {
        width,
        first: `  ${s.id}: `,
        indent: '      ',
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
