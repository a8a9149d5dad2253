/**
 * A migrated, empty PGlite data folder kept as a dump (a tar file), so that
 * a fresh database opens in about a second instead of running `initdb`
 * inside WebAssembly and every migration (8–13 s and ~800 MB on this
 * project's 2-core machine). `openDatabase` loads it into a new data folder;
 * the tests open every in-memory database from it (`@backtrack/db/testing`).
 *
 * The template holds only the `postgres` database Backtrack opens: the
 * cluster's `template0` and `template1` (600 of its 1,100 files, 15 MB) are
 * dropped, because a new data folder pays for every file it writes. Nothing
 * runs `CREATE DATABASE` on PGlite. A new folder is written from the dump by
 * {@link unpackPgliteTemplate} (plain file writes, `PG_VERSION` last) rather
 * than through PGlite's `loadDataDir`, which writes through WebAssembly and
 * took 2–3 times as long.
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

/** What the template holds besides the migrations; a change here makes a new template. */
const TEMPLATE_FORMAT = 'format 2: the postgres database only (no template0, template1)';

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
  const hash = createHash('sha256').update(`pglite ${pgliteVersion()}\n${TEMPLATE_FORMAT}\n`);
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
    await client.exec(
      `UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`,
    );
    await client.exec('DROP DATABASE template0');
    await client.exec('DROP DATABASE template1');
    await client.exec('CHECKPOINT');
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
 * The template's bytes, or `undefined` when it cannot be made (a read-only
 * install): the caller then runs `initdb` and the migrations itself, slower
 * but the same result.
 */
export async function readPgliteTemplate(migrationsFolder: string): Promise<Buffer | undefined> {
  try {
    return readFileSync(await ensurePgliteTemplate(migrationsFolder));
  } catch {
    return undefined;
  }
}

/** One entry of a tar file: a folder, or a file with its bytes. */
type TarEntry = { name: string; kind: 'folder' } | { name: string; kind: 'file'; bytes: Buffer };

/**
 * The entries of a ustar file as PGlite's `dumpDataDir` writes it (folders
 * and plain files, names relative to the data folder); throws on anything
 * else (links, long-name extensions, a name that leaves the folder, a
 * truncated file) rather than guess.
 */
export function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  const text = (header: Buffer, from: number, to: number) => {
    const field = header.subarray(from, to);
    const end = field.indexOf(0);
    return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
  };
  let offset = 0;
  for (;;) {
    if (offset + 512 > tar.length) throw new Error('the tar file ends without its end marker');
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return entries;
    if (text(header, 257, 262) !== 'ustar') throw new Error(`no ustar header at byte ${offset}`);
    const prefix = text(header, 345, 500);
    const raw = prefix === '' ? text(header, 0, 100) : `${prefix}/${text(header, 0, 100)}`;
    const name = path.posix.normalize(raw.replace(/^\/+|\/+$/g, ''));
    if (name === '..' || name.startsWith('../') || path.posix.isAbsolute(name))
      throw new Error(`a tar entry leaves the data folder: ${raw}`);
    const size = parseInt(text(header, 124, 136).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const start = offset + 512;
    if (!Number.isSafeInteger(size) || start + size > tar.length)
      throw new Error(`the tar entry ${raw} is cut short`);
    if (type === '5') entries.push({ name, kind: 'folder' });
    else if (type === '0' || type === '\0')
      entries.push({ name, kind: 'file', bytes: tar.subarray(start, start + size) });
    else
      throw new Error(
        `the tar entry ${raw} is of type ${JSON.stringify(type)}, not a file or folder`,
      );
    offset = start + Math.ceil(size / 512) * 512;
  }
}

/**
 * Writes the template's cluster into `dataDir` (which must hold none). The
 * tar file is read whole before the first write, and `PG_VERSION`, by which
 * `openDatabase` tells an existing cluster, is written last: a start that
 * stops half-way leaves a folder the next start fills again.
 */
export function unpackPgliteTemplate(tar: Buffer, dataDir: string): void {
  const entries = readTar(tar);
  if (!entries.some((e) => e.kind === 'file' && e.name === 'PG_VERSION'))
    throw new Error('the template has no PG_VERSION');
  for (const entry of entries)
    if (entry.kind === 'folder') mkdirSync(path.join(dataDir, entry.name), { recursive: true });
  let version: Buffer | undefined;
  for (const entry of entries) {
    if (entry.kind !== 'file') continue;
    if (entry.name === 'PG_VERSION') version = entry.bytes;
    else writeFileSync(path.join(dataDir, entry.name), entry.bytes, { mode: 0o600 });
  }
  if (version) writeFileSync(path.join(dataDir, 'PG_VERSION'), version, { mode: 0o600 });
}
