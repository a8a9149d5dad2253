/**
 * Public entry of the exercise illustrations: `renderIllustration(id)`
 * returns a self-contained SVG (start and end positions side by side).
 */
import { DomainError } from '../errors.js';
import { ILLUSTRATIONS, ILLUSTRATION_IDS } from './poses.js';
import { layoutSpec, specToSvg, type IllustrationSpec, type Layout } from './scene.js';

export { ILLUSTRATION_IDS };

function spec(id: string): IllustrationSpec {
  const s = ILLUSTRATIONS[id];
  if (!s) throw new DomainError('not_found', `No illustration with id "${id}"`, [id]);
  return s;
}

/** True when an illustration with this id exists. */
export function hasIllustration(id: string): boolean {
  return Object.hasOwn(ILLUSTRATIONS, id);
}

/**
 * The SVG of an illustration: two panels labelled "Start" and "End", a
 * `<title>` and `<desc>` for screen readers, no external references and only
 * the generic sans-serif font, so it can be inlined in the web app, served as
 * a file, or embedded in a PDF. Throws a `not_found` DomainError for an
 * unknown id.
 */
export function renderIllustration(id: string): string {
  return specToSvg(id, spec(id));
}

/** Where every joint and box of an illustration lies, in SVG units (for tests and tools). */
export function layoutIllustration(id: string): Layout {
  return layoutSpec(spec(id));
}

/** The plain-language description of both positions (the SVG's `<desc>`). */
export function describeIllustration(id: string): { title: string; start: string; end: string } {
  const s = spec(id);
  return { title: s.title, start: s.start.text, end: s.end.text };
}
