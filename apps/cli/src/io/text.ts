/** Small text formatters every command's rendering shares. */
import type { Style } from './style.js';

/** Formats a probability as a whole percentage, never claiming 0% or 100% (shared with the handout). */
export { percent } from '@backtrack/documents';

/** A section heading: bold text over a dim rule, at most `width` columns long. */
export function heading(text: string, options: { style: Style; width: number }): string {
  const { style, width } = options;
  return `\n${style.bold(text)}\n${style.dim('─'.repeat(Math.min(width, text.length + 8)))}`;
}
