/**
 * The upload of `POST /api/activities/import`: a multipart/form-data body
 * whose `files` (or `file`) fields are the activity files. The whole body is
 * limited (25 MiB by default, 413 above) around this; here it is streamed,
 * file by file, to the upload's own folder (never held in memory whole), the
 * shape is checked and every problem named.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError } from '@backtrack/core';
import busboy from 'busboy';
import type { Context } from 'hono';

/** The largest upload accepted, bytes (the whole multipart body). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
/** The most files one upload may hold (a zip counts as one). */
export const MAX_IMPORT_FILES = 200;
/**
 * The most activities read from one upload: beyond it the importer stops
 * with a per-file error (a Strava export's `activities.csv` may list tens
 * of thousands of rows; reading them all is work no single request gets).
 */
export const MAX_IMPORT_READ = 5000;
/**
 * The most new activities stored by one upload: the rest are named in a
 * per-file error, and uploading the same file again stores the next ones
 * (those already stored are recognised and skipped).
 */
export const MAX_IMPORT_STORED = 500;
/** The form fields that carry files. */
export const UPLOAD_FIELDS = ['files', 'file'] as const;

/** One uploaded file, on disk. */
export interface UploadedFile {
  /** A safe file name: the browser's, without folders or control characters. */
  name: string;
  /** Where its bytes are: `<upload folder>/<n>/<name>` (the folder goes after the import). */
  path: string;
  /** Its size, bytes. */
  size: number;
}

/** Endings the importer reads (a `.gz` may hold any of the three). */
const ACCEPTED = /\.(fit|gpx|tcx|gz|zip)$/i;

/** Whether the importer reads a file by this name. */
export function isAcceptedName(name: string): boolean {
  return ACCEPTED.test(name);
}

/** The browser's file name made safe to write: its last path segment, printable, at most 200 characters. */
export function safeFileName(raw: string, fallback: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const name = clean === '.' || clean === '..' ? '' : clean;
  return (name === '' ? fallback : name).slice(-200);
}

/**
 * `name`, or, when an earlier file of the upload has it (two folders' `run.fit`),
 * `run (2).fit`: each file's outcome is reported by its name, so names are unique.
 */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  const dot = name.indexOf('.', 1);
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${String(n)})${ext}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

function invalid(message: string, details: string[] = []): DomainError {
  return new DomainError('invalid_input', message, details);
}

/**
 * Streams the uploaded files into `folder` (which the caller removes
 * afterwards, whatever happens). Throws `invalid_input` for a body that is
 * not multipart/form-data, is malformed, holds other fields or text instead
 * of files, no file, or more than {@link MAX_IMPORT_FILES} (those past the
 * limit are not written). An error of the body itself (the size limit, a
 * client gone) is thrown as it is.
 */
export async function readUploadedFiles(c: Context, folder: string): Promise<UploadedFile[]> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw invalid(
      `body: expected multipart/form-data with the activity files in the field "files", got ${type === '' ? 'no content type' : (type.split(';')[0] ?? type)}`,
    );
  }
  const body = c.req.raw.body;
  if (body === null) throw invalid('body: malformed multipart/form-data');
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': type } });
  } catch {
    throw invalid('body: malformed multipart/form-data');
  }
  const files: UploadedFile[] = [];
  const writes: Promise<void>[] = [];
  const problems: string[] = [];
  let count = 0;
  parser.on('file', (field, stream, info) => {
    if (!(UPLOAD_FIELDS as readonly string[]).includes(field)) {
      problems.push(`unknown field: ${field} (send the files in "files")`);
      stream.resume();
      return;
    }
    count += 1;
    if (count > MAX_IMPORT_FILES || problems.length > 0) {
      stream.resume();
      return;
    }
    const name = uniqueName(
      safeFileName(info.filename ?? '', `upload-${String(count)}`),
      files.map((f) => f.name),
    );
    const dir = path.join(folder, String(count));
    mkdirSync(dir);
    const file: UploadedFile = { name, path: path.join(dir, name), size: 0 };
    files.push(file);
    stream.on('data', (chunk: Buffer) => {
      file.size += chunk.length;
    });
    writes.push(pipeline(stream, createWriteStream(file.path, { mode: 0o600 })));
  });
  parser.on('field', (field) => {
    problems.push(
      (UPLOAD_FIELDS as readonly string[]).includes(field)
        ? `${field}: expected a file, got text`
        : `unknown field: ${field} (send the files in "files")`,
    );
  });
  let bodyError: Error | undefined;
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  source.on('error', (error: Error) => {
    bodyError = error;
  });
  try {
    await pipeline(source, parser);
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    if (bodyError !== undefined) throw bodyError;
    if (error instanceof DomainError) throw error;
    throw invalid('body: malformed multipart/form-data');
  }
  if (problems.length > 0) throw invalid(problems[0] ?? 'body: invalid upload', problems);
  if (count === 0) {
    throw invalid('files: no file uploaded; send .fit, .gpx, .tcx, .gz or .zip files in "files"');
  }
  if (count > MAX_IMPORT_FILES) {
    throw invalid(
      `files: ${String(count)} files in one upload; at most ${String(MAX_IMPORT_FILES)} (put many files in a .zip)`,
    );
  }
  return files;
}
