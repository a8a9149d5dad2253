/**
 * Uploads go to disk, not memory, and never stay there: over real HTTP, a
 * file is streamed into the upload's folder while it arrives; an upload cut
 * off half-way, one over the size limit (413, nothing stored) and one
 * imported all leave the uploads folder empty.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { encodeSyntheticRun } from '@backtrack/importers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { ActivityPageDto } from './service.js';

const LIMIT = 2 * 1024 * 1024;
let t: TestApp;
let ann: TestBrowser;
let uploadsDir: string;
let server: ServerType;
let port: number;

beforeAll(async () => {
  uploadsDir = mkdtempSync(path.join(tmpdir(), 'bt-uploads-'));
  t = await createTestApp({ maxImportBytes: LIMIT, uploadsDir });
  ann = t.browser();
  await t.register(ann, 'ann@example.org', 'password of Ann');
  await ann.get('/api/auth/csrf');
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
  rmSync(uploadsDir, { recursive: true, force: true });
});

/** Every file under the uploads folder. */
function leftovers(): string[] {
  return readdirSync(uploadsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const BOUNDARY = 'bt-boundary-7f3a';
/** The start of a multipart body with one file part named `name` (its bytes follow). */
const partHead = (name: string) =>
  `--${BOUNDARY}\r\ncontent-disposition: form-data; name="files"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n`;

/** The request's head with the browser's cookies and CSRF token; `length`: a content-length, else chunked. */
function head(length?: number): string {
  const cookie = [...ann.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return [
    'POST /api/activities/import HTTP/1.1',
    `host: 127.0.0.1:${String(port)}`,
    `content-type: multipart/form-data; boundary=${BOUNDARY}`,
    length === undefined ? 'transfer-encoding: chunked' : `content-length: ${String(length)}`,
    `cookie: ${cookie}`,
    `x-csrf-token: ${ann.cookies.get('bt_csrf') ?? ''}`,
    '',
    '',
  ].join('\r\n');
}

async function storedCount(): Promise<number> {
  return ((await ann.get('/api/activities')).body as ActivityPageDto).total;
}

describe('POST /api/activities/import on disk', () => {
  it('streams a file into the upload folder and removes it when the client goes away half-way', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(head(LIMIT - 1024));
    socket.write(partHead('run.fit'));
    socket.write(Buffer.alloc(512 * 1024, 7));
    // The first half-megabyte is on disk before the rest has come.
    await until('the file is on disk', () => leftovers().includes('run.fit'));
    socket.destroy();
    await until('the upload folder is empty', () => leftovers().length === 0);
    expect(await storedCount()).toBe(0);
  });

  it('refuses a chunked upload over the limit with 413, stores nothing and leaves nothing', async () => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString()));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(head());
    const chunk = (data: Buffer | string) => {
      const bytes = Buffer.from(data);
      socket.write(`${bytes.length.toString(16)}\r\n`);
      socket.write(bytes);
      socket.write('\r\n');
    };
    chunk(partHead('big.gpx'));
    for (let sent = 0; sent <= LIMIT && !reply; sent += 256 * 1024) {
      chunk(Buffer.alloc(256 * 1024, 32));
      await new Promise((r) => setTimeout(r, 5));
    }
    await until('the server answers', () => reply.includes('\r\n\r\n'));
    socket.destroy();
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/payload_too_large/);
    await until('the upload folder is empty', () => leftovers().length === 0);
    expect(await storedCount()).toBe(0);
  });

  it('imports a file and leaves nothing behind', async () => {
    const fit = encodeSyntheticRun({
      start: new Date('2026-02-20T07:00:00Z'),
      durationS: 1800,
      seed: 3,
    });
    const res = await ann.upload('/api/activities/import', [{ name: 'run.fit', data: fit }]);
    expect(res.status, res.text).toBe(200);
    expect(await storedCount()).toBe(1);
    expect(leftovers()).toEqual([]);
  });
});
