/**
 * The worker pool on real threads (from source, through tsx's loader): an
 * import is read on a worker, a full queue answers 429 with `Retry-After`
 * at once, and the threads stop when the pool closes.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeSyntheticRun } from '@backtrack/importers';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { UploadedFile } from '../activities/upload.js';
import { HttpOnlyError } from '../http/errors.js';
import { createWorkPool, defaultWorkerThreads, type WorkPool } from './pool.js';

const NOW_MS = Date.parse('2026-03-02T09:00:00Z');
let pool: WorkPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const uploads = mkdtempSync(path.join(tmpdir(), 'bt-pool-'));
afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});
let written = 0;
/** A file as the import route leaves it: in its own folder of the upload's folder. */
function uploadOf(name: string, bytes: Uint8Array): UploadedFile {
  const dir = path.join(uploads, String((written += 1)));
  mkdirSync(dir);
  writeFileSync(path.join(dir, name), bytes);
  return { name, path: path.join(dir, name), size: bytes.byteLength };
}
const upload = (seed: number) =>
  uploadOf(
    `run-${String(seed)}.fit`,
    encodeSyntheticRun({ start: new Date(NOW_MS - seed * 86_400_000), durationS: 1800, seed }),
  );

describe('createWorkPool', () => {
  it('reads an upload from its files on a worker thread', async () => {
    pool = createWorkPool({ size: 1, maxQueue: 1 });
    const files = [upload(1), upload(2), uploadOf('notes.txt', new Uint8Array([1]))];
    const result = await pool.run({
      kind: 'import',
      uploads: files,
      nowMs: NOW_MS,
      maxActivities: 100,
    });
    expect(result.readCount).toBe(2);
    expect(result.activities.map((a) => a.file)).toEqual(['run-1.fit', 'run-2.fit']);
    expect(result.errors).toEqual([
      { file: 'notes.txt', message: expect.stringMatching(/not an activity file/) as unknown },
    ]);
    // The route removes the files; the thread leaves them.
    expect(files.every((f) => existsSync(f.path))).toBe(true);
    expect(pool.stats()).toEqual({ running: 0, queued: 0, threads: 1 });
  });

  it('returns only what is new against the stored runs, at most maxNew, counting the rest per file', async () => {
    pool = createWorkPool({ size: 1, maxQueue: 1 });
    const first = await pool.run({
      kind: 'import',
      uploads: [upload(6)],
      nowMs: NOW_MS,
      maxActivities: 100,
    });
    const stored = first.activities.map((a) => ({
      id: a.id,
      sport: a.sport,
      distanceM: a.distanceM,
      ...(a.startTime === undefined ? {} : { startTime: a.startTime }),
    }));
    expect(stored).toHaveLength(1);
    const again = await pool.run({
      kind: 'import',
      uploads: [upload(6), upload(7), upload(8)],
      nowMs: NOW_MS,
      maxActivities: 100,
      stored,
      maxNew: 1,
    });
    // run-6.fit is stored: hashed, skipped, not decoded.
    expect(again.readCount).toBe(2);
    expect(again.skipped).toEqual([{ file: 'run-6.fit' }]);
    expect(again.activities.map((a) => a.file)).toEqual(['run-7.fit']);
    expect(again.notStored).toEqual([{ file: 'run-8.fit', count: 1 }]);
  });

  it('answers 429 with Retry-After when every thread is busy and the queue is full', async () => {
    pool = createWorkPool({ size: 1, maxQueue: 1, retryAfterS: 7 });
    const task = () =>
      pool?.run({ kind: 'import', uploads: [upload(3)], nowMs: NOW_MS, maxActivities: 100 });
    const running = task();
    const queued = task();
    let refused: unknown;
    try {
      await task();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpOnlyError);
    expect(refused).toMatchObject({ code: 'rate_limited', headers: { 'retry-after': '7' } });
    await expect(running).resolves.toMatchObject({ readCount: 1 });
    await expect(queued).resolves.toMatchObject({ readCount: 1 });
  });

  it('fails the tasks still waiting when it closes', async () => {
    pool = createWorkPool({ size: 1, maxQueue: 2 });
    const running = pool.run({
      kind: 'import',
      uploads: [upload(4)],
      nowMs: NOW_MS,
      maxActivities: 100,
    });
    const waiting = pool.run({
      kind: 'import',
      uploads: [upload(5)],
      nowMs: NOW_MS,
      maxActivities: 100,
    });
    const outcomes = Promise.allSettled([running, waiting]);
    await pool.close();
    const [first, second] = await outcomes;
    expect(first?.status).toBe('rejected');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: new Error('the work pool is closed'),
    });
    pool = undefined;
  });

  it('uses one thread, or two when there are three cores or more', () => {
    expect([1, 2, 3, 16].map((cores) => defaultWorkerThreads(cores))).toEqual([1, 1, 2, 2]);
  });
});
