/**
 * Benchmark of the HTTP API with autocannon, on the embedded database
 * (PGlite) and on PostgreSQL: the built server (`apps/server/dist/main.js`)
 * runs as its own process on a loopback port, seeded through the
 * repositories beforehand, and is measured for
 *
 * - reading a saved plan (`GET /api/plans/:id`: session lookup, plan,
 *   14 check-ins, adaptations applied), and
 * - submitting an answer mid-interview (`POST /api/assessments/:id/answers`:
 *   session lookup, load, two adaptive next-question computations, versioned
 *   update). Every request answers a different assessment, so each is a
 *   real step, never a 409.
 *
 * Run: `npm run bench:api` (PostgreSQL from TEST_DATABASE_URL, default the
 * test server of scripts/setup-test-deps.sh; skipped when not reachable).
 * Options: `--duration <s>` (plan reads, default 10), `--answers <n>`
 * (default 3000), `--connections <n>` (default 10).
 * Prints one JSON line per measurement; results are recorded in bench/README.md.
 */
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { seed, signedInHeaders } from './api-seed.js';
import { benchBothDatabases, report, rotatingPosts, startServer, stopServer } from './harness.js';
import type { DatabaseConfig } from '@backtrack/db';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DURATION_S = option('duration', 10);
const ANSWERS = option('answers', 3000);
const CONNECTIONS = option('connections', 10);

async function run(
  database: 'pglite' | 'postgres',
  config: DatabaseConfig,
  env: Record<string, string>,
) {
  const seeded = await seed(config, ANSWERS + 200);
  const { url, child } = await startServer(root, env);
  try {
    const headers = signedInHeaders(seeded.token);
    const planPath = `/api/plans/${seeded.planId}`;
    const check = await fetch(url + planPath, { headers });
    if (check.status !== 200)
      throw new Error(`GET ${planPath}: ${check.status} ${await check.text()}`);

    // Warm-up: JIT and connection pools.
    await autocannon({ url: url + planPath, headers, connections: CONNECTIONS, duration: 2 });
    report(
      database,
      'GET /api/plans/:id',
      await autocannon({
        url: url + planPath,
        headers,
        connections: CONNECTIONS,
        duration: DURATION_S,
      }),
    );

    const body = JSON.stringify({ questionId: seeded.question.id, value: seeded.answer });
    let next = 0;
    const answerRun = (amount: number) =>
      rotatingPosts(url, {
        headers,
        body,
        connections: CONNECTIONS,
        amount,
        nextPath: () => `/api/assessments/${seeded.assessmentIds[next++] ?? ''}/answers`,
      });
    await answerRun(200); // warm-up on assessments of their own
    report(
      database,
      `POST /api/assessments/:id/answers (question ${seeded.asked + 1}: ${seeded.question.id})`,
      await answerRun(ANSWERS),
    );
  } finally {
    await stopServer(child);
  }
}

await benchBothDatabases(root, run);
