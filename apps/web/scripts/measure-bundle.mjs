#!/usr/bin/env node
/**
 * Measures the JavaScript the start page loads: the entry chunk and every
 * chunk it imports statically (from the Vite manifest), each gzipped at level
 * 9 as a server would send it. Pages loaded on demand are listed apart.
 * Exits with 1 when the start page's JavaScript is over the budget.
 *
 * Usage: node apps/web/scripts/measure-bundle.mjs [--json] [--budget-kb 200]
 * (run `npm run build -w @backtrack/web` first).
 */
import { existsSync, readFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const args = process.argv.slice(2);
const json = args.includes('--json');
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 200;

const manifestFile = path.join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error(
    `No ${path.relative(process.cwd(), manifestFile)}: build the web app first (npm run build -w @backtrack/web).`,
  );
  process.exit(2);
}

/** @typedef {{ file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }} Chunk */
/** @type {Record<string, Chunk>} */
const manifest = {};
Object.assign(manifest, JSON.parse(readFileSync(manifestFile, 'utf8')));
const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) {
  console.error('The manifest has no entry.');
  process.exit(2);
}

/** Chunks loaded with the entry: the entry and its static imports, transitively. */
const startChunks = /** @type {Set<string>} */ (new Set());
const stack = [entryKey];
while (stack.length > 0) {
  const key = stack.pop();
  if (key === undefined || startChunks.has(key)) continue;
  startChunks.add(key);
  for (const dep of manifest[key]?.imports ?? []) stack.push(dep);
}

/** @param {string} file */
function sizes(file) {
  const bytes = readFileSync(path.join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const startJs = [...startChunks].map((k) => sizes(manifest[k]?.file ?? ''));
const startCss = [...new Set([...startChunks].flatMap((k) => manifest[k]?.css ?? []))].map(sizes);
const lazy = Object.entries(manifest)
  .filter(([k, v]) => !startChunks.has(k) && v.file.endsWith('.js'))
  .map(([, v]) => sizes(v.file));

const sum = (/** @type {{ gzip: number, raw: number }[]} */ list) =>
  list.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip }), { raw: 0, gzip: 0 });
const total = sum(startJs);
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const over = total.gzip > budgetKb * 1024;

if (json) {
  console.log(
    JSON.stringify(
      { startPage: { js: startJs, css: startCss, total }, lazy, budgetKb, over },
      null,
      2,
    ),
  );
} else {
  console.log('Start page JavaScript (entry + static imports):');
  for (const s of startJs)
    console.log(`  ${s.file.padEnd(44)} ${kb(s.raw).padStart(10)}  gzip ${kb(s.gzip).padStart(9)}`);
  console.log(
    `  ${'total'.padEnd(44)} ${kb(total.raw).padStart(10)}  gzip ${kb(total.gzip).padStart(9)}  (budget ${budgetKb} KB)`,
  );
  for (const s of startCss)
    console.log(`Start page CSS: ${s.file}  ${kb(s.raw)}  gzip ${kb(s.gzip)}`);
  const lazyTotal = sum(lazy);
  console.log(
    `Pages loaded on demand: ${lazy.length} chunks, gzip ${kb(lazyTotal.gzip)} in all, largest ${kb(Math.max(0, ...lazy.map((s) => s.gzip)))}`,
  );
}
if (over) {
  console.error(`Over budget: ${kb(total.gzip)} gzipped > ${budgetKb} KB.`);
  process.exit(1);
}
