/**
 * FIT decode benchmark: the fast path (`decodeFit(bytes, 'fast')`: records
 * walked into typed arrays, the other messages through the SDK) against
 * `@garmin/fitsdk` with default options, the SDK with its conversions off,
 * and `fit-file-parser`, in the same process, on the generated history of
 * one-second runs (the same cached folder as `bench:import-history`) and on
 * the FIT fixtures; then the whole `parseFit` (the importer) with each
 * decoder. Phases alternate over several rounds and the best round of each
 * counts, so all see the same machine load. Every file's `parseFit` results
 * are checked deep-equal between the two decoders first.
 *
 *   npx tsx --conditions=source bench/fit-decode.bench.ts [--runs 1000] [--rounds 2]
 *   npm run bench:fit -- --runs 200
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Decoder, Stream } from '@garmin/fitsdk';
import FitParser from 'fit-file-parser';
import { decodeFit, parseFit } from '@backtrack/importers';
import { ensureHistory } from './import-history/history.js';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = [
  join(here, '../../shared/fixtures/activities/fit'),
  join(here, '../packages/importers/test-fixtures/activities/fit'),
];

function arg(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

function fixtures(): Uint8Array[] {
  const dir = FIXTURES.find((d) => existsSync(d));
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.fit'))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));
}

const NOW = { nowMs: Date.parse('2026-06-01T00:00:00Z') };

type Phase = (files: readonly Uint8Array[]) => number;

const phases: Record<string, Phase> = {
  'sdk decode (default options)': (files) => {
    let n = 0;
    for (const b of files)
      n += new Decoder(Stream.fromBuffer(b)).read().messages.recordMesgs?.length ?? 0;
    return n;
  },
  'sdk decode (conversions off)': (files) => {
    let n = 0;
    for (const b of files)
      n +=
        new Decoder(Stream.fromBuffer(b)).read({
          applyScaleAndOffset: false,
          expandSubFields: false,
          expandComponents: false,
          convertTypesToStrings: false,
          convertDateTimesToDates: false,
          mergeHeartRates: false,
        }).messages.recordMesgs?.length ?? 0;
    return n;
  },
  'fit-file-parser': (files) => {
    let n = 0;
    const parser = new FitParser({ force: true, mode: 'list' });
    for (const b of files)
      // A copy of the bytes as an ArrayBuffer (its input type): ~30 ms for 115 MiB.
      parser.parse(b.slice().buffer, (error, data) => {
        if (error === undefined) n += data?.records?.length ?? 0;
      });
    return n;
  },
  'fast decode': (files) => {
    let n = 0;
    for (const b of files) n += decodeFit(b, 'fast').records.length;
    return n;
  },
  'parseFit, sdk': (files) => {
    let n = 0;
    for (const b of files) n += parseFit(b, { ...NOW, fitDecoder: 'sdk' }).activities.length;
    return n;
  },
  'parseFit, fast': (files) => {
    let n = 0;
    for (const b of files) n += parseFit(b, { ...NOW, fitDecoder: 'fast' }).activities.length;
    return n;
  },
};

function measure(label: string, files: readonly Uint8Array[], rounds: number): void {
  const bytes = files.reduce((s, b) => s + b.length, 0);
  let fastTaken = 0;
  for (const b of files) {
    if (decodeFit(b, 'fast').decoder === 'fast') fastTaken += 1;
    const a = parseFit(b, { ...NOW, fitDecoder: 'sdk' });
    const c = parseFit(b, { ...NOW, fitDecoder: 'fast' });
    if (!isDeepStrictEqual(a, c)) throw new Error(`${label}: the fast path differs from the SDK`);
  }
  const best: Record<string, number> = {};
  const heap: Record<string, number> = {};
  for (let r = 0; r < rounds; r++)
    for (const [name, run] of Object.entries(phases)) {
      globalThis.gc?.();
      const h0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      run(files);
      const s = (performance.now() - t0) / 1000;
      best[name] = Math.min(best[name] ?? Infinity, s);
      heap[name] = Math.max(heap[name] ?? 0, process.memoryUsage().heapUsed - h0);
    }
  const mb = bytes / 2 ** 20;
  console.log(
    `\n${label}: ${files.length} files, ${mb.toFixed(1)} MiB, fast path taken on ${fastTaken}; best of ${rounds} rounds`,
  );
  console.log('| phase | s | MB/s |');
  console.log('|---|---|---|');
  for (const [name, s] of Object.entries(best))
    console.log(`| ${name} | ${s.toFixed(3)} | ${(mb / s).toFixed(1)} |`);
  const ratio = (a: string, b: string): string => ((best[a] ?? NaN) / (best[b] ?? NaN)).toFixed(1);
  const sdk = 'sdk decode (default options)';
  console.log(
    `decode: fast is ${ratio(sdk, 'fast decode')}× the SDK, ${ratio('sdk decode (conversions off)', 'fast decode')}× the SDK with conversions off, ${ratio('fit-file-parser', 'fast decode')}× fit-file-parser; the importer (parseFit, fast) is ${ratio(sdk, 'parseFit, fast')}× the SDK's default decode alone and ${ratio('parseFit, sdk', 'parseFit, fast')}× the importer on the SDK`,
  );
}

const runs = arg('--runs', 1000);
const rounds = arg('--rounds', 2);
const dir = await ensureHistory(runs);
const names = (await readdir(dir)).filter((f) => f.endsWith('.fit')).sort();
const generated: Uint8Array[] = [];
for (const name of names) generated.push(new Uint8Array(await readFile(join(dir, name))));
console.log(`node ${process.version}; ${runs} generated runs read from ${dir}`);
measure(`generated history (${runs} one-second runs)`, generated, rounds);
const fx = fixtures();
if (fx.length > 0) measure('FIT fixtures', fx, rounds);
else console.log('no FIT fixtures found: skipped');
