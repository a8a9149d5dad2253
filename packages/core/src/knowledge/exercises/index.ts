/**
 * The exercise library of the knowledge base: validated records.
 * `loadExerciseLibrary()` parses every record through `ZExerciseLibrary` and
 * checks that each one has an illustration (drawn by `src/illustrations`), so
 * a bad record fails at start-up and in tests, never in a runner's plan.
 */
import { EXERCISES } from './library.js';
import { hasIllustration } from '../../illustrations/index.js';
import { ZExerciseLibrary, type Exercise } from './schema.js';

/**
 * Parses raw exercise records and checks what a single record cannot:
 * unique ids, regressions and progressions that exist, an illustration for
 * each. Throws with every problem listed. Exposed for tests that feed
 * deliberately broken data.
 */
export function buildExerciseLibrary(
  raw: readonly unknown[],
  options: { illustrationExists?: (id: string) => boolean } = {},
): Exercise[] {
  const illustrationExists = options.illustrationExists ?? hasIllustration;
  const parsed = ZExerciseLibrary.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Exercise library is invalid:\n- ${problems.join('\n- ')}`);
  }
  const missing = parsed.data.filter((e) => !illustrationExists(e.illustration));
  if (missing.length > 0) {
    throw new Error(
      `Exercise library is invalid:\n- ${missing.map((e) => `${e.id}: no illustration ${e.illustration}`).join('\n- ')}`,
    );
  }
  return parsed.data;
}

let cached: Exercise[] | undefined;

/** The validated exercise library (parsed once, then shared; it is immutable data). */
export function loadExerciseLibrary(): Exercise[] {
  cached ??= buildExerciseLibrary(EXERCISES);
  return cached;
}

/** Every source id an exercise record cites (dose and record), with the record that cites it. */
export function exerciseCitations(
  exercises: readonly Exercise[],
): { source: string; by: string }[] {
  return exercises.flatMap((e) => [
    ...e.sources.map((source) => ({ source, by: `exercise ${e.id}` })),
    ...e.dose.sources.map((source) => ({ source, by: `exercise ${e.id} dose` })),
  ]);
}

export * from './schema.js';
export { EXERCISES } from './library.js';
