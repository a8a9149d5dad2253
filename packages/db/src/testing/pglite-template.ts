/**
 * A migrated PGlite template for tests. Opening an in-memory PGlite runs
 * `initdb` inside WebAssembly, which takes seconds on a busy machine; loading
 * a dump of a data folder skips it. So the tests migrate one database once,
 * dump it to a file in the system's temporary folder, and open every test
 * database from that dump (`openTestPglite`).
 *
 * The file's name carries a hash of the migrations and of PGlite's version:
 * a new migration or a PGlite upgrade makes a new template, and an unchanged
 * one is reused across test runs. Vitest's global setup (`global-setup.ts`)
 * makes it before the test files start; a test file that finds none makes it
 * itself, so the helpers also work without that setup.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import {
  DEFAULT_MIGRATIONS_FOLDER,
  openDatabase,
  PGLITE_EXTENSIONS,
  type Database,
} from '../database.js';

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  // The package's main entry is dist/index.cjs; its package.json is one folder up.
  const entry = require.resolve('@electric-sql/pglite');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Where the template for these migrations and this PGlite lives. */
export function pgliteTemplatePath(migrationsFolder: string = DEFAULT_MIGRATIONS_FOLDER): string {
  const hash = createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(migrationsFolder, full)}\n`).update(readFileSync(full));
    }
  };
  walk(migrationsFolder);
  return path.join(tmpdir(), `backtrack-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * Makes the template unless it exists; returns its path. Safe when several
 * processes race: each writes its own file and renames it into place.
 */
export async function ensurePgliteTemplate(
  migrationsFolder: string = DEFAULT_MIGRATIONS_FOLDER,
): Promise<string> {
  const file = pgliteTemplatePath(migrationsFolder);
  if (existsSync(file)) return file;
  const client = await PGlite.create('memory://', { extensions: PGLITE_EXTENSIONS });
  const partial = `${file}.${String(process.pid)}.partial`;
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
    // Uncompressed: loading a gzipped dump costs more time than the bytes it saves.
    const dump = await client.dumpDataDir('none');
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
    await client.close();
  }
  return file;
}

/** A fresh, migrated, empty in-memory PGlite database, opened from the template. */
export async function openTestPglite(): Promise<Database> {
  const file = await ensurePgliteTemplate();
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([readFileSync(file)]) });
}
