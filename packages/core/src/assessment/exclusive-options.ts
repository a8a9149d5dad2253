/**
 * The one rule for options that exclude every other option of a multi-choice
 * question ("none", "nothing", "not known"): the engine keeps the other
 * options when both are sent (`normaliseAnswer`), and a form clears the
 * others when one is chosen (`toggleOption`). Pure, no imports: the web may
 * import it as a value (eslint.config.js).
 */

/** Option ids that exclude every other option of a multi-choice question. */
export const EXCLUSIVE_OPTION_IDS: readonly string[] = ['none', 'nothing', 'not_known'];

/** Whether an option id excludes every other option. */
export function isExclusiveOption(id: string): boolean {
  return EXCLUSIVE_OPTION_IDS.includes(id);
}

/**
 * Toggles an option of a multi-choice answer. Choosing "none" (or "not
 * known") clears the others; choosing anything else clears "none".
 */
export function toggleOption(selected: readonly string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  if (isExclusiveOption(id)) return [id];
  return [...selected.filter((s) => !isExclusiveOption(s)), id];
}
