/**
 * The reliability suite, full form (issue 10): on the embedded database
 * (PGlite) and on PostgreSQL (skipped with a message when no server
 * answers), against the built server `node apps/server/dist/main.js`:
 * upload bombs, a big import, an export and password checks while
 * `/api/health` is watched; ≥ 10,000 fuzzed bad requests; 200 requests at
 * once on every state-changing route; and `kill -9` durability rounds.
 *
 * Run: `npm run reliability` (options: `--fuzz <n>` default 10000,
 * `--width <n>` default 200, `--rounds <n>` default 10, `--quick` for the
 * CI sizes). Prints one JSON line per check and exits 1 when any fails.
 * Results are recorded in bench/README.md.
 */
import { concurrency, durability, fuzz, bombs, heavyWork, type CheckResult } from './checks.js';
import { historyZip, makeBombs } from './fixtures.js';
import {
  buildServer,
  initialise,
  pgliteDatabase,
  postgresDatabase,
  postgresUnavailable,
  startServer,
  stopServer,
  type ServerDatabase,
} from './harness.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string, full: number, small: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : quick ? small : full;
  return Number.isFinite(value) && value > 0 ? value : full;
};
const FUZZ = option('fuzz', 10_000, 1000);
const WIDTH = option('width', 200, 50);
const ROUNDS = option('rounds', 10, 2);
const INFLATE = (quick ? 128 : 1024) * 1024 * 1024;

async function suite(
  open: () => Promise<ServerDatabase>,
  bombList: Awaited<ReturnType<typeof makeBombs>>,
) {
  const results: CheckResult[] = [];
  const print = (r: CheckResult) => {
    results.push(r);
    console.log(JSON.stringify(r));
  };
  const db = await open();
  try {
    await initialise(db);
    const server = await startServer(db);
    try {
      for (const r of await bombs(server, db.kind, bombList)) print(r);
      const zip = await historyZip(quick ? 20 : 120, 7200);
      for (const r of await heavyWork(server, db.kind, {
        zip,
        files: quick ? 20 : 120,
        logins: 10,
      }))
        print(r);
      print(await fuzz(server, db.kind, { count: FUZZ }));
      const fitFile = await historyZip(1, 1800);
      for (const r of await concurrency(server, db.kind, { width: WIDTH, fitFile })) print(r);
    } finally {
      await stopServer(server);
    }
  } finally {
    await db.drop();
  }
  const durable = await open();
  try {
    print(await durability(durable, { rounds: ROUNDS }));
  } finally {
    await durable.drop();
  }
  return results;
}

async function main(): Promise<void> {
  buildServer();
  const bombList = await makeBombs({
    inflateBytes: INFLATE,
    ...(quick ? { repeatedRows: 100_000, distinctRows: 20_000 } : {}),
  });
  const results = await suite(() => Promise.resolve(pgliteDatabase()), bombList);
  const unavailable = await postgresUnavailable();
  if (unavailable) console.log(JSON.stringify({ name: 'postgres', skipped: unavailable }));
  else results.push(...(await suite(() => postgresDatabase(), bombList)));
  const failed = results.filter((r) => r.failures.length > 0);
  console.log(
    JSON.stringify({
      checks: results.length,
      failed: failed.map((r) => `${r.database} ${r.name}: ${r.failures.join('; ')}`),
      node: process.version,
    }),
  );
  if (failed.length > 0) process.exitCode = 1;
}

await main();
