/**
 * Global setup of the e2e project: builds the app and starts the server the
 * way the README does (`npm start`), on a free port with a throw-away data
 * folder, waits for `/api/health`, hands the address to the specs and stops
 * the server afterwards. With `E2E_BASE_URL` set, uses that running server
 * instead (for working on the specs; `E2E_OUTBOX_DIR` then names its outbox
 * folder, where the specs read the registration links).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The server's mail outbox folder (BACKTRACK_OUTBOX_DIR), where registration links land. */
    outboxDir: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 280_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `the server exited with code ${child.exitCode} before it was healthy:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer ${url}/api/health in time:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) {
      resolve();
      return;
    }
    const pid = child.pid;
    const kill = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      // The server runs in its own process group (npm and node under it): stop them all.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(kill);
      resolve();
    }
  });
}

/** Starts the server; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(path.join(ROOT, 'test-artifacts', 'screenshots'), { recursive: true });
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseURL', external.replace(/\/$/, ''));
    project.provide('outboxDir', process.env.E2E_OUTBOX_DIR ?? '');
    return async () => {};
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'backtrack-e2e-'));
  const outboxDir = path.join(dataDir, 'outbox');
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BACKTRACK_DATA_DIR: dataDir,
      // Mail (registration links) lands here, and links in it point at this server.
      BACKTRACK_OUTBOX_DIR: outboxDir,
      PUBLIC_URL: url,
      // The demo clinic (two clinicians, a fortnight of free times) for the booking specs.
      BACKTRACK_DEMO_CLINIC: '1',
      // Every spec signs up from 127.0.0.1: more than a person would in an hour.
      BACKTRACK_SIGNUPS_PER_HOUR: '1000',
      TZ: 'UTC',
    },
  });
  // The server's output goes to test-artifacts/e2e-server.log, and its tail into any start-up error.
  const logFile = createWriteStream(path.join(ROOT, 'test-artifacts', 'e2e-server.log'));
  const keep = (chunk: Buffer) => {
    logFile.write(chunk);
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop(child);
    logFile.end();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseURL', url);
  project.provide('outboxDir', outboxDir);
  return async () => {
    await stop(child);
    logFile.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
