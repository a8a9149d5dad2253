/**
 * The API's compression middleware on a bare hono app: what is gzipped,
 * what is left alone, and the headers that go with it.
 */
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressAnswers, GZIP_THRESHOLD } from './compression.js';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })) };
const app = new Hono();
app.use('*', compressAnswers());
app.get('/big', (c) => c.json(big));
const huge = { items: Array.from({ length: 3000 }, (_, i) => ({ id: i, name: `item ${i}` })) };
app.get('/huge', (c) => c.json(huge, 201));
app.get('/small', (c) => c.json({ ok: true }));
app.get('/etag', (c) => {
  c.header('etag', '"abc"');
  return c.json(big);
});
app.get('/no-transform', (c) => {
  c.header('cache-control', 'no-transform');
  return c.json(big);
});
app.get('/encoded', (c) => {
  c.header('content-encoding', 'identity-test');
  return c.json(big);
});
app.get('/png', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'image/png' }));
app.get('/ics', (c) =>
  c.body('BEGIN:VCALENDAR\n'.repeat(200), 200, { 'content-type': 'text/calendar' }),
);

const gzip = { 'accept-encoding': 'gzip, deflate, br' };

describe('compressAnswers', () => {
  it('gzips a JSON answer of 1 KiB or more for a client that takes gzip, losing nothing', async () => {
    const res = await app.request('/big', { headers: gzip });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString())).toEqual(big);
    expect(bytes.length).toBeLessThan(JSON.stringify(big).length / 2);
  });

  it('gzips a large JSON answer off the event loop, keeping its status', async () => {
    const res = await app.request('/huge', { headers: gzip });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString())).toEqual(huge);
    const plain = await app.request('/huge');
    expect(plain.status).toBe(201);
    expect(await plain.json()).toEqual(huge);
  });

  it('sends the same answer plainly, with Vary, to a client that does not take gzip', async () => {
    for (const headers of [
      {},
      { 'accept-encoding': 'gzip;q=0, br' },
      { 'accept-encoding': 'br' },
    ]) {
      const res = await app.request('/big', { headers });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(await res.json()).toEqual(big);
    }
  });

  it('leaves small, already encoded, no-transform, binary and HEAD answers alone', async () => {
    const small = await app.request('/small', { headers: gzip });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    expect((await app.request('/encoded', { headers: gzip })).headers.get('content-encoding')).toBe(
      'identity-test',
    );
    expect(
      (await app.request('/no-transform', { headers: gzip })).headers.get('content-encoding'),
    ).toBeNull();
    expect(
      (await app.request('/png', { headers: gzip })).headers.get('content-encoding'),
    ).toBeNull();
    const head = await app.request('/big', { method: 'HEAD', headers: gzip });
    expect(head.headers.get('content-encoding')).toBeNull();
  });

  it('gzips other text answers too, and makes a strong ETag weak', async () => {
    const ics = await app.request('/ics', { headers: gzip });
    expect(ics.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await ics.arrayBuffer())).toString()).toBe(
      'BEGIN:VCALENDAR\n'.repeat(200),
    );
    const tagged = await app.request('/etag', { headers: gzip });
    expect(tagged.headers.get('etag')).toBe('W/"abc"');
    expect((await app.request('/etag')).headers.get('etag')).toBe('"abc"');
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(GZIP_THRESHOLD).toBe(1024);
  });
});
