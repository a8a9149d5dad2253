// Bundles the CLI (and the core it uses, from source) into one ESM file for Node.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/backtrack.js',
  conditions: ['source'],
  sourcemap: true,
  packages: 'bundle',
  // PDFKit reads its font metrics and other data files from its own folder at
  // run time, so it (and svg-to-pdfkit, which draws into it) load from
  // node_modules instead of the bundle. The handout's TTF fonts are resolved
  // from node_modules too (dejavu-fonts-ttf).
  external: ['pdfkit', 'svg-to-pdfkit'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
