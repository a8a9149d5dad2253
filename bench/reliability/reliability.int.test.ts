/**
 * The reliability suite in its CI form (the full form is `npm run
 * reliability`, bench/reliability/main.ts): the built server on a
 * throwaway PGlite folder gets the upload bombs (inflating past the 64 MiB
 * file limit rather than to 1 GiB, 20,000 rather than 100,000 identical rows), 500 fuzzed bad requests and 20
 * requests at once on every state-changing route; then one `kill -9` round
 * on each database. PostgreSQL parts are skipped with a message when no
 * server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombs, CI_LIMITS, concurrency, durability, fuzz, type CheckResult } from './checks.js';
import { historyZip, makeBombs } from './fixtures.js';
import {
  buildServer,
  initialise,
  pgliteDatabase,
  postgresDatabase,
  postgresUnavailable,
  startServer,
  stopServer,
  type RunningServer,
  type ServerDatabase,
} from './harness.js';

const failures = (results: readonly CheckResult[]) => results.flatMap((r) => r.failures);

let db: ServerDatabase;
let server: RunningServer;
beforeAll(async () => {
  buildServer();
  db = pgliteDatabase();
  await initialise(db);
  server = await startServer(db);
}, 120_000);
afterAll(async () => {
  await stopServer(server);
  await db.drop();
});

describe('reliability (CI form) on PGlite', () => {
  it('answers each upload bomb with a clear error, quickly, in bounded memory', async () => {
    const list = await makeBombs({
      inflateBytes: 96 * 1024 * 1024,
      repeatedRows: 20_000,
      distinctRows: 20_000,
    });
    const results = await bombs(server, 'pglite', list, CI_LIMITS);
    expect(results.map((r) => r.name)).toHaveLength(5);
    expect(failures(results)).toEqual([]);
  });

  it('gives no 5xx to 500 fuzzed bad requests', async () => {
    const result = await fuzz(server, 'pglite', { count: 500 });
    expect(result.fivexx).toBe(0);
    expect(result.failures).toEqual([]);
  });

  it('gives no 5xx and loses nothing with 20 requests at once on each state-changing route', async () => {
    const results = await concurrency(server, 'pglite', {
      width: 20,
      fitFile: await historyZip(1, 1800),
    });
    expect(failures(results)).toEqual([]);
  });

  it('keeps every acknowledged write through a kill -9', async () => {
    // A folder of its own: the sign-ups above used up this address's allowance in the first one.
    const durable = pgliteDatabase();
    try {
      expect((await durability(durable, { rounds: 1 })).failures).toEqual([]);
    } finally {
      await durable.drop();
    }
  });
});

describe('reliability (CI form) on PostgreSQL', async () => {
  const unavailable = await postgresUnavailable();
  it.skipIf(unavailable !== undefined)(
    `no 5xx to fuzzed requests, every acknowledged write kept through a kill -9${unavailable ? ` (skipped: ${unavailable})` : ''}`,
    async () => {
      const pgDb = await postgresDatabase();
      try {
        const pgServer = await startServer(pgDb);
        try {
          expect((await fuzz(pgServer, 'postgres', { count: 300 })).failures).toEqual([]);
        } finally {
          await stopServer(pgServer);
        }
        expect((await durability(pgDb, { rounds: 1 })).failures).toEqual([]);
      } finally {
        await pgDb.drop();
      }
    },
  );
});
