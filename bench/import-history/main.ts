/**
 * Work done once, measured on a 1,000-run history: the built CLI
 * (`apps/cli/dist/backtrack.js`) imports the generated history into an
 * empty store, imports it again unchanged (every file hashed, found stored
 * and skipped, none decoded), and answers `backtrack training` over it;
 * then the importer's skip path alone, as the server's import worker runs
 * it (hash each file, ask whether it is stored).
 *
 *   npm run bench:import-history -- [--runs 1000] [--dir PATH] [--repeat 3]
 *
 * The history is generated once into `--dir` (default
 * `$TMPDIR/backtrack-bench-cache/history-<runs>`) and reused. Each CLI
 * phase is its own process under `/usr/bin/time` (wall, user and system
 * CPU seconds, peak RSS); repeated phases report the median by wall time.
 * The machine is shared, so the load average is printed with the results.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHashOfId, importPaths } from '@backtrack/importers';
import { defaultHistoryDir, ensureHistory } from './history.js';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '../../apps/cli/dist/backtrack.js');
const TIME = '/usr/bin/time';

/** One measured run of a phase. */
interface Measured {
  phase: string;
  wallS: number;
  userS: number;
  systemS: number;
  peakRssMb: number;
  note: string;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** Runs the CLI once with `args` under `/usr/bin/time`; the note is the first line of its output. */
function runCli(phase: string, args: string[], home: string): Measured {
  const marker = '@@time ';
  const out = spawnSync(TIME, ['-f', `${marker}%e %U %S %M`, process.execPath, CLI, ...args], {
    env: { ...process.env, BACKTRACK_HOME: home, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = out.stderr.split('\n').find((l) => l.startsWith(marker));
  if (out.status !== 0 || line === undefined) {
    throw new Error(`${phase} failed (exit ${String(out.status)}): ${out.stderr.slice(-2000)}`);
  }
  const [wall, user, system, rssKb] = line.slice(marker.length).split(' ').map(Number);
  return {
    phase,
    wallS: wall ?? NaN,
    userS: user ?? NaN,
    systemS: system ?? NaN,
    peakRssMb: (rssKb ?? NaN) / 1024,
    note: out.stdout.split('\n')[0] ?? '',
  };
}

function median(runs: Measured[]): Measured {
  const sorted = [...runs].sort((a, b) => a.wallS - b.wallS);
  const mid = sorted[Math.floor(sorted.length / 2)];
  if (mid === undefined) throw new Error('no runs');
  return { ...mid, note: `${mid.note} (median of ${String(runs.length)})` };
}

/** The importer's skip path in this process: every file hashed and found stored. */
async function librarySkip(history: string, ids: Set<string>): Promise<Measured> {
  const before = process.cpuUsage();
  const t0 = performance.now();
  let skipped = 0;
  let decoded = 0;
  for await (const ev of importPaths([history], { isStored: (hash) => ids.has(hash) })) {
    if (ev.kind === 'skipped') skipped += 1;
    else decoded += 1;
  }
  const cpu = process.cpuUsage(before);
  return {
    phase: 'importer skip path (the server worker’s loop), in process',
    wallS: (performance.now() - t0) / 1000,
    userS: cpu.user / 1e6,
    systemS: cpu.system / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    note: `${String(skipped)} skipped, ${String(decoded)} decoded`,
  };
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: build the CLI first (npm run build -w @backtrack/cli)`);
  }
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing (Debian: apt-get install time)`);
  const runs = Number(option('runs', '1000'));
  const repeat = Number(option('repeat', '3'));
  const history = await ensureHistory(runs, option('dir', defaultHistoryDir(runs)));
  const files = readdirSync(history).length;
  const home = await mkdtemp(join(tmpdir(), 'backtrack-bench-home-'));
  const load = loadavg().map((l) => l.toFixed(1));
  try {
    const results: Measured[] = [];
    results.push(runCli('first import (empty store)', ['import', history], home));
    const again: Measured[] = [];
    for (let i = 0; i < repeat; i++) {
      again.push(runCli('re-import, unchanged', ['import', history], home));
    }
    results.push(median(again));
    const training: Measured[] = [];
    for (let i = 0; i < repeat; i++) training.push(runCli('training', ['training'], home));
    results.push(median(training));
    results.push(runCli('start-up alone (--version)', ['--version'], home));
    // The ids the store holds, as the server passes its rows' content ids.
    const index = await readFile(join(home, 'activities', 'index.json'), 'utf8');
    const parsed = JSON.parse(index) as { activities: { id: string }[] };
    const hashes = new Set(parsed.activities.map((a) => contentHashOfId(a.id) ?? a.id));
    results.push(await librarySkip(history, hashes));

    console.log(
      `node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${String(files)} files in ${history}, load average ${load.join(' ')}`,
    );
    for (const r of results) console.log(JSON.stringify(r));
    console.log('\n| phase | wall s | CPU s (user+sys) | peak RSS MB | output |');
    console.log('|---|---:|---:|---:|---|');
    for (const r of results) {
      console.log(
        `| ${r.phase} | ${r.wallS.toFixed(2)} | ${(r.userS + r.systemS).toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${r.note.replace(/\|/g, '/')} |`,
      );
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

await main();
