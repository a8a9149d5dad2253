/**
 * Drives the streaming XML parser (saxes) over chunks of a file and hands
 * elements to a GPX or TCX handler chosen by the root element, so a file
 * is never held whole in memory.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Receives the elements of one XML document, by local name (namespace prefixes dropped). */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  /** Text of the element that just closed (leaf text; trimmed). */
  close(name: string, text: string): void;
}

/** The result of reading an XML stream. */
export interface XmlReadResult<H> {
  handler?: H;
  root?: string;
  /** First well-formedness error, with line and column. */
  error?: string;
}

/** Characters handed to the parser at once. */
const SLICE_CHARS = 64 * 1024;

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Parses an XML byte stream. `pick` chooses a handler from the root
 * element's local name (or returns undefined to give up: not our format).
 * Parsing stops at the first error; what was handled before it is kept.
 */
export async function readXml<H extends XmlHandler>(
  chunks: AsyncIterable<Uint8Array | string>,
  pick: (root: string) => H | undefined,
): Promise<XmlReadResult<H>> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const result: XmlReadResult<H> = {};
  let text = '';
  let stopped = false;
  parser.on('error', (err: Error) => {
    if (!stopped) result.error = err.message;
    stopped = true;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stopped) return;
    const name = localName(tag.name);
    if (result.root === undefined) {
      result.root = name;
      const h = pick(name);
      if (!h) {
        stopped = true;
        return;
      }
      result.handler = h;
    }
    text = '';
    result.handler?.open(name, tag.attributes);
  });
  parser.on('text', (t: string) => {
    text += t;
  });
  parser.on('cdata', (t: string) => {
    text += t;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (stopped) return;
    result.handler?.close(localName(tag.name), text.trim());
    text = '';
  });
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of chunks) {
    let s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first) {
      // Strava's TCX files start with spaces before the XML declaration; a BOM is also common.
      s = s.replace(/^[\uFEFF\s]+/, '');
      if (s.length === 0) continue;
      first = false;
    }
    // In slices, so a file that is not XML stops at its first error instead of being parsed whole.
    for (let i = 0; i < s.length && !stopped; i += SLICE_CHARS)
      parser.write(s.slice(i, i + SLICE_CHARS));
    if (stopped) break;
  }
  if (!stopped) {
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    if (!stopped) parser.close();
  }
  if (result.root === undefined && result.error === undefined) result.error = 'the file is empty';
  return result;
}
