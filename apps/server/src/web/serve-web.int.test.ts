import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let dist: string;
beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'backtrack-web-'));
  dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Backtrack</title>');
  writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
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
});
