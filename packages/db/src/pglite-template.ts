/**
 * A migrated, empty PGlite data folder kept as a dump (a tar file), so that
 * a fresh database opens in about a second instead of running `initdb`
 * inside WebAssembly and every migration (8–13 s and ~800 MB on this
 * project's 2-core machine). `openDatabase` loads it into a new data folder;
 * the tests open every in-memory database from it (`@backtrack/db/testing`).
 *
 * The file's name carries a hash of the migrations and of PGlite's version:
 * a new migration or a PGlite upgrade makes a new template, and an unchanged
 * one is reused. It lives in this package's `.cache/` folder; the package's
 * build makes it (`make-template.ts`), and whoever needs it first makes it
 * otherwise.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

/**
 * The PostgreSQL extensions PGlite loads (PostgreSQL servers ship them; the
 * migrations `CREATE EXTENSION IF NOT EXISTS`): `btree_gist` for the
 * appointments' no-overlap exclusion constraint.
 */
export const PGLITE_EXTENSIONS = { btree_gist };

/** The committed SQL migrations, next to `src/` and `dist/` in this package. */
export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/** This package's cache folder (beside `src/` and `dist/`; ignored by git). */
const CACHE_FOLDER = fileURLToPath(new URL('../.cache', import.meta.url));

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
  return path.join(CACHE_FOLDER, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
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
  mkdirSync(path.dirname(file), { recursive: true });
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

/**
 * The template as PGlite's `loadDataDir` takes it, or `undefined` when it
 * cannot be made (a read-only install): the caller then runs `initdb` and
 * the migrations itself, slower but the same result.
 */
export async function loadPgliteTemplate(migrationsFolder: string): Promise<Blob | undefined> {
  try {
    return new Blob([readFileSync(await ensurePgliteTemplate(migrationsFolder))]);
  } catch {
    return undefined;
  }
}
