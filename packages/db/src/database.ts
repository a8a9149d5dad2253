/**
 * Opening the database: PGlite (embedded PostgreSQL compiled to WebAssembly,
 * in this process) by default, with its data in a folder or in memory; a
 * PostgreSQL server through `pg` when a connection URL is given. Migrations
 * are applied on open either way, so a fresh folder or an empty database is
 * ready at once; a fresh PGlite folder starts from a migrated template
 * (`pglite-template.ts`) rather than from `initdb`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import {
  DEFAULT_MIGRATIONS_FOLDER,
  PGLITE_EXTENSIONS,
  readPgliteTemplate,
  unpackPgliteTemplate,
} from './pglite-template.js';
import { forDrizzle } from './pglite-client.js';
import { schema } from './schema.js';

/** The Drizzle client, whichever driver is underneath (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Which database to open. */
export type DatabaseConfig =
  | {
      kind: 'pglite';
      /** Folder for the data; created when missing. Omitted: in memory (tests). */
      dataDir?: string;
      migrationsFolder?: string;
      /**
       * Start from this dump of a data folder (PGlite's `dumpDataDir`) instead
       * of an empty cluster: skips `initdb`, the slow part of opening. Tests
       * load a migrated template this way (`@backtrack/db/testing`).
       */
      loadDataDir?: Blob;
    }
  | {
      kind: 'postgres';
      /** `postgres://user:password@host:port/database` */
      url: string;
      /** Connection pool size (default 10). */
      poolSize?: number;
      migrationsFolder?: string;
      /** Told of an error on an idle pooled connection (the pool replaces it). */
      onIdleError?: (error: Error) => void;
    };

/** An open database. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Where the data lives, for the start-up message: a folder, `memory`, or the URL without its password. */
  location: string;
  /**
   * How a PGlite folder was opened: a new folder from the migrated template,
   * a new one by `initdb` (no template could be made), or an existing one.
   * Absent for PostgreSQL and in-memory databases.
   */
  startedFrom?: 'template' | 'initdb' | 'existing';
  close(): Promise<void>;
}

export { DEFAULT_MIGRATIONS_FOLDER, PGLITE_EXTENSIONS } from './pglite-template.js';

/** A connection URL with its password masked, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

const lockedHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a PGlite data folder for this process: two PGlite instances writing
 * one folder would corrupt it. A lock left by a process that no longer runs
 * is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, 'backtrack.lock');
  const inUse = (by: string) =>
    new Error(
      `The data folder ${dir} is in use by ${by}; stop it or set BACKTRACK_DATA_DIR to another folder.`,
    );
  if (lockedHere.has(dir)) throw inUse('this process');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid))
      throw inUse(`process ${pid}`);
    writeFileSync(file, String(process.pid));
  }
  lockedHere.add(dir);
  return () => {
    lockedHere.delete(dir);
    rmSync(file, { force: true });
  };
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const migrationsFolder = config.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  if (config.kind === 'pglite') {
    let unlock: () => void = () => undefined;
    if (config.dataDir !== undefined) {
      mkdirSync(config.dataDir, { recursive: true });
      unlock = lockDataDir(config.dataDir);
    }
    let client: PGlite | undefined;
    try {
      // A folder without a cluster starts from the migrated template (pglite-template.ts).
      const fresh =
        config.dataDir !== undefined && !existsSync(path.join(config.dataDir, 'PG_VERSION'));
      const { loadDataDir } = config;
      let fromTemplate = loadDataDir !== undefined;
      if (fresh && config.dataDir !== undefined && loadDataDir === undefined) {
        const template = await readPgliteTemplate(migrationsFolder);
        if (template !== undefined) {
          unpackPgliteTemplate(template, config.dataDir);
          fromTemplate = true;
        }
      }
      client = await PGlite.create(
        config.dataDir ?? 'memory://',
        loadDataDir === undefined
          ? { extensions: PGLITE_EXTENSIONS }
          : { extensions: PGLITE_EXTENSIONS, loadDataDir },
      );
      const db = drizzlePglite({ client: forDrizzle(client), schema });
      await migratePglite(db, { migrationsFolder });
      const opened = client;
      return {
        kind: 'pglite',
        db,
        location: config.dataDir === undefined ? 'memory' : path.resolve(config.dataDir),
        ...(config.dataDir === undefined
          ? {}
          : {
              startedFrom: !fresh
                ? ('existing' as const)
                : fromTemplate
                  ? ('template' as const)
                  : ('initdb' as const),
            }),
        close: async () => {
          try {
            await opened.close();
          } finally {
            unlock();
          }
        },
      };
    } catch (error) {
      await client?.close();
      unlock();
      throw error;
    }
  }
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  // An idle connection that the server ends (a restart, an administrator, a
  // dropped database) is an 'error' event on the pool; unhandled, it would
  // crash the process. The pool drops that client and opens a new one when needed.
  pool.on('error', (error) => {
    config.onIdleError?.(error);
  });
  const db = drizzlePg({ client: pool, schema });
  try {
    await migratePg(db, { migrationsFolder });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { kind: 'postgres', db, location: redactUrl(config.url), close: () => pool.end() };
}

/**
 * The database configuration from the environment: PostgreSQL when
 * `DATABASE_URL` is set, otherwise PGlite in `BACKTRACK_DATA_DIR` (default
 * `.backtrack/data` under `cwd`).
 */
export function databaseConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  const dataDir = env.BACKTRACK_DATA_DIR?.trim();
  return { kind: 'pglite', dataDir: path.resolve(cwd, dataDir || '.backtrack/data') };
}
