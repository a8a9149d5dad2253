/**
 * importPaths on the file system: a named pipe is refused at once instead
 * of blocking the import for ever (regression: a FIFO blocked the CLI).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAll } from './import-paths.js';

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
});
