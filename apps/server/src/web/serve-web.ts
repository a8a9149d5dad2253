/**
 * Serves the built web app (`apps/web/dist`): its files as they are, and
 * `index.html` for any other path so the app's client-side routes load
 * (single-page-app fallback). Files under `assets/` carry a content hash in
 * their names, so they are cached for a year; everything else is revalidated.
 * Text files (HTML, JavaScript, CSS, SVG, JSON) go out compressed with
 * brotli or gzip, whichever the browser prefers: the build's precompressed
 * copy (`file.br`, `file.gz`, written by the web build) when it is there and
 * not older than the file, else compressed once here (off the event loop)
 * and kept while the file is unchanged.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files smaller than this go out as they are. */
const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

/** A content coding the server offers, in its order of preference. */
export type Coding = 'br' | 'gzip';

/**
 * The coding to send for an `Accept-Encoding` header: brotli, else gzip, when
 * the browser accepts it (a `q=0` refuses), else none.
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const allows = (coding: Coding) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return undefined;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The file name suffix of a coding's precompressed copy. */
const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/**
 * The build's precompressed copy of `file` in `coding`, when there is one
 * at least as new as the file (a stale copy would send old content).
 */
async function precompressed(
  file: string,
  mtimeMs: number,
  coding: Coding,
): Promise<Buffer | undefined> {
  const copy = file + SUFFIX[coding];
  const copiedAt = modifiedAt(copy);
  if (copiedAt === undefined || copiedAt < mtimeMs) return undefined;
  try {
    return await readFile(copy);
  } catch {
    return undefined;
  }
}

/** Compressed copies of the served files, keyed by path, coding and modification time. */
function compressedCache() {
  const cache = new Map<string, Promise<Buffer>>();
  return (file: string, mtimeMs: number, coding: Coding, body: Uint8Array): Promise<Buffer> => {
    const key = `${coding}:${file}`;
    const stamp = `${key}@${String(mtimeMs)}`;
    const hit = cache.get(stamp);
    if (hit) return hit;
    for (const old of cache.keys()) if (old.startsWith(`${key}@`)) cache.delete(old);
    const made = precompressed(file, mtimeMs, coding).then(
      (copy) =>
        copy ??
        (coding === 'br'
          ? brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } })
          : gzipAsync(body, { level: 9 })),
    );
    cache.set(stamp, made);
    made.catch(() => cache.delete(stamp));
    return made;
  };
}

/** Whether `dir` holds a built web app. */
export function hasWebBuild(dir: string): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

function modifiedAt(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

/** A handler that serves the web app from `root`, or undefined when the request is not for it. */
export function webAppHandler(root: string) {
  const base = path.resolve(root);
  const compressed = compressedCache();
  return async (c: Context): Promise<Response | undefined> => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return undefined;
    }
    const candidate = path.resolve(base, `.${pathname}`);
    // Never outside the build folder, whatever `..` or encoded slashes the path holds.
    const inside = candidate === base || candidate.startsWith(base + path.sep);
    const found = inside && modifiedAt(candidate) !== undefined;
    // A missing file with an extension (a stale asset, a typo) is a 404, not the app's HTML.
    if (!found && path.extname(pathname) !== '') return undefined;
    const file = found ? candidate : path.join(base, 'index.html');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(file));
    } catch {
      // The build folder changed under us (for example, a rebuild is under way).
      c.header('retry-after', '5');
      return c.text('The web app is being updated; try again in a few seconds.', 503);
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = file.startsWith(path.join(base, 'assets') + path.sep);
    c.header('content-type', type);
    c.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('x-content-type-options', 'nosniff');
    const compressible = COMPRESSIBLE.test(type) && body.byteLength >= COMPRESS_MIN_BYTES;
    if (compressible) c.header('vary', 'accept-encoding');
    const coding = compressible ? chooseCoding(c.req.header('accept-encoding')) : undefined;
    if (c.req.method === 'HEAD') return c.body(null, 200);
    if (coding === undefined) return c.body(body, 200);
    const packed = await compressed(file, modifiedAt(file) ?? 0, coding, body);
    c.header('content-encoding', coding);
    return c.body(new Uint8Array(packed), 200);
  };
}
