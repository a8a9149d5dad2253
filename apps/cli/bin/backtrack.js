#!/usr/bin/env node
// Entry point for `npx backtrack`: loads the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/backtrack.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'backtrack: the CLI is not built yet. Run `npm install` (or `npm run build`) at the repository root.\n',
  );
  process.exit(2);
}
await import(bundle);
