/**
 * The HTTP API at an offered rate (issue 13: p99 under 50 ms at 200 req/s on
 * the embedded database): the built server runs as its own process, seeded
 * through the repositories (bench/api-seed.ts), and each of five routes of
 * a runner's journey gets `--rate` requests a second, evenly spaced and
 * open-loop (bench/open-loop.ts: latency from when each request was due,
 * over at most `--connections` keep-alive connections), after a warm-up at
 * the same rate:
 *
 * - `POST /api/assessments`: start an interview (one insert, first question);
 * - `POST /api/assessments/:id/answers`: answer mid-interview, every request
 *   a different interview (so each is a real step, never a 409);
 * - `GET /api/assessments/:id`: the report of a finished assessment;
 * - `GET /api/assessments/:id/plan`: the plan it leads to, computed;
 * - `GET /api/plans/:id`: a saved plan with 14 check-ins and 2 adaptations.
 *
 * No route here is rate-limited (the limits guard sign-in, sign-up and
 * password resets only), so one account serves the whole run.
 *
 * Run: `npm run bench:api-rate` (PGlite, then PostgreSQL from
 * TEST_DATABASE_URL when it answers). Options: `--duration <s>` (default 10),
 * `--rate <req/s>` (default 200), `--connections <n>` (default 20),
 * `--route <start|answer|report|computed-plan|saved-plan>` (only that one;
 * `answer-warm`, only when named: answers to interviews whose open question
 * the server has just served, as in the web app's journey),
 * `--cpu-prof <folder>` (the server writes a V8 CPU profile there on exit),
 * `--server <checkout>` (run the server built in another checkout, e.g. the
 * commit before a change, against the same seed: before/after in one run).
 * Prints one JSON line per route; results are recorded in bench/README.md.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { DatabaseConfig } from '@backtrack/db';
import { seed, signedInHeaders, type Seeded } from './api-seed.js';
import { benchBothDatabases, cpuMs, startServer, stopServer } from './harness.js';
import { openLoop, type OpenLoopRequest } from './open-loop.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '20' },
    route: { type: 'string' },
    'cpu-prof': { type: 'string' },
    server: { type: 'string' },
  },
});
const DURATION_S = Number(values.duration);
const RATE = Number(values.rate);
const CONNECTIONS = Number(values.connections);
const WARM_UP_S = 2;

/** One measured route: its name and its requests (the i-th of a run). */
interface Route {
  key: string;
  name: string;
  request: (seeded: Seeded, headers: Record<string, string>) => (i: number) => OpenLoopRequest;
  /** Run before the warm-up, unmeasured. */
  before?: (url: string, seeded: Seeded, headers: Record<string, string>) => Promise<unknown>;
  /** Only with `--route <key>`, not in the default run. */
  onlyWhenNamed?: boolean;
}

/** The interviews the answer route may use up: the warm-up and the run at the full rate, with room. */
const INTERVIEWS = Math.ceil(RATE * (WARM_UP_S + DURATION_S) * 1.2) + 100;

function routes(): Route[] {
  // The warm-up and the measured run take interviews from one list, never the same twice.
  let next = 0;
  const answer = (s: Seeded, headers: Record<string, string>) => (): OpenLoopRequest => ({
    method: 'POST',
    path: `/api/assessments/${s.assessmentIds[next++] ?? 'used-up'}/answers`,
    headers,
    body: JSON.stringify({ questionId: s.question.id, value: s.answer }),
  });
  const get = (path: string, headers: Record<string, string>) => (): OpenLoopRequest => ({
    method: 'GET',
    path,
    headers,
  });
  const all: Route[] = [
    {
      key: 'start',
      name: 'POST /api/assessments',
      request: (_s, headers) => () => ({
        method: 'POST',
        path: '/api/assessments',
        headers,
        body: JSON.stringify({ mode: 'adaptive' }),
      }),
    },
    {
      key: 'answer',
      name: 'POST /api/assessments/:id/answers',
      request: answer,
    },
    {
      // The web app's journey: the open question was just served by this
      // server (an answer's response, or the interview read), so answering
      // chooses only the next one.
      key: 'answer-warm',
      name: 'POST /api/assessments/:id/answers (open question served first)',
      onlyWhenNamed: true,
      request: answer,
      before: (url, s, headers) => {
        let read = 0;
        return autocannon({
          url,
          connections: 4,
          amount: s.assessmentIds.length,
          requests: [
            {
              method: 'GET',
              headers,
              setupRequest: (request) => ({
                ...request,
                path: `/api/assessments/${s.assessmentIds[read++] ?? 'used-up'}`,
              }),
            },
          ],
        });
      },
    },
    {
      key: 'report',
      name: 'GET /api/assessments/:id (report)',
      request: (s, headers) => get(`/api/assessments/${s.doneId}`, headers),
    },
    {
      key: 'computed-plan',
      name: 'GET /api/assessments/:id/plan',
      request: (s, headers) =>
        get(`/api/assessments/${s.doneId}/plan?weeks=6&runningDaysPerWeek=3`, headers),
    },
    {
      key: 'saved-plan',
      name: 'GET /api/plans/:id (14 check-ins)',
      request: (s, headers) => get(`/api/plans/${s.planId}`, headers),
    },
  ];
  return all.filter((r) =>
    values.route === undefined ? r.onlyWhenNamed !== true : r.key === values.route,
  );
}

async function run(
  database: 'pglite' | 'postgres',
  config: DatabaseConfig,
  env: Record<string, string>,
) {
  const seeded = await seed(config, INTERVIEWS);
  const profile = values['cpu-prof'];
  const { url, child } = await startServer(
    values.server ?? root,
    env,
    profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`],
  );
  try {
    const headers = { ...signedInHeaders(seeded.token), 'accept-encoding': 'gzip, deflate, br' };
    for (const route of routes()) {
      const request = route.request(seeded, headers);
      await route.before?.(url, seeded, headers);
      if (!route.key.startsWith('answer')) {
        const first = request(0);
        const check = await fetch(url + first.path, {
          method: first.method,
          headers,
          ...(first.body === undefined ? {} : { body: first.body }),
        });
        if (!check.ok) throw new Error(`${route.name}: ${check.status} ${await check.text()}`);
      }
      const at = (durationS: number) =>
        openLoop({ url, rate: RATE, durationS, connections: CONNECTIONS, request });
      await at(WARM_UP_S);
      // The server's own CPU time per request: what the one thread spends,
      // whatever else runs on the machine (latency depends on that too).
      const pid = child.pid ?? 0;
      const cpuBefore = cpuMs(pid);
      const result = await at(DURATION_S);
      const serverCpuMsPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests);
      console.log(
        JSON.stringify({
          database,
          name: `${route.name} at ${String(RATE)} req/s offered`,
          connections: CONNECTIONS,
          ...result,
          serverCpuMsPerRequest: +serverCpuMsPerRequest.toFixed(2),
        }),
      );
    }
  } finally {
    await stopServer(child);
  }
}

await benchBothDatabases(root, run);
