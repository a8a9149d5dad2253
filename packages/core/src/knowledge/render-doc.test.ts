import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './index.js';
import { renderKnowledgeBaseMarkdown, renderRule } from './render-doc.js';

const DOC = fileURLToPath(new URL('../../../../docs/knowledge-base.md', import.meta.url));

describe('renderKnowledgeBaseMarkdown', () => {
  const kb = loadKnowledgeBase();
  const markdown = renderKnowledgeBaseMarkdown(kb);

  it('docs/knowledge-base.md matches the knowledge base', () => {
    const committed = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    expect(committed === markdown, 'docs/knowledge-base.md is stale: run npm run docs:kb').toBe(
      true,
    );
  });

  it('is deterministic', () => {
    expect(renderKnowledgeBaseMarkdown(kb)).toBe(markdown);
  });

  it('lists every contributor, question, red flag, triage rule, seed claim and source', () => {
    const ids = [
      ...kb.contributors.map((c) => c.id),
      ...kb.questions.map((q) => q.id),
      ...kb.redFlags.map((f) => f.id),
      ...kb.triageRules.map((t) => t.id),
      ...kb.sources.map((s) => s.id),
    ];
    for (const id of ids) expect(markdown).toContain(`\`${id}\``);
    for (const claim of kb.seedClaims) expect(markdown).toContain(`| ${claim.id} |`);
  });

  it('shows every effect with its ratios', () => {
    const section = markdown.slice(
      markdown.indexOf('## Questions and their effects'),
      markdown.indexOf('## Red flags'),
    );
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    const effects = kb.questions.reduce((n, q) => n + q.effects.length, 0);
    expect(rows).toHaveLength(effects);
  });

  it('renders rules readably, with option labels', () => {
    const byId = new Map(kb.questions.map((q) => [q.id, q]));
    const text = renderRule(
      {
        all: [
          { q: 'age', test: { kind: 'range', min: 50 } },
          {
            any: [
              { q: 'trend', test: { kind: 'is', value: 'worse' } },
              {
                atLeast: 2,
                of: [
                  { q: 'fever', test: { kind: 'is', value: 'yes' } },
                  { q: 'pain_map', test: { kind: 'includes', value: 'below_knee_left' } },
                ],
              },
            ],
          },
        ],
      },
      byId,
    );
    expect(text).toBe(
      '`age` ≥ 50 years AND (`trend` = worse ("Getting worse") OR (at least 2 of: `fever` = yes; `pain_map` includes below_knee_left))',
    );
  });
});
