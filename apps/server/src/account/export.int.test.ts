/**
 * The account export is streamed, a page of activities at a time, and only
 * a few run at once: one more answers 429 with `Retry-After` until one ends.
 */
import { createRepositories } from '@backtrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNewActivityRow } from '../activities/dto.js';
import { storedRun } from '../testing/activities.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';

let t: TestApp;
let ann: TestBrowser;
let annId: string;

beforeAll(async () => {
  t = await createTestApp({ maxExports: 1 });
  ann = t.browser();
  await t.register(ann, 'ann@example.org', 'password of Ann');
  annId = ((await ann.get('/api/auth/me')).body as { user: { id: string } }).user.id;
  const repos = createRepositories(t.database.db);
  // More than one page (10) of activities.
  const runs = Array.from({ length: 60 }, (_, i) =>
    toNewActivityRow(
      annId,
      storedRun(new Date(Date.parse('2026-01-01T07:00:00Z') + i * 86_400_000), 5 + (i % 7)),
    ),
  );
  await repos.activities.insertMany(runs, new Date('2026-03-01T00:00:00Z'));
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('GET /api/me/export', () => {
  it('streams every activity, newest first, as one JSON document', async () => {
    const res = await ann.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="backtrack-export-/,
    );
    const body = res.body as {
      format: string;
      activities: { startTime: string }[];
      plans: unknown[];
    };
    expect(body.format).toBe('backtrack-export');
    expect(body.plans).toEqual([]);
    expect(body.activities).toHaveLength(60);
    const starts = body.activities.map((a) => a.startTime);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('answers 429 with Retry-After while the exports allowed at once are running', async () => {
    const cookie = [...ann.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const first = await t.app.request('/api/me/export', { headers: { cookie } });
    expect(first.status).toBe(200);
    // The first is still being read: its place is taken.
    const second = await ann.get('/api/me/export');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('5');
    expect(second.body).toMatchObject({ error: { code: 'rate_limited' } });
    await first.text();
    expect((await ann.get('/api/me/export')).status).toBe(200);
  });
});
