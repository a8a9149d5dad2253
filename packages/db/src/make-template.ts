/**
 * `node dist/make-template.js`, run by this package's build: makes the
 * migrated PGlite template (`pglite-template.ts`) so that the first start on
 * a fresh data folder loads it instead of running `initdb` and the
 * migrations. Reuses the template when the migrations have not changed.
 */
import { ensurePgliteTemplate } from './pglite-template.js';

const started = performance.now();
const file = await ensurePgliteTemplate();
console.log(
  `PGlite template ready: ${file} (${String(Math.round(performance.now() - started))} ms)`,
);
