import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseCoding } from './serve-web.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const BIG_JS = Array.from(
  { length: 400 },
  (_, i) => `export const value${String(i)} = ${String(i)};`,
).join('\n');

let t: TestApp;
let dist: string;
beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'backtrack-web-'));
  dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Backtrack</title>');
  writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'assets', 'big-5678.js'), BIG_JS);
  writeFileSync(path.join(root, 'secret.txt'), 'not for the web');
  t = await createTestApp({ webDist: dist });
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(path.dirname(dist), { recursive: true, force: true });
});

describe('serving the built web app', () => {
  it('serves files with their type; hashed assets are cached for a year', async () => {
    const js = await t.app.request('/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
  });
  it('falls back to index.html for app routes (single-page app)', async () => {
    for (const route of ['/', '/assessment/123', '/plans/abc/progress']) {
      const res = await t.app.request(route);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Backtrack</title>');
    }
  });
  it('never serves a file outside the build folder', async () => {
    for (const route of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const text = await (await t.app.request(route)).text();
      expect(text).not.toContain('not for the web');
    }
  });
  it('keeps unknown /api routes as JSON 404s', async () => {
    const res = await t.app.request('/api/unknown');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
  it('answers only GET and HEAD with the app', async () => {
    expect((await t.app.request('/somewhere', { method: 'HEAD' })).status).toBe(200);
    expect((await t.app.request('/somewhere', { method: 'POST' })).status).toBe(404);
  });
  it('answers a missing asset with 404, not the app page', async () => {
    const res = await t.app.request('/assets/app-0000.js');
    expect(res.status).toBe(404);
  });
  it('answers 503, never 500, while the build folder is being replaced', async () => {
    const index = path.join(dist, 'index.html');
    rmSync(index);
    try {
      const res = await t.app.request('/plans/abc');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      writeFileSync(index, '<!doctype html><title>Backtrack</title>');
    }
  });
  it('sends text files of 1 KiB or more compressed, as the browser prefers', async () => {
    const br = await t.app.request('/assets/big-5678.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('accept-encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(BIG_JS.length / 3);
    expect(brotliDecompressSync(brBytes).toString()).toBe(BIG_JS);

    const gz = await t.app.request('/assets/big-5678.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(BIG_JS);

    const plain = await t.app.request('/assets/big-5678.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG_JS);
    // Small files are not worth it.
    const small = await t.app.request('/assets/app-1234.js', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(small.headers.get('content-encoding')).toBeNull();
  });
  it("sends the build's precompressed copy, never one older than its file", async () => {
    const file = path.join(dist, 'assets', 'pre-9999.js');
    const fresh = `${BIG_JS}\n// fresh`;
    writeFileSync(file, fresh);
    // Copies that differ from compressing the file here (a marker comment), so the test sees which was sent.
    writeFileSync(`${file}.br`, brotliCompressSync(`${fresh}\n// from the build`));
    writeFileSync(`${file}.gz`, gzipSync(`${fresh}\n// from the build`));
    const br = await t.app.request('/assets/pre-9999.js', { headers: { 'accept-encoding': 'br' } });
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toContain(
      '// from the build',
    );
    const gz = await t.app.request('/assets/pre-9999.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toContain(
      '// from the build',
    );

    // A copy older than its file (the file was rebuilt, the copy not): compressed here instead.
    const stale = path.join(dist, 'assets', 'stale-1111.js');
    writeFileSync(`${stale}.br`, brotliCompressSync('// old content'));
    utimesSync(`${stale}.br`, new Date(2000, 0, 1), new Date(2000, 0, 1));
    writeFileSync(stale, BIG_JS);
    const fromHere = await t.app.request('/assets/stale-1111.js', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(fromHere.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await fromHere.arrayBuffer())).toString()).toBe(BIG_JS);
  });

  it('gzips JSON answers of 1 KiB or more', async () => {
    const res = await t.app.request('/api/openapi.json', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const json = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()) as {
      openapi: string;
    };
    expect(json.openapi).toBe('3.1.0');
  });
});

describe('chooseCoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['BR;Q=0.5', 'br'],
  ])('%s → %s', (header, expected) => {
    expect(chooseCoding(header)).toBe(expected);
  });
});
