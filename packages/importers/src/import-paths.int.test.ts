/**
 * importPaths on the file system: a named pipe is refused at once instead
 * of blocking the import for ever (regression: a FIFO blocked the CLI).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { importAll, importPaths, type ImportEvent } from './import-paths.js';
import { bytesSource, contentHashOfId, hashActivityFile } from './read-file.js';
import { encodeSyntheticRun, syntheticGpx } from './synthetic.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-fifo-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('importPaths and special files', () => {
  it('refuses a named pipe with a per-file error', async () => {
    const fifo = join(dir, 'run.gpx');
    execFileSync('mkfifo', [fifo]);
    const { activities, errors } = await importAll([fifo]);
    expect(activities).toEqual([]);
    expect(errors).toEqual([
      { file: fifo, message: 'not a regular file or folder (a pipe or a device is not read)' },
    ]);
  });

  it('stops after maxActivities with one error naming where', async () => {
    const folder = join(dir, 'runs');
    await mkdir(folder);
    for (let i = 1; i <= 3; i++) {
      const start = new Date(Date.UTC(2026, 2, i, 7));
      await writeFile(
        join(folder, `${String(i)}.gpx`),
        syntheticGpx({ start, durationS: 600, seed: i }),
      );
    }
    const { activities, errors } = await importAll([folder], { maxActivities: 2 });
    expect(activities).toHaveLength(2);
    expect(errors).toEqual([
      {
        file: '3.gpx',
        message:
          'more than 2 activities in one import; reading stopped here (import the rest separately)',
      },
    ]);
  });

  it('hashes a file as its activity id says, .gz after decompression, before decoding', async () => {
    const fit = encodeSyntheticRun({
      start: new Date(Date.UTC(2026, 1, 1, 7)),
      durationS: 900,
      seed: 5,
    });
    const folder = join(dir, 'hashed');
    await mkdir(folder);
    await writeFile(join(folder, 'a.fit'), fit);
    await writeFile(join(folder, 'b.fit.gz'), gzipSync(fit));
    const { activities } = await importAll([join(folder, 'a.fit')]);
    const id = activities[0]?.id ?? '';
    expect(contentHashOfId(id)).toBe(id);
    expect((await hashActivityFile(bytesSource('a.fit', fit)))?.contentHash).toBe(id);
    expect((await hashActivityFile(bytesSource('b.fit.gz', gzipSync(fit))))?.contentHash).toBe(id);
    expect(await hashActivityFile(bytesSource('c.fit.gz', Buffer.from([0x1f, 0x8b, 1])))).toBe(
      undefined,
    );
    expect(contentHashOfId(`${id}-2`)).toBe(id);
    expect(contentHashOfId('strava-manual')).toBe(undefined);

    // The same content under two names: both skipped, neither decoded; another file is decoded.
    await writeFile(
      join(folder, 'c.gpx'),
      syntheticGpx({ start: new Date(Date.UTC(2026, 1, 2, 7)), durationS: 600, seed: 6 }),
    );
    const asked: string[] = [];
    const events: ImportEvent[] = [];
    for await (const ev of importPaths([folder], {
      isStored: (hash) => {
        asked.push(hash);
        return hash === id;
      },
    }))
      events.push(ev);
    expect(events.map((e) => [e.kind, e.file])).toEqual([
      ['skipped', 'a.fit'],
      ['skipped', 'b.fit.gz'],
      ['activity', 'c.gpx'],
    ]);
    expect(asked).toHaveLength(3);
  });
});
