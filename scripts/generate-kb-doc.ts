/**
 * Writes docs/knowledge-base.md from the knowledge base, for clinician
 * review. Run with `npm run docs:kb` (tsx). The rendering itself is the pure
 * `renderKnowledgeBaseMarkdown`; `render-doc.test.ts` fails when the file is
 * stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase, renderKnowledgeBaseMarkdown } from '@backtrack/core';

const out = fileURLToPath(new URL('../docs/knowledge-base.md', import.meta.url));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, renderKnowledgeBaseMarkdown(loadKnowledgeBase()));
console.log(`wrote ${out}`);
