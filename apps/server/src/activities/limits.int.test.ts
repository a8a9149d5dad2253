/**
 * The bounds of one upload: an `activities.csv` listing more new activities
 * than one import stores gets the first ones stored and a per-file error
 * naming the rest; importing the same file again stores the next ones
 * (regression: 20,000 rows held the server for tens of seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipOf } from '../testing/activities.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { ImportResultDto } from './service.js';
import { MAX_IMPORT_STORED } from './upload.js';

let t: TestApp;
let ann: TestBrowser;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
  ann = t.browser();
  await t.register(ann, 'ann@example.org', 'password of Ann');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const ROWS = MAX_IMPORT_STORED + 150;
const csv = [
  'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename',
  ...Array.from({ length: ROWS }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString();
    return `${String(1000 + i)},${day},Run ${String(i)},Run,1800,5.00,`;
  }),
].join('\n');

describe('POST /api/activities/import bounds one upload', () => {
  it('stores the first activities, names the rest, and stores them on the next import', async () => {
    const zip = await zipOf({ 'activities.csv': csv });
    const first = await ann.upload('/api/activities/import', [{ name: 'export.zip', data: zip }]);
    expect(first.status).toBe(200);
    const one = first.body as ImportResultDto;
    expect(one.imported).toBe(MAX_IMPORT_STORED);
    expect(one.duplicates).toBe(0);
    expect(one.errors).toEqual([
      {
        file: 'export.zip/activities.csv',
        message: expect.stringMatching(
          /^150 more new activities not stored: .*import the same file again/,
        ) as unknown,
      },
    ]);
    const second = await ann.upload('/api/activities/import', [{ name: 'export.zip', data: zip }]);
    const two = second.body as ImportResultDto;
    expect(two).toMatchObject({ imported: 150, duplicates: MAX_IMPORT_STORED, errors: [] });
  }, 60_000);
});
