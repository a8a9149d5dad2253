/**
 * What the reliability checks share: the built server (`node
 * apps/server/dist/main.js`) started as its own process on a throwaway
 * database (a temporary PGlite folder, or a fresh database on a PostgreSQL
 * server), a small HTTP client that keeps cookies and sends the CSRF
 * header, a `/api/health` prober for latency percentiles, and a sampler of
 * the server's resident memory (from `/proc`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { confirmTokenOf, registrationLinkIn } from '../../e2e/support/outbox.js';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the server bundle (`apps/server/dist/main.js` and `worker.js`). */
export function buildServer(): void {
  const built = spawnSync(process.execPath, ['build.mjs'], {
    cwd: path.join(ROOT, 'apps/server'),
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the server failed');
}

/** A database for one server: where it lives and how to remove it. */
export interface ServerDatabase {
  kind: 'pglite' | 'postgres';
  /** Environment variables that point the server at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A temporary PGlite folder. */
export function pgliteDatabase(): ServerDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'backtrack-reliability-'));
  return {
    kind: 'pglite',
    env: { BACKTRACK_DATA_DIR: dir },
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** The PostgreSQL server for the checks: `TEST_DATABASE_URL`, else the one of scripts/setup-test-deps.sh. */
export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL?.trim() ||
  'postgres://backtrack:backtrack@localhost:5432/backtrack_test';

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used here, or undefined when it can. */
export async function postgresUnavailable(url: string = POSTGRES_URL): Promise<string | undefined> {
  try {
    await admin(url, 'select 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL server at ${new URL(url).host} (${error instanceof Error ? error.message : String(error)}); set TEST_DATABASE_URL or run scripts/setup-test-deps.sh`;
  }
}

/** A fresh database on the PostgreSQL server, dropped by `drop`. */
export async function postgresDatabase(url: string = POSTGRES_URL): Promise<ServerDatabase> {
  const name = `backtrack_r_${randomBytes(6).toString('hex')}`;
  await admin(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: target.toString() },
    drop: () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A running server process. */
export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** The server's output so far (for failures). */
  output(): string;
}

/** The outbox folder of each server started here, by its base URL (registration links land there). */
const outboxes = new Map<string, string>();

/** Starts `node apps/server/dist/main.js` on a free loopback port and waits until it answers. */
export async function startServer(
  db: ServerDatabase,
  options: { env?: Record<string, string>; port?: number } = {},
): Promise<RunningServer> {
  const port = options.port ?? 20_000 + Math.floor(Math.random() * 20_000);
  const url = `http://127.0.0.1:${String(port)}`;
  const outbox = mkdtempSync(path.join(tmpdir(), 'bt-reliability-outbox-'));
  outboxes.set(url, outbox);
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/server/dist/main.js')], {
    env: {
      ...process.env,
      ...db.env,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BACKTRACK_WEB_DIST: path.join(ROOT, 'no-web-build'),
      BACKTRACK_OUTBOX_DIR: outbox,
      PUBLIC_URL: url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, port, child, output: () => output };
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer within 60 s:\n${output}`);
}

/**
 * Starts the server on `db` once and stops it: the database is created and
 * migrated. A fresh PGlite folder's first start (initdb in WebAssembly)
 * leaves that process at some 800 MB resident; measurements are taken on
 * the next start, as a deployment runs.
 */
export async function initialise(db: ServerDatabase): Promise<void> {
  await stopServer(await startServer(db));
}

/** Stops the server (SIGTERM, then SIGKILL after 5 s). */
export async function stopServer(server: RunningServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Kills the server at once (`kill -9`) and waits for it to be gone. */
export async function killServer(server: RunningServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGKILL');
  await exited;
}

/** An HTTP response, its body read. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A browser-like client: keeps cookies, sends the CSRF header on state-changing requests. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(
    method: string,
    pathAndQuery: string,
    options: {
      json?: unknown;
      body?: string | FormData;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && options.csrf !== false) {
      headers['x-csrf-token'] = await this.csrf();
    }
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, options.headers);
    const res = await fetch(`${this.base}${pathAndQuery}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  async csrf(): Promise<string> {
    const known = this.cookies.get('bt_csrf');
    if (known) return known;
    await this.request('GET', '/api/auth/csrf');
    const token = this.cookies.get('bt_csrf');
    if (!token) throw new Error('no CSRF cookie');
    return token;
  }

  /**
   * Registers an account as a person does (registers, opens the link from
   * the server's outbox) and keeps its session; returns the user's id.
   */
  async register(email: string, password = 'a long enough password'): Promise<string> {
    const res = await this.request('POST', '/api/auth/register', { json: { email, password } });
    if (res.status !== 202) throw new Error(`register ${email}: ${String(res.status)} ${res.text}`);
    const outbox = outboxes.get(this.base);
    if (!outbox) throw new Error(`register ${email}: no outbox known for ${this.base}`);
    const token = confirmTokenOf(await registrationLinkIn(outbox, email));
    const confirmed = await this.request('POST', '/api/auth/register/confirm', { json: { token } });
    if (confirmed.status !== 200)
      throw new Error(`register ${email}: ${String(confirmed.status)} ${confirmed.text}`);
    return (confirmed.json as { user: { id: string } }).user.id;
  }
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Resident memory of a process, MB (Linux `/proc`); undefined elsewhere or when it is gone. */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** What a watch of the server measured while some work ran. */
export interface Watch {
  /** `/api/health` latencies, ms. */
  healthMs: number[];
  healthP99Ms: number;
  healthMaxMs: number;
  /** Highest resident memory seen, MB. */
  peakRssMb: number;
}

/**
 * Runs `work` while probing `/api/health` (one request at a time, every
 * `everyMs`) and sampling the server's memory; returns the work's result
 * with what was seen.
 */
export async function watch<T>(
  server: RunningServer,
  work: () => Promise<T>,
  everyMs = 20,
): Promise<{ result: T } & Watch> {
  const healthMs: number[] = [];
  let peak = rssMb(server.child.pid) ?? 0;
  let running = true;
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
      } catch {
        // counted as slow below
      }
      healthMs.push(performance.now() - started);
      peak = Math.max(peak, rssMb(server.child.pid) ?? 0);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  try {
    const result = await work();
    return {
      result,
      healthMs,
      healthP99Ms: round(percentile(healthMs, 99)),
      healthMaxMs: round(Math.max(0, ...healthMs)),
      peakRssMb: round(peak),
    };
  } finally {
    running = false;
    await probe;
  }
}

/** `n` rounded to one decimal. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Runs `tasks` with at most `limit` at once; results in order. */
export async function inParallel<T>(
  count: number,
  limit: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  });
  await Promise.all(lanes);
  return out;
}
