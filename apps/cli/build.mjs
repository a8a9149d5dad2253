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
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
