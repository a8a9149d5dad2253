/**
 * How a source is named to a runner: never by its internal id. A study or
 * guideline is named by its first author (or body) and year; a claim of the
 * five clinic articles Backtrack started from is named as such.
 */
import type { KnowledgeBase } from './knowledge-base.js';

const SEED_CLAIM = /^S(\d)-\d\d$/;

/** A short, plain name of a cited source: "Finucane 2020", "a clinic article on runners' back pain". */
export function shortCitation(kb: KnowledgeBase, id: string): string {
  if (SEED_CLAIM.test(id)) return 'a physiotherapy clinic article on runners’ back pain';
  const source = kb.sources.find((s) => s.id === id);
  if (!source) return 'a cited source';
  const year = /\b(19|20)\d{2}\b/.exec(source.citation)?.[0];
  const author = /^(\p{Lu}[\p{L}'’-]+(?: [a-z]{2,3} \p{Lu}[\p{L}'’-]+)?) \p{Lu}{1,4}[,. ]/u.exec(
    source.citation,
  )?.[1];
  if (author) return year ? `${author} ${year}` : author;
  // A body or a description: its first phrase, kept short.
  const phrase = source.citation.split(/[.:(;]/)[0]?.trim() ?? source.citation;
  const short = phrase.length > 60 ? `${phrase.slice(0, 57).trimEnd()}…` : phrase;
  return year && !short.includes(year) ? `${short} ${year}` : short;
}

/** Short names of several sources, without repeats, in order. */
export function shortCitations(kb: KnowledgeBase, ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => shortCitation(kb, id)))];
}
