/**
 * Start-up of the built server on the embedded database: time from spawning
 * `node apps/server/dist/main.js` to its first `/api/health` answer, and the
 * process's peak memory by then (VmHWM), on a fresh data folder (loaded from
 * the migrated template) and on the same folder again. For the ratio, the
 * same run also times what a fresh folder cost before the template, in this
 * process: `initdb` into a new folder and every migration.
 *
 * `npm run bench:startup [-- --rounds N] [-- --before <main.js>]` (builds
 * the server first). `--before` times another build of the server (for
 * example the main branch's, built into another folder with its `.cache/`
 * template beside its `dist/`) in the same rounds, for a before/after on an
 * equally loaded machine.
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
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, before: { type: 'string' } },
});
const rounds = Number(values.rounds);
const CURRENT = path.join(ROOT, 'apps/server/dist/main.js');

/** Peak resident memory of a process so far, MB (Linux). */
function peakMb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}

/**
 * CPU time (user + system) a process has used so far, ms (Linux, 100 ticks a
 * second): the start's own work, which a busy machine stretches less than
 * the wall time.
 */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Spawns the server on `dataDir`; resolves once /api/health answers 200. */
async function timeStart(
  dataDir: string,
  main: string = CURRENT,
): Promise<{ ms: number; cpuMs: number; peakMb: number; said: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      BACKTRACK_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      BACKTRACK_OUTBOX_DIR: path.join(dataDir, '..', 'outbox'),
      BACKTRACK_WEB_DIST: path.join(ROOT, 'apps/web/dist'),
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
    const pid = child.pid ?? 0;
    return { ms: Math.round(ms), cpuMs: cpuMs(pid), peakMb: peakMb(pid), said };
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
    const pair = async (main: string, dir: string) => ({
      fresh: await timeStart(dir, main),
      existing: await timeStart(dir, main),
    });
    // With --before, the two builds take turns going first.
    const beforeFirst = values.before !== undefined && round % 2 === 0;
    const early = beforeFirst
      ? await pair(values.before ?? '', path.join(root, 'before'))
      : undefined;
    const { fresh, existing } = await pair(CURRENT, dataDir);
    const other =
      values.before === undefined
        ? undefined
        : (early ?? (await pair(values.before, path.join(root, 'before'))));
    const before = await initdbAndMigrate(path.join(root, 'initdb'));
    console.log(
      JSON.stringify({
        round,
        freshMs: fresh.ms,
        freshCpuMs: fresh.cpuMs,
        freshPeakMb: fresh.peakMb,
        existingMs: existing.ms,
        existingCpuMs: existing.cpuMs,
        existingPeakMb: existing.peakMb,
        ...(other === undefined
          ? {}
          : {
              beforeFreshMs: other.fresh.ms,
              beforeFreshCpuMs: other.fresh.cpuMs,
              beforeFreshPeakMb: other.fresh.peakMb,
              beforeExistingMs: other.existing.ms,
              beforeExistingCpuMs: other.existing.cpuMs,
            }),
        initdbAndMigrationsMs: before,
        said: fresh.said,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
