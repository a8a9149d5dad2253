/**
 * Databases for integration tests: an in-memory PGlite (from the migrated
 * template, `pglite-template.ts`) always, and a
 * throwaway database on a PostgreSQL server when one is reachable at
 * `TEST_DATABASE_URL` (or `DATABASE_URL`, or the default below). Each
 * PostgreSQL test database is created fresh and dropped on close, so test
 * files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, redactUrl, type Database } from '../database.js';
import { openTestPglite } from './pglite-template.js';

/** Where `scripts/setup-test-deps.sh` puts the test server. */
export const DEFAULT_TEST_DATABASE_URL =
  'postgres://backtrack:backtrack@localhost:5432/backtrack_test';

/** A kind of database the tests run against. */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  /** Why it is not available here; undefined when it is. */
  unavailable?: string;
  /** Opens a fresh, migrated, empty database. */
  open(): Promise<Database>;
}

/** The URL of the PostgreSQL server for tests. */
export function testDatabaseUrl(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return env.TEST_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || DEFAULT_TEST_DATABASE_URL;
}

async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL server at ${redactUrl(url)} (${error instanceof Error ? error.message : String(error)}); set TEST_DATABASE_URL or run scripts/setup-test-deps.sh`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs one statement on the server at `url` over its own connection (CREATE or DROP DATABASE). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Opens a new database on the server at `url` that is dropped when closed;
 * `url` in the result is the new database's, for a second pool on it (a
 * second server process, as the scale-out test has it).
 */
export async function openThrowawayPostgres(url: string): Promise<Database & { url: string }> {
  const name = `backtrack_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 4 });
  return {
    ...database,
    url: target.toString(),
    close: async () => {
      await database.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Both kinds of database, with PostgreSQL marked unavailable when no server answers. */
export async function testDatabaseKinds(): Promise<TestDatabaseKind[]> {
  const url = testDatabaseUrl();
  const unavailable = await probe(url);
  return [
    { name: 'pglite', open: openTestPglite },
    {
      name: 'postgres',
      ...(unavailable === undefined ? {} : { unavailable }),
      open: () => openThrowawayPostgres(url),
    },
  ];
}
