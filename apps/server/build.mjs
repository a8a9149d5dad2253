// Bundles the server (and the core and db packages it uses, from source) into
// one ESM file for Node, next to a copy of the SQL migrations. PGlite and pg
// stay external: PGlite loads its WebAssembly and data files from its own
// package folder at run time.
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;

await build({
  absWorkingDir: here,
  // The worker thread's entry sits next to main.js (work/pool.ts loads ./worker.js).
  entryPoints: { main: 'src/main.ts', worker: 'src/work/worker.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  conditions: ['source'],
  sourcemap: true,
  packages: 'bundle',
  // PDFKit reads its font metrics from its own folder at run time (as in the CLI's build).
  external: ['@electric-sql/pglite', 'pg', 'pg-native', 'pdfkit', 'svg-to-pdfkit'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});

const migrations = path.join(here, 'dist/migrations');
rmSync(migrations, { recursive: true, force: true });
cpSync(path.join(here, '../../packages/db/migrations'), migrations, { recursive: true });

// The bundle looks for the migrated PGlite template in `.cache/` beside
// `dist/` (pglite-template.ts resolves it from its own file): give it the one
// the db package's build made, so the first start on a new data folder loads
// it instead of making it (initdb and every migration, 5 s and more).
const { ensurePgliteTemplate } = await import('../../packages/db/dist/pglite-template.js');
const template = await ensurePgliteTemplate();
const cache = path.join(here, '.cache');
mkdirSync(cache, { recursive: true });
for (const old of readdirSync(cache))
  rmSync(path.join(cache, old), { recursive: true, force: true });
const target = path.join(cache, path.basename(template));
try {
  linkSync(template, target); // the template is only ever replaced, never written in place
} catch {
  copyFileSync(template, target);
}
