/**
 * Reads one activity file from a stream of bytes (decompressing `.gz`),
 * picks the reader by name or content, hashes the content as it passes,
 * and returns activities with their ids, or a per-file error. One file at a
 * time: FIT is held whole for the SDK (files are at most a few MB), GPX and
 * TCX are parsed chunk by chunk.
 */
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Activity } from '@backtrack/core';
import type { ParsedActivity, ParseResult, ReadOptions } from './draft.js';
import { looksLikeFit, parseFit } from './fit.js';
import { GpxHandler } from './gpx.js';
import { TcxHandler } from './tcx.js';
import { readXml } from './xml.js';

/** A file to import: its name (for messages and format) and a way to open its bytes. */
export interface FileSource {
  /** Display name: a path or a name inside an export. */
  name: string;
  open(): Promise<Readable> | Readable;
}

/** Formats the importer reads. */
export type FileFormat = 'fit' | 'gpx' | 'tcx';

/** The format a file name says, ignoring a `.gz` suffix; undefined for other files. */
export function formatFromName(name: string): FileFormat | undefined {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.fit')) return 'fit';
  if (lower.endsWith('.gpx')) return 'gpx';
  if (lower.endsWith('.tcx')) return 'tcx';
  return undefined;
}

/** What reading one file gave. */
export interface FileReadResult {
  activities: (Activity & { sportStated: boolean })[];
  error?: string;
  /** Bytes read after decompression. */
  bytes: number;
}

/**
 * The most bytes one activity file may hold after decompression. A 14-hour
 * FIT recording at one record a second is about 5 MB and its GPX about 20 MB;
 * anything far larger is not a run but a decompression bomb or a mistake, and
 * reading it would hold the memory and the CPU of everyone's server.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Thrown when a file grows past {@link MAX_FILE_BYTES} while it is read. */
class FileTooLarge extends Error {
  constructor(limit: number) {
    super(
      `larger than ${String(Math.round(limit / 1024 / 1024))} MiB after decompression; not read (an activity file is at most a few MB)`,
    );
  }
}

async function* tap(
  source: AsyncIterable<unknown>,
  hash: Hash,
  counter: { bytes: number },
  limit: number,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk));
    if (bytes.length === 0) continue;
    counter.bytes += bytes.length;
    if (counter.bytes > limit) throw new FileTooLarge(limit);
    hash.update(bytes);
    yield bytes;
  }
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

async function* prepend(
  first: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

/** What the first bytes of a file say it is. */
export type SniffedFormat = 'fit' | 'xml' | 'zip' | 'unknown';

/**
 * The format the first bytes (after decompression) show: a FIT header, XML
 * (the first character after a byte-order mark and white space is `<`), a
 * zip archive, or none of these. Never parses more than the first chunk.
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (looksLikeFit(head)) return 'fit';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4)
    return 'zip';
  let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  // UTF-8 only: white space then `<`.
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)
  )
    i += 1;
  if (i === head.length) return head.length < 4096 ? 'xml' : 'unknown';
  return head[i] === 0x3c ? 'xml' : 'unknown';
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = 'code' in err ? err.code : undefined;
    if (code === 'ENOENT') return 'file not found';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'EISDIR') return 'is a folder, not a file';
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
      return `could not decompress (.gz): ${err.message}`;
    return err.message;
  }
  return String(err);
}

/** Reads one file into activities (with ids and source), or a clear per-file error. */
export async function readActivityFile(
  file: FileSource,
  options: ReadOptions,
): Promise<FileReadResult> {
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  let result: ParseResult;
  let format = formatFromName(file.name);
  let raw: Readable | undefined;
  try {
    raw = await file.open();
    // Sniff the bytes, not only the name: gzip under another name is inflated too.
    const rawChunks = (raw as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const head = await rawChunks.next();
    if (head.done === true) return { activities: [], error: 'the file is empty', bytes: 0 };
    const gzip = head.value.length >= 2 && head.value[0] === 0x1f && head.value[1] === 0x8b;
    if (!gzip && file.name.toLowerCase().endsWith('.gz')) {
      return {
        activities: [],
        error: 'could not decompress (.gz): the file is not gzip-compressed',
        bytes: 0,
      };
    }
    const body = Readable.from(prepend(head.value, rawChunks));
    const stream = gzip ? body.pipe(createGunzip()) : body;
    body.on('error', (e) => stream.destroy(e));
    const chunks = tap(stream, hash, counter, options.maxFileBytes ?? MAX_FILE_BYTES);
    const iterator = chunks[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done === true) {
      return { activities: [], error: 'the file is empty', bytes: 0 };
    }
    const sniffed = sniffFormat(first.value);
    if (sniffed === 'zip') {
      return {
        activities: [],
        error: 'is a .zip archive, not a FIT, GPX or TCX file: upload it with the .zip ending',
        bytes: counter.bytes,
      };
    }
    if (sniffed === 'unknown') {
      return {
        activities: [],
        error: `not a FIT, GPX or TCX file: ${format === 'fit' ? 'the FIT header is missing or wrong' : 'it does not start with an XML tag'}`,
        bytes: counter.bytes,
      };
    }
    // Trust the content over the name; the XML root tells GPX from TCX.
    if (sniffed === 'fit') format = 'fit';
    else if (format === 'fit' || format === undefined) format = 'gpx';
    const all = prepend(first.value, iterator);
    if (format === 'fit') {
      result = parseFit(await collect(all), options);
    } else {
      const xml = await readXml<GpxHandler | TcxHandler>(all, (root) =>
        root === 'gpx'
          ? new GpxHandler(options)
          : root === 'TrainingCenterDatabase'
            ? new TcxHandler(options)
            : undefined,
      );
      if (!xml.handler) {
        return {
          activities: [],
          error:
            xml.root !== undefined
              ? `not a GPX or TCX file (the XML root is <${xml.root}>)`
              : `not a FIT, GPX or TCX file${xml.error ? ` (${xml.error})` : ''}`,
          bytes: counter.bytes,
        };
      }
      format = xml.handler instanceof GpxHandler ? 'gpx' : 'tcx';
      result = { activities: xml.handler.activities };
      const problems: string[] = [];
      if (xml.error) problems.push(`the XML is malformed: ${xml.error}`);
      if (xml.handler instanceof GpxHandler && xml.handler.activities.length === 0) {
        problems.push(
          xml.handler.emptyTracks.length > 0
            ? `no usable track: ${xml.handler.emptyTracks.join('; ')}`
            : 'the GPX file has no track (routes and waypoints are not runs)',
        );
      }
      if (xml.handler instanceof TcxHandler && xml.handler.activities.length === 0) {
        problems.push('the TCX file has no activity');
      }
      if (problems.length > 0) result.error = problems.join('; ');
      if (xml.error) {
        for (const a of result.activities)
          a.draft.warnings.push(`The file is damaged (${xml.error}); this is what could be read.`);
      }
    }
  } catch (err) {
    return { activities: [], error: describe(err), bytes: counter.bytes };
  } finally {
    // A file given up early (not an activity file, too large) is closed, not left open.
    raw?.destroy();
  }
  const digest = hash.digest('hex').slice(0, CONTENT_HASH_LENGTH);
  const activities = result.activities.map((p: ParsedActivity, i) => ({
    ...p.draft,
    id: result.activities.length > 1 ? `${digest}-${i + 1}` : digest,
    source: format ?? 'fit',
    file: file.name,
    sportStated: p.sportStated,
  }));
  return result.error !== undefined
    ? { activities, error: result.error, bytes: counter.bytes }
    : { activities, bytes: counter.bytes };
}

/** The content hash of a file, and its bytes as read (to parse them without reading again). */
export interface HashedFile {
  /** What {@link readActivityFile} makes the id of a file's activity: SHA-256 of the content (after `.gz`), 32 hex digits. */
  contentHash: string;
  /** The file's bytes as stored (still compressed for `.gz`). */
  raw: Buffer;
}

/**
 * Hashes a file's content the way {@link readActivityFile} does, without
 * parsing it: SHA-256 of the bytes (inflated first when they are gzip),
 * so a file already imported can be skipped before it is decoded. Undefined
 * when the file cannot be read, is not valid gzip or is too large: reading
 * it with {@link readActivityFile} then names the problem.
 */
export async function hashActivityFile(
  file: FileSource,
  options: { maxFileBytes?: number } = {},
): Promise<HashedFile | undefined> {
  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  const parts: Buffer[] = [];
  let rawBytes = 0;
  let raw: Readable | undefined;
  try {
    raw = await file.open();
    for await (const chunk of raw as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      rawBytes += bytes.length;
      if (rawBytes > limit) return undefined;
      parts.push(bytes);
    }
    const all = Buffer.concat(parts);
    const gzip = all.length >= 2 && all[0] === 0x1f && all[1] === 0x8b;
    const hash = createHash('sha256');
    // Past the limit, gunzip throws: the file is then read the usual way, which names the problem.
    hash.update(gzip ? gunzipSync(all, { maxOutputLength: limit }) : all);
    return { contentHash: hash.digest('hex').slice(0, CONTENT_HASH_LENGTH), raw: all };
  } catch {
    return undefined;
  } finally {
    raw?.destroy();
  }
}

/** Hex digits of the content hash in an activity id. */
const CONTENT_HASH_LENGTH = 32;

/**
 * The content hash of the file an activity was read from, taken from its id
 * (`<hash>` or `<hash>-<n>` for the n-th activity of a file); undefined for
 * ids of another shape. (A Strava summary without a file has a 32-digit id
 * hashed from its row, which no file's content hash matches.)
 */
export function contentHashOfId(id: string): string | undefined {
  const m = /^([0-9a-f]{32})(?:-\d+)?$/.exec(id);
  return m?.[1];
}

/** A {@link FileSource} over bytes in memory (tests, small uploads). */
export function bytesSource(name: string, bytes: Uint8Array | string): FileSource {
  return {
    name,
    open: () => Readable.from([typeof bytes === 'string' ? Buffer.from(bytes) : bytes]),
  };
}
