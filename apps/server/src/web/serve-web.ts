/**
 * Serves the built web app (`apps/web/dist`): its files as they are, and
 * `index.html` for any other path so the app's client-side routes load
 * (single-page-app fallback). Files under `assets/` carry a content hash in
 * their names, so they are cached for a year; everything else is revalidated.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

/** Whether `dir` holds a built web app. */
export function hasWebBuild(dir: string): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A handler that serves the web app from `root`, or undefined when the request is not for it. */
export function webAppHandler(root: string) {
  const base = path.resolve(root);
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
    const found = inside && isFile(candidate);
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
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(body, 200);
  };
}
