/** `backtrack import`: files, folders, Strava exports, the store, duplicates, errors and exit codes. */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ZActivity } from '@backtrack/core';
import { encodeSyntheticRun, syntheticGpx } from '@backtrack/importers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import type { ImportReport } from './import-command.js';
import { progressLine } from './import-progress.js';
import { runInMemory } from '../../testing.js';

const NOW = new Date('2024-03-20T12:00:00Z');
const DAY_MS = 86_400_000;

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-import-'));
  env = { BACKTRACK_HOME: join(dir, 'home') };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const storePath = () => join(dir, 'home', 'activities');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY_MS);

/** A folder with two FIT runs, one GPX run, a file that is not an activity and a text file. */
async function watchFolder(): Promise<string> {
  const folder = join(dir, 'watch');
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, 'run-1.fit'),
    encodeSyntheticRun({ start: daysAgo(10), durationS: 1800, seed: 1 }),
  );
  await writeFile(
    join(folder, 'run-2.fit'),
    encodeSyntheticRun({ start: daysAgo(6), durationS: 2400, seed: 2 }),
  );
  await writeFile(
    join(folder, 'run-3.gpx'),
    syntheticGpx({ start: daysAgo(3), durationS: 1800, seed: 3 }),
  );
  await writeFile(join(folder, 'broken.fit'), 'this is not a FIT file');
  await writeFile(join(folder, 'notes.txt'), 'not an activity, not read');
  return folder;
}

async function importJson(args: string[], options: { stderrTty?: boolean } = {}) {
  const run = await runInMemory(['import', ...args, '--json'], { env, now: NOW, ...options });
  return { ...run, report: JSON.parse(run.stdout) as ImportReport };
}

/** Every stored activity, as the store's files hold them. */
async function storeLines(): Promise<unknown[]> {
  const index = JSON.parse(await readFile(join(storePath(), 'index.json'), 'utf8')) as {
    activities: { id: string }[];
  };
  return Promise.all(
    index.activities.map(
      async (e) => JSON.parse(await readFile(join(storePath(), `${e.id}.json`), 'utf8')) as unknown,
    ),
  );
}

/** The store's index and activity files, name by name, to see that nothing was written. */
async function storeFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(storePath())).sort())
    out[name] = await readFile(join(storePath(), name), 'utf8');
  return out;
}

const HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Average Heart Rate';

function stravaDate(d: Date): string {
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const h = d.getUTCHours();
  const hh = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${months[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${hh}:${mm}:00 ${h < 12 ? 'AM' : 'PM'}`;
}

/** A Strava bulk export as a zip: three runs with their gear, and a file that is damaged. */
async function stravaZip(): Promise<string> {
  const runs = [
    { id: '11', start: daysAgo(9), gear: 'Pegasus 40', file: 'activities/11.gpx' },
    { id: '12', start: daysAgo(5), gear: 'Pegasus 40', file: 'activities/12.gpx' },
    { id: '13', start: daysAgo(2), gear: 'Clifton 9', file: 'activities/13.gpx' },
  ];
  const files: Record<string, string> = {};
  const rows = [HEADER];
  for (const r of runs) {
    files[r.file] = syntheticGpx({ start: r.start, durationS: 1800, seed: Number(r.id) });
    rows.push(
      [r.id, `"${stravaDate(r.start)}"`, '"Run"', 'Run', '', 1800, '5.40', '', '', 'false', '']
        .concat([`"${r.gear}"`, r.file, '', '', '1800.0', '1800.0', '5400.0', '', '', '', '', ''])
        .join(','),
    );
  }
  files['activities/14.fit'] = 'damaged';
  rows.push(
    ['14', `"${stravaDate(daysAgo(1))}"`, '"Broken"', 'Run', '', 600, '2.00', '', '', 'false', '']
      .concat(['"Clifton 9"', 'activities/14.fit', '', '', '600.0', '600.0', '2000.0'])
      .concat(['', '', '', '', ''])
      .join(','),
  );
  files['activities.csv'] = `${rows.join('\n')}\n`;
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(files)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  const path = join(dir, 'export_1.zip');
  await new Promise<void>((resolve, reject) => {
    Readable.from(zip.outputStream)
      .pipe(createWriteStream(path))
      .on('finish', resolve)
      .on('error', reject);
  });
  return path;
}

describe('backtrack import', () => {
  it('imports a folder, keeps the good files, and names each file that failed', async () => {
    const folder = await watchFolder();
    const { code, report, stderr } = await importJson([folder]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(report.summary).toMatchObject({ read: 3, new: 3, alreadyStored: 0, runs: 3 });
    expect(report.activities.map((a) => a.status)).toEqual(['new', 'new', 'new']);
    expect(report.errors).toEqual([
      {
        file: `${folder}/broken.fit`,
        message: expect.stringMatching(/not a FIT, GPX or TCX/) as string,
      },
    ]);
    expect(report.summary.from).toBe(daysAgo(10).toISOString());
    expect(report.summary.distanceKm).toBeGreaterThan(10);
    expect(report.store).toEqual({ path: storePath(), activities: 3 });
    const lines = await storeLines();
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(ZActivity.safeParse(line).success).toBe(true);
    if (process.platform !== 'win32') {
      for (const name of Object.keys(await storeFiles()))
        expect((await stat(join(storePath(), name))).mode & 0o777).toBe(0o600);
      expect((await stat(storePath())).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, 'home'))).mode & 0o777).toBe(0o700);
    }
  });

  it('stores each run once: the same files again, and another file of a stored run', async () => {
    const folder = await watchFolder();
    await importJson([folder]);
    const before = await storeFiles();

    // Unchanged files are hashed, found stored, and not decoded again; the broken one is read again.
    const again = await importJson([folder]);
    expect(again.code).toBe(0);
    expect(again.report.summary).toMatchObject({ read: 0, new: 0, skippedFiles: 3 });
    expect(again.report.activities).toEqual([]);
    expect(again.report.skipped).toEqual([
      { file: `${folder}/run-1.fit` },
      { file: `${folder}/run-2.fit` },
      { file: `${folder}/run-3.gpx` },
    ]);
    expect(again.report.errors.map((e) => e.file)).toEqual([`${folder}/broken.fit`]);
    expect(await storeFiles()).toEqual(before);

    // The GPX of run 3 exported by another app: other bytes (another id), same start and distance.
    const copy = join(dir, 'copy-of-run-3.gpx');
    await writeFile(
      copy,
      syntheticGpx({ start: daysAgo(3), durationS: 1800, seed: 3 }).replace(
        'Synthetic run',
        'Morning run (exported again)',
      ),
    );
    const dup = await importJson([copy]);
    expect(dup.code).toBe(0);
    expect(dup.report.activities).toEqual([
      expect.objectContaining({ status: 'duplicate', duplicateOf: expect.any(String) as string }),
    ]);
    expect(dup.report.summary).toMatchObject({ new: 0, duplicates: 1 });
    expect(await storeFiles()).toEqual(before);
  });

  it('merges the same run given twice in one import', async () => {
    const a = join(dir, 'a.gpx');
    const b = join(dir, 'b.gpx');
    const gpx = syntheticGpx({ start: daysAgo(4), durationS: 1200, seed: 9 });
    await writeFile(a, gpx);
    await writeFile(b, gpx.replace('Synthetic run', 'Same run, other app'));
    const { report } = await importJson([a, b]);
    expect(report.summary).toMatchObject({ read: 1, new: 1, mergedWithinImport: 1 });
    expect(await storeLines()).toHaveLength(1);
  });

  it('merges the same file given three times in one import (regression: a loop that never ended)', async () => {
    const a = join(dir, 'a.gpx');
    await writeFile(a, syntheticGpx({ start: daysAgo(4), durationS: 1200, seed: 9 }));
    const { report } = await importJson([a, a, a]);
    expect(report.summary).toMatchObject({ read: 1, new: 1, mergedWithinImport: 2 });
    expect(await storeLines()).toHaveLength(1);
  });

  it('reads a Strava export zip with shoes from activities.csv', async () => {
    const zip = await stravaZip();
    const { code, report } = await importJson([zip]);
    expect(code).toBe(0);
    expect(report.summary.new).toBe(3);
    expect(report.summary.shoes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Pegasus 40', runs: 2 }),
        expect.objectContaining({ name: 'Clifton 9', runs: 1 }),
      ]),
    );
    expect(report.errors).toEqual([expect.objectContaining({ file: `${zip}/activities/14.fit` })]);
  });

  it('prints a summary: counts, dates, distance, shoes and errors per file', async () => {
    const zip = await stravaZip();
    const folder = await watchFolder();
    const { code, stdout, stderr } = await runInMemory(['import', zip, folder], {
      env,
      now: NOW,
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Read 6 activities (6 runs): 6 new activities stored.');
    expect(stdout).toMatch(/Dates: +Sun 10 Mar 2024 – /);
    expect(stdout).toMatch(/Distance: +[\d.]+ km in all/);
    expect(stdout).toContain('Pegasus 40 (');
    expect(stdout).toContain('Could not read 2 files');
    expect(stdout).toContain(`✗ ${folder}/broken.fit: `);
    expect(stdout).toContain(`Stored in ${storePath()}`);
  });

  it('draws a progress bar on a terminal, and nothing otherwise', async () => {
    const folder = await watchFolder();
    const tty = await importJson([folder], { stderrTty: true });
    expect(tty.stderr).toContain('Importing [');
    expect(tty.stderr).toContain('4/4 files');
    expect(tty.stderr.endsWith('\r\u001b[2K')).toBe(true);
    await rm(storePath(), { recursive: true });
    const piped = await importJson([folder]);
    expect(piped.stderr).toBe('');
  });

  it('exits 2 when no path exists, and stores nothing', async () => {
    const { code, report, stderr } = await importJson([join(dir, 'nope.fit'), join(dir, 'gone')]);
    expect(code).toBe(2);
    expect(report.errors.map((e) => e.message)).toEqual([
      'file or folder not found',
      'file or folder not found',
    ]);
    expect(stderr).toContain('nothing could be imported: 2 files could not be read');
    await expect(stat(storePath())).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 when every file fails, or a folder holds no activity files', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'x.gpx'), '<gpx><trk></trk></gpx>');
    await writeFile(join(bad, 'y.tcx.gz'), 'not gzip');
    const failed = await runInMemory(['import', bad], { env, now: NOW });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('Could not read 2 files');
    expect(failed.stderr).toContain('nothing could be imported');
    const empty = join(dir, 'empty');
    await mkdir(empty);
    const none = await runInMemory(['import', empty], { env, now: NOW });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no .fit, .gpx, .tcx');
  });

  it('refuses a corrupt store with a clear message and leaves it untouched', async () => {
    await mkdir(join(dir, 'home'), { recursive: true });
    const legacy = join(dir, 'home', 'activities.jsonl');
    const corrupt = '{"id":"abcdefgh","source":"fit"}\nnot json at all\n';
    await writeFile(legacy, corrupt);
    const folder = await watchFolder();
    const { code, stdout, stderr } = await runInMemory(['import', folder], { env, now: NOW });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`the activity store ${legacy} is corrupt (line 1 is not an activity)`);
    expect(stderr).toContain('left untouched');
    expect(await readFile(legacy, 'utf8')).toBe(corrupt);
    await expect(stat(storePath())).rejects.toThrow(/ENOENT/);
  });

  it('decodes a changed file again, and says which files it skipped', async () => {
    const folder = await watchFolder();
    await importJson([folder]);
    // run-2.fit replaced by another run: new bytes, so it is read; the others are skipped.
    await writeFile(
      join(folder, 'run-2.fit'),
      encodeSyntheticRun({ start: daysAgo(2), durationS: 1500, seed: 22 }),
    );
    const { code, report } = await importJson([folder]);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ read: 1, new: 1, skippedFiles: 2 });
    expect(report.activities).toEqual([
      expect.objectContaining({ status: 'new', file: `${folder}/run-2.fit` }),
    ]);
    expect(report.skipped.map((s) => s.file)).toEqual([
      `${folder}/run-1.fit`,
      `${folder}/run-3.gpx`,
    ]);
    expect(await storeLines()).toHaveLength(4);

    const text = await runInMemory(['import', folder], { env, now: NOW });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('3 files already imported, skipped');
    expect(text.stdout).toContain(`${folder}/run-2.fit: already imported, skipped`);
  });

  it('moves a version-1 store (activities.jsonl) to the new format and keeps a backup', async () => {
    const folder = await watchFolder();
    await importJson([folder]);
    const stored = await storeLines();
    await rm(storePath(), { recursive: true });
    const legacy = join(dir, 'home', 'activities.jsonl');
    const v1 = stored.map((a) => `${JSON.stringify(a)}\n`).join('');
    await writeFile(legacy, v1);

    const { code, report } = await importJson([folder]);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ new: 0, skippedFiles: 3 });
    expect(await storeLines()).toEqual(stored);
    expect(await readFile(`${legacy}.v1-backup`, 'utf8')).toBe(v1);
    await expect(stat(legacy)).rejects.toThrow(/ENOENT/);
  });

  it('needs at least one PATH', async () => {
    const { code, stderr } = await runInMemory(['import'], { env });
    expect(code).toBe(2);
    expect(stderr).toContain('missing PATH');
    expect(stderr).toContain('backtrack import PATH...');
  });
});

describe('progressLine', () => {
  const progress = {
    file: '/x/activities/123.fit',
    filesDone: 5,
    bytes: 0,
    activities: 4,
    errors: 1,
  };
  it('draws a bar against the total', () => {
    expect(progressLine(progress, 10, 100)).toBe(
      'Importing [██████████░░░░░░░░░░] 5/10 files · 4 activities · 1 error · 123.fit',
    );
  });
  it('counts without a total, and fits the width', () => {
    expect(progressLine(progress, undefined, 60)).toBe(
      'Importing 5 files read · 4 activities · 1 error · 123.fit',
    );
    expect(progressLine(progress, 10, 40).length).toBeLessThan(40);
  });
});
