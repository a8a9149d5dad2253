/**
 * importPaths on the file system: a named pipe is refused at once instead
 * of blocking the import for ever (regression: a FIFO blocked the CLI).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAll } from './import-paths.js';
import { syntheticGpx } from './synthetic.js';

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
});
