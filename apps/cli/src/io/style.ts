/**
 * Plain ANSI styling and word wrapping for text output. Colour is used only
 * when stdout is a terminal and `NO_COLOR` is unset (https://no-color.org);
 * otherwise every style function returns its text unchanged.
 */

/** Text styles; each is the identity when colour is off. */
export interface Style {
  readonly colour: boolean;
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  green: (text: string) => string;
  cyan: (text: string) => string;
  /** Swapped foreground and background, for the emergency banner. */
  inverse: (text: string) => string;
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string): string => text;

/** Creates the styles; with `colour: false` they add nothing. */
export function createStyle(options: { colour: boolean }): Style {
  if (!options.colour) {
    return {
      colour: false,
      bold: plain,
      dim: plain,
      red: plain,
      yellow: plain,
      green: plain,
      cyan: plain,
      inverse: plain,
    };
  }
  return {
    colour: true,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    inverse: sgr(7, 27),
  };
}

/** Whether to colour output written to `stream`: a terminal, and `NO_COLOR` unset. */
export function shouldUseColour(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined;
}

/** Width to wrap text output to: the terminal's width, at most 100 columns; 80 when not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  // A terminal that reports no size (columns 0, as some ptys do) counts as 80 wide.
  const columns =
    stream.isTTY === true && stream.columns !== undefined && stream.columns > 0
      ? stream.columns
      : 80;
  return Math.max(40, Math.min(100, columns));
}

/**
 * Word-wraps plain text (no ANSI codes) to `width` columns. The first line
 * starts with `first` (default `indent`), the others with `indent`. Existing
 * line breaks are kept; a word longer than a line is left whole.
 */
export function wrap(
  text: string,
  options: { width: number; indent?: string; first?: string },
): string {
  const indent = options.indent ?? '';
  let prefix = options.first ?? indent;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      if (line !== '' && prefix.length + line.length + 1 + word.length > options.width) {
        out.push(prefix + line);
        prefix = indent;
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    out.push(prefix + line);
    prefix = indent;
  }
  return out.join('\n');
}
