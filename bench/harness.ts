/**
 * What the HTTP benchmarks share: starting the built server
 * (`apps/server/dist/main.js`) as its own process on a loopback port,
 * stopping it, printing one JSON line per autocannon run, and checking
 * whether a PostgreSQL server answers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '@backtrack/db';
import autocannon from 'autocannon';
import pg from 'pg';

/**
 * Starts the built server (from the repository at `root`); resolves with its
 * base URL once it listens. `nodeArgs` go before the script (for example
 * `--cpu-prof`).
 */
export function startServer(
  root: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(root, 'apps/server/dist/main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: '',
        BACKTRACK_DATA_DIR: '',
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Prints one autocannon run as a JSON line, with `extra` fields at the end. */
export function report(
  database: string,
  name: string,
  r: autocannon.Result,
  extra: Record<string, number | string> = {},
) {
  console.log(
    JSON.stringify({
      database,
      name,
      connections: r.connections,
      requests: r.requests.total,
      seconds: +r.duration.toFixed(2),
      requestsPerSecond: Math.round(r.requests.total / r.duration),
      latencyMeanMs: +r.latency.average.toFixed(2),
      latencyP50Ms: r.latency.p50,
      latencyP99Ms: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      ...extra,
    }),
  );
}

/** CPU time (user + system) a process has used so far, ms (Linux, `/proc/<pid>/stat`). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** The kernel's clock ticks a second (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** Why PostgreSQL at `url` is not reachable; undefined when it is. */
export async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Builds the server bundle, then calls `run` on a fresh PGlite data folder
 * and on a throwaway PostgreSQL database (skipped, with the reason printed,
 * when no server answers at TEST_DATABASE_URL), and prints Node's version.
 */
export async function benchBothDatabases(
  root: string,
  run: (
    database: 'pglite' | 'postgres',
    config: DatabaseConfig,
    env: Record<string, string>,
  ) => Promise<void>,
): Promise<void> {
  const built = spawnSync('npm', ['run', 'build', '-w', '@backtrack/server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the server failed');

  const dataDir = mkdtempSync(path.join(tmpdir(), 'backtrack-bench-'));
  try {
    await run('pglite', { kind: 'pglite', dataDir }, { BACKTRACK_DATA_DIR: dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  await withBenchPostgres((url) =>
    run('postgres', { kind: 'postgres', url }, { DATABASE_URL: url }),
  );
  console.log(
    JSON.stringify({ node: process.version, cpus: (await import('node:os')).cpus().length }),
  );
}

/**
 * Runs `run` with the URL of a throwaway PostgreSQL database (created on the
 * server of `TEST_DATABASE_URL`, default the test server of
 * scripts/setup-test-deps.sh, and dropped afterwards); prints a `skipped`
 * line instead when no server answers. Resolves with whether it ran.
 */
export async function withBenchPostgres(run: (url: string) => Promise<void>): Promise<boolean> {
  const adminUrl =
    process.env.TEST_DATABASE_URL ?? 'postgres://backtrack:backtrack@localhost:5432/backtrack_test';
  const problem = await reachable(adminUrl);
  if (problem !== undefined) {
    console.log(JSON.stringify({ database: 'postgres', skipped: problem }));
    return false;
  }
  const name = `backtrack_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  try {
    await run(target.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return true;
}

/**
 * `amount` POSTs of `body` to `base`, each to the path `nextPath()` gives
 * (a different interview each, so every request is a real step, never a
 * 409), over `connections` connections.
 */
export function rotatingPosts(
  base: string,
  options: {
    headers: Record<string, string>;
    body: string;
    connections: number;
    amount: number;
    nextPath: () => string;
  },
): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections: options.connections,
    amount: options.amount,
    requests: [
      {
        method: 'POST',
        headers: options.headers,
        body: options.body,
        setupRequest: (request) => ({ ...request, path: options.nextPath() }),
      },
    ],
  });
}
