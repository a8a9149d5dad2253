/** Sources as a runner reads them: short names, never internal ids. */
import { loadKnowledgeBase, shortCitations } from '@backtrack/core';

/** "Finucane 2020, NICE NG59 2016" for a list of source ids. */
export function citeSources(ids: readonly string[]): string {
  return shortCitations(loadKnowledgeBase(), ids).join(', ');
}
