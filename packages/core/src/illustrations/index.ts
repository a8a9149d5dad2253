/**
 * The exercise illustrations: a stick-figure pose library (poses.ts) drawn
 * into SVG scenes (figure.ts, scene.ts) with start and end positions. Pure
 * drawing code, apart from the knowledge base: exercise records name their
 * illustration by id, and the library checks that the id exists here.
 */
export {
  renderIllustration,
  layoutIllustration,
  describeIllustration,
  hasIllustration,
  ILLUSTRATION_IDS,
} from './render.js';
