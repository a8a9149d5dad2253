/**
 * Logs without health data or parameters: a database error that reaches the
 * error handler is logged with its SQLSTATE code and constraint, never with
 * the query's parameters (a plan's profile, a user id), the query text, the
 * `Key (…)=(…)` detail or ids in the path.
 */
import { createRepositories } from '@backtrack/db';
import type { Plan } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { describeError } from './logger.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t.close();
});

const MARKER = 'sciatica-marker-7f3a';
const USER_ID = '5a5a5a5a-1111-4222-8333-944444444444';

describe('error logs', () => {
  it('log a database error by code and constraint only, not its parameters or the ids in the path', async () => {
    const repos = createRepositories(t.database.db);
    // A real failing insert (the user does not exist) whose parameters carry health data and an id.
    t.app.get('/api/test-only/plans/:id', async () => {
      await repos.plans.create({
        userId: USER_ID,
        assessmentId: USER_ID,
        profile: { injuryNote: MARKER } as never,
        plan: { note: MARKER } as unknown as Plan,
        startDate: '2026-03-02',
        now: new Date(),
      });
      return new Response('unreachable');
    });
    const res = await t.app.request(`/api/test-only/plans/${USER_ID}`);
    expect(res.status).toBe(500);
    const log = t.logger.lines.join('\n');
    expect(log).toMatch(/GET \/api\/test-only\/plans\/:id failed/);
    expect(log).toMatch(/database error 23503 constraint plans_user_id_users_id_fk table plans/);
    expect(log).not.toContain(MARKER);
    expect(log).not.toContain(USER_ID);
    expect(log).not.toMatch(/insert into|params|Key \(/i);
  });

  it('keep the part of a database message before a quoted value', () => {
    const error = Object.assign(new Error(`invalid input syntax for type uuid: "${MARKER}"`), {
      code: '22P02',
    });
    expect(describeError(error)).toMatch(
      /^database error 22P02: invalid input syntax for type uuid\n/,
    );
    expect(describeError(error)).not.toContain(MARKER);
  });

  it('describe other errors with their stack and cause', () => {
    const error = new Error('outer', { cause: new Error('inner') });
    expect(describeError(error)).toMatch(/^Error: outer\n\s+at [\s\S]*caused by: Error: inner/);
  });
});
