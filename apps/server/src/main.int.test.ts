/**
 * `main.ts` as its own process: with `BACKTRACK_PROCESSES=2` on PostgreSQL
 * it serves from two server processes on one port, replaces one that dies,
 * and stops them all on SIGTERM; on the embedded database it refuses to
 * start with the reason. Skipped with a message when no PostgreSQL server
 * answers (scripts/setup-test-deps.sh starts one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openThrowawayPostgres, testDatabaseKinds, testDatabaseUrl } from '@backtrack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const postgres = (await testDatabaseKinds()).find((k) => k.name === 'postgres');
const unavailable = postgres?.unavailable;
if (unavailable !== undefined)
  console.warn(`[server] skipping the several-processes test: ${unavailable}`);

/** The server from source (`main.ts` through tsx), its output collected. */
function startMain(env: Record<string, string>, dir: string) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      HOST: '127.0.0.1',
      BACKTRACK_DATA_DIR: path.join(dir, 'data'),
      BACKTRACK_OUTBOX_DIR: path.join(dir, 'outbox'),
      BACKTRACK_WEB_DIST: path.join(dir, 'no-web'),
      BACKTRACK_WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  /** Waits until the output matches `pattern` (or the process ends); returns the match. */
  const waitFor = async (pattern: RegExp, ms = 60_000): Promise<RegExpExecArray> => {
    const until = Date.now() + ms;
    for (;;) {
      const match = pattern.exec(out);
      if (match) return match;
      if (child.exitCode !== null || Date.now() > until)
        throw new Error(`no ${String(pattern)} in the output:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, output: () => out };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readyPids(out: string): number[] {
  return [...out.matchAll(/Server process \d+ \(pid (\d+)\) ready/g)].map((m) => Number(m[1]));
}

describe('the server as a process', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bt-main-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses several processes on the embedded database, naming the fix', async () => {
    const server = startMain({ BACKTRACK_PROCESSES: '2' }, dir);
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(
      /Backtrack could not start: BACKTRACK_PROCESSES=2 needs PostgreSQL \(set DATABASE_URL\)/,
    );
  });

  it.skipIf(unavailable !== undefined)(
    'serves from two processes on one port, replaces one that dies, and stops both on SIGTERM',
    async () => {
      const database = await openThrowawayPostgres(testDatabaseUrl());
      let child: ChildProcess | undefined;
      try {
        const server = startMain({ DATABASE_URL: database.url, BACKTRACK_PROCESSES: '2' }, dir);
        child = server.child;
        const url =
          (await server.waitFor(/running at (http:\/\/[^/\s]+)\/.* with 2 server processes/))[1] ??
          '';
        const pids = readyPids(server.output());
        expect(pids).toHaveLength(2);
        expect(new Set([...pids, server.child.pid]).size).toBe(3);
        const health = async () => {
          const replies = await Promise.all(
            Array.from({ length: 8 }, () =>
              fetch(`${url}/api/health`, { headers: { connection: 'close' } }),
            ),
          );
          return replies.map((r) => r.status);
        };
        expect(await health()).toEqual(Array(8).fill(200));

        // One process dies: the other keeps serving, and a new one takes its place.
        process.kill(pids[0] ?? 0, 'SIGKILL');
        await server.waitFor(/stopped \(signal SIGKILL\); starting another/);
        expect(await health()).toEqual(Array(8).fill(200));
        await server.waitFor(/(?:Server process \d+ \(pid \d+\) ready[\s\S]*){3}/);
        const now = readyPids(server.output()).filter(running);
        expect(now).toHaveLength(2);
        expect(now).not.toContain(pids[0]);

        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        expect(now.filter(running)).toEqual([]);
      } finally {
        if (child?.exitCode === null) child.kill('SIGKILL');
        await database.close();
      }
    },
  );
});
