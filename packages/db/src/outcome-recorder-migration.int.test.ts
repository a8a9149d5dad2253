/**
 * Migration 0010 on a database that already holds outcome measures: each
 * row gets who recorded it (a clinician where `recorded_by` is set, else the
 * runner) and the clinician's name as the FHIR export found it before (their
 * first clinic membership's display name), so deleting the clinician's
 * account later no longer turns the measure into the runner's. On PGlite and,
 * when a server answers, PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, PGLITE_EXTENSIONS } from './database.js';
import { adminQuery, testDatabaseKinds, testDatabaseUrl } from './testing/test-databases.js';

/** The migration under test. */
const TAG = '0010_outcome_recorder';

interface JournalEntry {
  idx: number;
  tag: string;
}

/** A migrations folder holding every migration before `TAG` (the database as the previous release left it). */
function migrationsBefore(tag: string): string {
  const journal = JSON.parse(
    readFileSync(path.join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: JournalEntry[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  if (cut < 0) throw new Error(`no migration ${tag} in the journal`);
  const entries = journal.entries.slice(0, cut);
  const folder = mkdtempSync(path.join(tmpdir(), 'bt-migrations-'));
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries }),
  );
  for (const e of entries)
    copyFileSync(
      path.join(DEFAULT_MIGRATIONS_FOLDER, `${e.tag}.sql`),
      path.join(folder, `${e.tag}.sql`),
    );
  return folder;
}

/** A database that can be migrated to a folder's migrations and queried in between. */
interface Migratable {
  migrate: (folder: string) => Promise<void>;
  rows: (query: SQL) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
}

async function openPglite(): Promise<Migratable> {
  const client = await PGlite.create('memory://', { extensions: PGLITE_EXTENSIONS });
  const db = drizzlePglite({ client });
  return {
    migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    rows: async (query) => (await db.execute(query)).rows,
    close: () => client.close(),
  };
}

async function openPostgres(): Promise<Migratable> {
  const url = testDatabaseUrl();
  const name = `backtrack_m_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: target.toString(), max: 2 });
  const db = drizzlePg({ client: pool });
  return {
    migrate: (migrationsFolder) => migratePg(db, { migrationsFolder }),
    rows: async (query) => (await db.execute(query)).rows,
    close: async () => {
      await pool.end();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const kinds = await testDatabaseKinds();
const before = migrationsBefore(TAG);
afterAll(() => {
  rmSync(before, { recursive: true, force: true });
});

for (const kind of kinds) {
  if (kind.unavailable !== undefined)
    console.warn(`[db] skipping the PostgreSQL migration test: ${kind.unavailable}`);
  describe.skipIf(kind.unavailable !== undefined)(`migration ${TAG} on ${kind.name}`, () => {
    let database: Migratable;
    beforeAll(async () => {
      database = kind.name === 'pglite' ? await openPglite() : await openPostgres();
      await database.migrate(before);
    });
    afterAll(() => database.close());

    it('backfills who recorded each existing measure and the clinician’s name', async () => {
      const { rows } = database;
      // The columns are not there yet: the database is as the previous release left it.
      expect(
        await rows(sql`select column_name from information_schema.columns
          where table_name = 'outcome_measures' and column_name like 'recorded_by%'`),
      ).toEqual([{ column_name: 'recorded_by' }]);

      const [runner, anna, nameless] =
        await rows(sql`insert into users (email, password_hash, created_at)
        values ('runner@example.org', 'x', now()), ('anna@clinic.test', 'x', now()), ('ole@clinic.test', 'x', now())
        returning id`);
      const [first, second] = await rows(sql`insert into clinics
          (name, address, time_zone, buffer_minutes, min_notice_minutes, created_at)
        values ('First', 'A', 'Europe/Copenhagen', 0, 0, now()), ('Second', 'B', 'Europe/Copenhagen', 0, 0, now())
        returning id`);
      // Anna's first membership names her; the later one does not.
      await rows(sql`insert into clinic_members (clinic_id, user_id, role, display_name, created_at)
        values (${first?.id}, ${anna?.id}, 'clinic_admin', 'Anna Holm', '2026-01-01T00:00:00Z'),
               (${second?.id}, ${anna?.id}, 'clinician', 'Anna H.', '2026-02-01T00:00:00Z')
        returning id`);
      await rows(sql`insert into outcome_measures (runner_id, instrument, score, recorded_at, recorded_by)
        values (${runner?.id}, 'nprs', 7, '2026-03-01T09:00:00Z', null),
               (${runner?.id}, 'nprs', 4, '2026-03-02T09:00:00Z', ${anna?.id}),
               (${runner?.id}, 'nprs', 3, '2026-03-03T09:00:00Z', ${nameless?.id})
        returning id`);

      await database.migrate(DEFAULT_MIGRATIONS_FOLDER);

      expect(
        await rows(sql`select score, recorded_by_role as role, recorded_by_name as name
          from outcome_measures order by recorded_at`),
      ).toEqual([
        { score: 7, role: 'runner', name: null },
        { score: 4, role: 'clinician', name: 'Anna Holm' },
        // A clinician without a membership: a clinician still, by no name.
        { score: 3, role: 'clinician', name: null },
      ]);

      // Deleting Anna's account keeps the measure hers.
      await rows(sql`delete from users where id = ${anna?.id} returning id`);
      expect(
        await rows(sql`select recorded_by, recorded_by_role as role, recorded_by_name as name
          from outcome_measures where score = 4`),
      ).toEqual([{ recorded_by: null, role: 'clinician', name: 'Anna Holm' }]);

      // Every new row must say who recorded it, one of the two roles.
      await expect(
        rows(sql`insert into outcome_measures (runner_id, instrument, score, recorded_at)
          values (${runner?.id}, 'nprs', 2, now()) returning id`),
      ).rejects.toMatchObject({ cause: { code: '23502' } }); // not_null_violation
      await expect(
        rows(sql`insert into outcome_measures (runner_id, instrument, score, recorded_at, recorded_by_role)
          values (${runner?.id}, 'nprs', 2, now(), 'coach') returning id`),
      ).rejects.toMatchObject({
        cause: { code: '23514', constraint: 'outcome_measures_recorded_by_role_ck' },
      }); // check_violation
    });
  });
}
