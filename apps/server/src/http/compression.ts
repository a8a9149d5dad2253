/**
 * API answers gzipped for clients that take it: text, JSON and the other
 * compressible types (hono's list), 1 KiB or more, without web streams: a
 * JSON answer of up to 16 KB as it is made, anything larger on libuv's
 * thread pool. hono's `compress` middleware piped every answer through a
 * `CompressionStream`, which at 200 answers a second pushed an interview
 * step's p99 from 15–55 ms to 165 ms (`bench/README.md`).
 */
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/** The smallest body sent gzipped. */
export const GZIP_THRESHOLD = 1024;

const gzipAsync = promisify(gzip);

/** Whether the client takes gzip (`Accept-Encoding` lists it or `*`, without `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding?.trim() !== 'gzip' && coding?.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** `Vary` with `Accept-Encoding` added once. */
function varyOnEncoding(current: string | null): string {
  if (current === null || current.trim() === '') return 'Accept-Encoding';
  if (current.trim() === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(current)) return current;
  return `${current}, Accept-Encoding`;
}

/** `Cache-Control: no-transform`: leave the bytes as they are. */
const NO_TRANSFORM = /(^|,)\s*no-transform\s*(,|$)/i;

/** Statuses whose answers have no body. */
const NO_BODY = new Set([101, 204, 205, 304]);

/** The largest JSON answer gzipped on the event loop (about 0.05 ms for 2 KB); larger ones go to the thread pool. */
const GZIP_INLINE_MAX = 16 * 1024;

/**
 * Gzips compressible answers of {@link GZIP_THRESHOLD} bytes or more when
 * the client accepts gzip, and says `Vary: Accept-Encoding` on every
 * compressible answer. An answer already encoded (a kept answer sends its
 * own gzip form), a `HEAD`, and a `Cache-Control: no-transform` answer are
 * left alone. A strong ETag becomes weak, as the bytes are no longer the
 * ones it named.
 *
 * `c.json` answers, nearly all of them, are gzipped as they are made (the
 * text is at hand, and the answer stays one that @hono/node-server writes
 * straight to the socket); any other compressible answer is read back and
 * gzipped on the thread pool.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    const gzipOk = c.req.method !== 'HEAD' && acceptsGzip(c.req.header('accept-encoding'));
    if (gzipOk) {
      const plain = c.json;
      c.json = ((object: unknown, status?: unknown, headers?: unknown) => {
        // Only the form the routes use, `c.json(value, status)`; any other goes as before.
        const set = c.res.headers;
        if (
          headers !== undefined ||
          (status !== undefined && typeof status !== 'number') ||
          set.has('content-encoding') ||
          NO_TRANSFORM.test(set.get('cache-control') ?? '')
        )
          return plain(object as never, status as never, headers as never);
        const code = (status ?? 200) as ContentfulStatusCode;
        const text = JSON.stringify(object);
        const body = Buffer.from(text);
        if (body.length < GZIP_THRESHOLD || body.length > GZIP_INLINE_MAX)
          return c.body(text, code, { 'content-type': 'application/json' });
        const zipped = gzipSync(body);
        return c.body(new Uint8Array(zipped.buffer, zipped.byteOffset, zipped.length), code, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        });
      }) as typeof c.json;
    }
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || NO_BODY.has(res.status)) return;
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('content-type') ?? '')) return;
    if (NO_TRANSFORM.test(res.headers.get('cache-control') ?? '')) return;
    res.headers.set('vary', varyOnEncoding(res.headers.get('vary')));
    const etag = res.headers.get('etag');
    if (res.headers.has('content-encoding')) {
      if (res.headers.get('content-encoding') === 'gzip' && etag !== null && !etag.startsWith('W/'))
        res.headers.set('etag', `W/${etag}`);
      return;
    }
    if (!gzipOk) return;
    const body = Buffer.from(await res.arrayBuffer());
    // Replacing c.res copies the old answer's headers over the new one's: clear it first.
    c.res = undefined;
    if (body.length < GZIP_THRESHOLD) {
      c.res = new Response(body, res);
      return;
    }
    c.res = new Response(await gzipAsync(body), res);
    c.res.headers.set('content-encoding', 'gzip');
    c.res.headers.delete('content-length');
    if (etag !== null && !etag.startsWith('W/')) c.res.headers.set('etag', `W/${etag}`);
  };
}
