/**
 * Importing activity files over HTTP, listing, reading and deleting them,
 * with two runners to show each sees only their own.
 */
import { encodeSyntheticRun } from '@backtrack/importers';
import { createRepositories } from '@backtrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpxRun, zipOf } from '../testing/activities.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { ActivityDto } from './dto.js';
import type { ActivityPageDto, ImportResultDto } from './service.js';

const NOW = '2026-03-02T09:00:00.000Z';
const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.parse(NOW) - n * DAY_MS);

let t: TestApp;
let ann: TestBrowser;
let bob: TestBrowser;
let annId: string;

beforeAll(async () => {
  t = await createTestApp({ now: NOW, maxImportBytes: 2 * 1024 * 1024 });
  ann = t.browser();
  bob = t.browser();
  await t.register(ann, 'ann@example.org', 'password of Ann');
  annId = ((await ann.get('/api/auth/me')).body as { user: { id: string } }).user.id;
  await t.register(bob, 'bob@example.org', 'password of Bob');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const watchFiles = () => [
  { name: 'run-1.fit', data: encodeSyntheticRun({ start: daysAgo(12), durationS: 1800, seed: 1 }) },
  { name: 'run-2.gpx', data: gpxRun(daysAgo(8), 30, 2) },
  { name: 'run-3.gpx.gz', data: gpxRun(daysAgo(4), 40, 3) },
  { name: 'broken.fit', data: 'this is not a FIT file' },
  { name: 'notes.txt', data: 'hello' },
];

describe('POST /api/activities/import', () => {
  let first: ImportResultDto;

  it('imports the files it can read and names each one it cannot', async () => {
    // .gz must really be gzip: compress the third file.
    const { gzipSync } = await import('node:zlib');
    const files = watchFiles().map((f) =>
      f.name.endsWith('.gz') ? { ...f, data: new Uint8Array(gzipSync(f.data)) } : f,
    );
    const res = await ann.upload('/api/activities/import', files);
    expect(res.status, res.text).toBe(200);
    first = res.body as ImportResultDto;
    expect(first.imported).toBe(3);
    expect(first.duplicates).toBe(0);
    expect(first.errors).toEqual([
      { file: 'broken.fit', message: expect.stringMatching(/not a FIT, GPX or TCX/) as string },
      { file: 'notes.txt', message: expect.stringMatching(/not an activity file/) as string },
    ]);
    expect(first.activities.map((a) => a.file)).toEqual(['run-3.gpx.gz', 'run-2.gpx', 'run-1.fit']);
    expect(first.activities[0]).toMatchObject({ sport: 'running', source: 'gpx' });
    expect(first.files.map((f) => [f.file, f.status, f.stored])).toEqual([
      ['run-1.fit', 'imported', 1],
      ['run-2.gpx', 'imported', 1],
      ['run-3.gpx.gz', 'imported', 1],
      ['broken.fit', 'not_read', 0],
      ['notes.txt', 'not_read', 0],
    ]);
  });

  it('gives a partly recovered FIT file one status: kept, partly damaged', async () => {
    const whole = encodeSyntheticRun({ start: daysAgo(30), durationS: 2400, seed: 21 });
    const res = await ann.upload('/api/activities/import', [
      { name: 'cut.fit', data: whole.slice(0, Math.floor(whole.length * 0.7)) },
      // The same name twice (two folders' files): each keeps its own row.
      { name: 'cut.fit', data: 'not a FIT file at all' },
    ]);
    expect(res.status, res.text).toBe(200);
    const body = res.body as ImportResultDto;
    expect(body.files).toEqual([
      {
        file: 'cut.fit',
        status: 'partly_damaged',
        stored: 1,
        // Cut before its session message: the sport is not stated, so it is not counted as a run.
        runs: 0,
        duplicates: 0,
        notStored: 0,
        problems: [expect.stringMatching(/^damaged FIT file: /) as string],
        skipped: 0,
      },
      expect.objectContaining({ file: 'cut (2).fit', status: 'not_read', stored: 0 }),
    ]);
  });

  it('stores the same run once: the same files again, or the run from another file', async () => {
    const again = await ann.upload('/api/activities/import', [
      { name: 'run-2.gpx', data: gpxRun(daysAgo(8), 30, 2) },
      {
        name: 'run-2-from-another-app.gpx',
        data: gpxRun(daysAgo(8), 30, 2).replace('Synthetic run', 'Exported again'),
      },
    ]);
    expect(again.status).toBe(200);
    // The same bytes are skipped before decoding; the other file of the run is read and left out.
    expect(again.body).toMatchObject({
      imported: 0,
      duplicates: 1,
      errors: [],
      skipped: [{ file: 'run-2.gpx', message: 'already imported, skipped' }],
    });
    // The summary's duplicates are the rows' duplicates; each file has one status.
    expect((again.body as ImportResultDto).files).toEqual([
      expect.objectContaining({
        file: 'run-2.gpx',
        status: 'already_imported',
        duplicates: 0,
        skipped: 1,
      }),
      expect.objectContaining({
        file: 'run-2-from-another-app.gpx',
        status: 'already_imported',
        duplicates: 1,
        skipped: 0,
      }),
    ]);
  });

  it('skips every file imported before, in a zip too, and reads a changed one', async () => {
    const { gzipSync } = await import('node:zlib');
    const files = watchFiles()
      .slice(0, 3)
      .map((f) => (f.name.endsWith('.gz') ? { ...f, data: new Uint8Array(gzipSync(f.data)) } : f));
    const same = await ann.upload('/api/activities/import', files);
    expect(same.status, same.text).toBe(200);
    expect(same.body).toMatchObject({ imported: 0, duplicates: 0, errors: [], activities: [] });
    expect((same.body as ImportResultDto).skipped.map((s) => s.file)).toEqual([
      'run-1.fit',
      'run-2.gpx',
      'run-3.gpx.gz',
    ]);
    const zip = await zipOf({
      'watch/run-2.gpx': gpxRun(daysAgo(8), 30, 2),
      // Changed bytes (another app's name for it): decoded, and found to be a stored run.
      'watch/run-2-renamed.gpx': gpxRun(daysAgo(8), 30, 2).replace('Synthetic run', 'Renamed'),
    });
    const zipped = await ann.upload('/api/activities/import', [{ name: 'w.zip', data: zip }]);
    expect(zipped.status, zipped.text).toBe(200);
    expect(zipped.body).toMatchObject({
      imported: 0,
      duplicates: 1,
      skipped: [{ file: 'w.zip/watch/run-2.gpx', message: 'already imported, skipped' }],
    });
    // Bob has none of Ann's files: nothing is skipped for him.
    const bobs = await bob.upload('/api/activities/import', files.slice(0, 1));
    expect(bobs.body).toMatchObject({ imported: 1, skipped: [] });
    const del = await bob.get('/api/activities');
    for (const a of (del.body as ActivityPageDto).activities)
      await bob.delete(`/api/activities/${a.id}`);
  });

  it('reads a zip, naming the files inside it', async () => {
    const zip = await zipOf({
      'export/a.gpx': gpxRun(daysAgo(20), 25, 7),
      'export/b.tcx': '<TrainingCenterDatabase></TrainingCenterDatabase>',
    });
    const res = await ann.upload('/api/activities/import', [{ name: 'export.zip', data: zip }]);
    expect(res.status).toBe(200);
    const body = res.body as ImportResultDto;
    expect(body.imported).toBe(1);
    expect(body.errors).toEqual([
      { file: 'export.zip/export/b.tcx', message: expect.any(String) as string },
    ]);
    expect(body.files).toEqual([
      expect.objectContaining({
        file: 'export.zip',
        status: 'partly_damaged',
        stored: 1,
        problems: [expect.stringMatching(/^export\/b\.tcx: /) as string],
      }),
    ]);
  });

  it('answers 400 naming every file when nothing can be read', async () => {
    const res = await ann.upload('/api/activities/import', [
      { name: 'a.fit', data: 'nope' },
      { name: 'b.doc', data: 'nope' },
    ]);
    expect(res.status).toBe(400);
    const body = res.body as { error: { code: string; message: string; details: string[] } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/no activity could be read/);
    expect(body.error.details).toEqual([
      expect.stringMatching(/^a\.fit: /),
      expect.stringMatching(/^b\.doc: not an activity file/),
    ]);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const res = await ann.upload('/api/activities/import', [
      { name: 'big.gpx', data: new Uint8Array(3 * 1024 * 1024) },
    ]);
    expect(res.status).toBe(413);
    expect((res.body as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});

describe('GET /api/activities', () => {
  it('pages the runner’s activities, newest first', async () => {
    const page1 = (await ann.get('/api/activities?limit=2')).body as ActivityPageDto;
    expect(page1).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(page1.activities).toHaveLength(2);
    const page2 = (await ann.get('/api/activities?limit=2&offset=2')).body as ActivityPageDto;
    const starts = [...page1.activities, ...page2.activities].map((a) => a.startTime ?? '');
    expect(starts).toEqual([...starts].sort().reverse());
    expect(page2.activities[1]?.file).toBe('export.zip/export/a.gpx');
  });

  it('shows another runner nothing of them', async () => {
    const page = (await bob.get('/api/activities')).body as ActivityPageDto;
    expect(page).toMatchObject({ total: 0, activities: [] });
  });
});

describe('one activity', () => {
  let id: string;
  beforeAll(async () => {
    const page = (await ann.get('/api/activities')).body as ActivityPageDto;
    id = page.activities[0]?.id ?? '';
  });

  it('reads it with laps and series', async () => {
    const res = await ann.get(`/api/activities/${id}`);
    expect(res.status).toBe(200);
    const activity = res.body as ActivityDto;
    expect(activity.id).toBe(id);
    expect(activity.series?.points.length).toBeGreaterThan(100);
    expect(activity.series?.points.length).toBeLessThanOrEqual(2000);
    // Positions, so the page can draw the route.
    expect(activity.series?.points[1]).toMatchObject({
      lat: expect.any(Number) as number,
      lon: expect.any(Number) as number,
    });
    expect(activity.contentId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is not found for another runner, who cannot delete it either', async () => {
    expect((await bob.get(`/api/activities/${id}`)).status).toBe(404);
    const del = await bob.delete(`/api/activities/${id}`);
    expect(del.status).toBe(404);
    expect((del.body as { error: { code: string } }).error.code).toBe('not_found');
    expect((await ann.get(`/api/activities/${id}`)).status).toBe(200);
  });

  it('is deleted by its runner, and gone after', async () => {
    expect((await ann.delete(`/api/activities/${id}`)).status).toBe(204);
    expect((await ann.get(`/api/activities/${id}`)).status).toBe(404);
    expect((await ann.delete(`/api/activities/${id}`)).status).toBe(404);
    const page = (await ann.get('/api/activities')).body as ActivityPageDto;
    expect(page.total).toBe(4);
  });
});

describe('the runner’s data', () => {
  it('the export holds the activities; deleting the account deletes them', async () => {
    const carl = t.browser();
    await t.register(carl, 'carl@example.org', 'password of Carl');
    const carlId = ((await carl.get('/api/auth/me')).body as { user: { id: string } }).user.id;
    await carl.upload('/api/activities/import', [
      { name: 'r.gpx', data: gpxRun(daysAgo(3), 20, 11) },
    ]);
    await carl.put('/api/shoes/Clifton%209/reminder', { km: 500 });
    const exported = (await carl.get('/api/me/export')).body as {
      activities: ActivityDto[];
      shoes: { name: string; reminderKm: number | null }[];
    };
    expect(exported.activities).toHaveLength(1);
    expect(exported.activities[0]?.series?.points.length).toBeGreaterThan(10);
    expect(exported.shoes).toEqual([
      expect.objectContaining({ name: 'Clifton 9', reminderKm: 500 }),
    ]);

    expect((await carl.delete('/api/me')).status).toBe(204);
    const repos = createRepositories(t.database.db);
    expect(await repos.activities.listKeys(carlId)).toEqual([]);
    expect(await repos.shoes.listForUser(carlId)).toEqual([]);
    // Ann's are untouched.
    expect((await repos.activities.listKeys(annId)).length).toBe(4);
  });
});
