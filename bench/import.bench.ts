/**
 * Import benchmark: the activity fixtures and a generated history of 1,000
 * runs (FIT, 1-second records, written with the SDK's Encoder), imported
 * with `@backtrack/importers`, against a baseline of the same files decoded
 * by `@garmin/fitsdk` alone. Each measured phase runs in its own child
 * process so its peak RSS is its own.
 *
 *   npx tsx --conditions=source bench/import.bench.ts [--runs 1000] [--dir PATH]
 *
 * `--dir PATH` keeps the generated history in PATH and reuses it when it is
 * already there (generation takes minutes; the measurement does not).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decoder, Stream } from '@garmin/fitsdk';
import { importPaths, syntheticHistory } from '@backtrack/importers';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, '../../shared/fixtures/activities');
const LOCAL_FIXTURES = join(here, '../packages/importers/test-fixtures/activities');

interface PhaseResult {
  phase: string;
  files: number;
  activities: number;
  errors: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(fit|gpx|tcx)(\.gz)?$/i.test(e.name)) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** Runs one phase in this process and prints its result as JSON. */
async function runPhase(phase: string, root: string): Promise<void> {
  const files = listFiles(root);
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  let activities = 0;
  let errors = 0;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  if (phase.startsWith('importer')) {
    for await (const ev of importPaths([root])) {
      if (ev.kind === 'activity') activities += 1;
      else errors += 1;
    }
  } else {
    // Baseline: the SDK alone, one file at a time, FIT files only (it reads nothing else).
    for (const f of files.filter((x) => x.toLowerCase().endsWith('.fit'))) {
      const { messages, errors: errs } = new Decoder(Stream.fromBuffer(await readFile(f))).read();
      activities += Math.max(
        messages.sessionMesgs?.length ?? 0,
        messages.recordMesgs?.length ? 1 : 0,
      );
      if (errs.length > 0) errors += 1;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const result: PhaseResult = {
    phase,
    files: phase.startsWith('importer')
      ? files.length
      : files.filter((x) => x.endsWith('.fit')).length,
    activities,
    errors,
    bytes: phase.startsWith('importer')
      ? bytes
      : files.filter((x) => x.endsWith('.fit')).reduce((s, f) => s + statSync(f).size, 0),
    seconds,
    peakRssMb: peak / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function child(phase: string, root: string): PhaseResult {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--phase', phase, root],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const line = out.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as PhaseResult;
}

/** The generated history of `syntheticHistory` (a realistic mix of run lengths), written to `dir`. */
async function generateHistory(dir: string, runs: number): Promise<void> {
  for (const { name, bytes } of syntheticHistory(runs)) await writeFile(join(dir, name), bytes);
}

const fmt = (r: PhaseResult): string =>
  `| ${r.phase} | ${r.files} | ${r.activities} | ${r.errors} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${r.seconds.toFixed(2)} | ${(r.activities / r.seconds).toFixed(1)} | ${(r.bytes / 2 ** 20 / r.seconds).toFixed(1)} | ${r.peakRssMb.toFixed(0)} |`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const phaseAt = args.indexOf('--phase');
  if (phaseAt >= 0) {
    await runPhase(args[phaseAt + 1] ?? '', args[phaseAt + 2] ?? '');
    return;
  }
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1000;
  const fixtures = existsSync(FIXTURES) ? FIXTURES : LOCAL_FIXTURES;
  const dirAt = args.indexOf('--dir');
  const keep = dirAt >= 0;
  const dir = keep ? (args[dirAt + 1] ?? '') : await mkdtemp(join(tmpdir(), 'backtrack-bench-'));
  const history = join(dir, `history-${runs}`);
  try {
    if (!existsSync(history) || listFiles(history).length !== runs) {
      await mkdir(history, { recursive: true });
      const g0 = performance.now();
      await generateHistory(history, runs);
      console.log(
        `generated ${runs} FIT runs in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
      );
    } else console.log(`reusing ${runs} generated FIT runs in ${history}`);
    const results = [
      child('importer: fixtures', fixtures),
      child('sdk alone: fixtures (FIT only)', fixtures),
      child(`importer: ${runs} generated runs`, history),
      child(`sdk alone: ${runs} generated runs`, history),
    ];
    console.log(`\nnode ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
    console.log(
      '| phase | files | activities | file errors | MB | s | activities/s | MB/s | peak RSS MB |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of results) console.log(fmt(r));
    const [, , imp, sdk] = results;
    if (imp && sdk) {
      console.log(
        `\nimporter / SDK-alone time on the generated history: ${(imp.seconds / sdk.seconds).toFixed(2)}× (the importer also hashes, builds series and summaries)`,
      );
    }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
