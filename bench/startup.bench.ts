/**
 * Start-up of the built server on the embedded database: time from spawning
 * `node apps/server/dist/main.js` to its first `/api/health` answer, and the
 * process's peak memory by then (VmHWM), on a fresh data folder (loaded from
 * the migrated template) and on the same folder again. For the ratio, the
 * same run also times what a fresh folder cost before the template, in this
 * process: `initdb` into a new folder and every migration.
 *
 * `npm run bench:startup [-- --rounds N]` (builds the server first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { DEFAULT_MIGRATIONS_FOLDER, PGLITE_EXTENSIONS } from '@backtrack/db';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);

/** Peak resident memory of a process so far, MB (Linux). */
function peakMb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}

/** Spawns the server on `dataDir`; resolves once /api/health answers 200. */
async function timeStart(dataDir: string): Promise<{ ms: number; peakMb: number; said: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/server/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      BACKTRACK_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      BACKTRACK_OUTBOX_DIR: path.join(dataDir, '..', 'outbox'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped:\n${out}`);
      try {
        const reply = await fetch(`http://127.0.0.1:${String(port)}/api/health`);
        if (reply.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = performance.now() - started;
    const said = /Data: .*/.exec(out)?.[0] ?? '';
    return { ms: Math.round(ms), peakMb: child.pid === undefined ? 0 : peakMb(child.pid), said };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** A fresh folder the way it was made before the template: initdb, then every migration. */
async function initdbAndMigrate(dataDir: string): Promise<number> {
  const started = performance.now();
  const client = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
  await migrate(drizzle({ client }), { migrationsFolder: DEFAULT_MIGRATIONS_FOLDER });
  await client.close();
  return Math.round(performance.now() - started);
}

const build = spawnSync('npm', ['run', 'build', '-w', '@backtrack/db', '-w', '@backtrack/server'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (build.status !== 0) throw new Error('the build failed');

for (let round = 1; round <= rounds; round++) {
  const root = mkdtempSync(path.join(tmpdir(), 'bt-startup-'));
  try {
    const dataDir = path.join(root, 'data');
    const fresh = await timeStart(dataDir);
    const existing = await timeStart(dataDir);
    const before = await initdbAndMigrate(path.join(root, 'initdb'));
    console.log(
      JSON.stringify({
        round,
        freshMs: fresh.ms,
        freshPeakMb: fresh.peakMb,
        existingMs: existing.ms,
        existingPeakMb: existing.peakMb,
        initdbAndMigrationsMs: before,
        said: fresh.said,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
