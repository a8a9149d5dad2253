/**
 * Test databases from the migrated PGlite template (`../pglite-template.ts`):
 * opening an in-memory PGlite runs `initdb` inside WebAssembly, which takes
 * seconds on a busy machine; loading the template skips it. Vitest's global
 * setup (`global-setup.ts`) makes the template before the test files start;
 * a test file that finds none makes it itself.
 */
import { readFileSync } from 'node:fs';
import { openDatabase, type Database } from '../database.js';
import { ensurePgliteTemplate } from '../pglite-template.js';

export { ensurePgliteTemplate, pgliteTemplatePath } from '../pglite-template.js';

/** A fresh, migrated, empty in-memory PGlite database, opened from the template. */
export async function openTestPglite(): Promise<Database> {
  const file = await ensurePgliteTemplate();
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([readFileSync(file)]) });
}
