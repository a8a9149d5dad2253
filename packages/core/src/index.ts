/**
 * @backtrack/core — the pure domain core of Backtrack: the knowledge base and
 * the assessment engine. No I/O, no clock: callers pass everything in.
 */
export * from './knowledge/index.js';
export * from './illustrations/index.js';
export { renderKnowledgeBaseMarkdown } from './knowledge/render-doc.js';
export * from './assessment/index.js';
export * from './plan/index.js';
export * from './errors.js';
export * from './units.js';
export * from './dates.js';
export * from './training/index.js';
export * from './insights/index.js';
export * from './clinic/index.js';
export * from './outcomes/index.js';
