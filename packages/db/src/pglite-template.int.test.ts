/**
 * The migrated PGlite template on disk: a new data folder written from it
 * holds the `postgres` database only, with every migration, and opens again
 * as an existing cluster; a folder left half-written is filled again; the tar
 * reader refuses what PGlite's dump never holds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import { ensurePgliteTemplate, readTar, unpackPgliteTemplate } from './pglite-template.js';

/** A one-entry ustar file (header, data, end marker) with `type` and `name`. */
function tarOf(name: string, type: string, data = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'utf8');
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.write(type, 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  const body = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(body);
  return Buffer.concat([header, body, Buffer.alloc(1024)]);
}

/** The rows a query returns (both drivers answer `{ rows }`). */
async function rows(db: Db, query: SQL): Promise<unknown[]> {
  const result: unknown = await db.execute(query);
  if (
    typeof result === 'object' &&
    result !== null &&
    'rows' in result &&
    Array.isArray(result.rows)
  )
    return result.rows as unknown[];
  throw new Error('the query returned no rows');
}

describe('the PGlite template on disk', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'bt-template-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('makes a new folder with the postgres database only and every migration, which opens again', async () => {
    const tar = readFileSync(await ensurePgliteTemplate());
    const files = readTar(tar).filter((e) => e.kind === 'file');
    const dataDir = path.join(root, 'data');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(first.startedFrom).toBe('template');
      expect(await rows(first.db, sql`select datname from pg_database`)).toEqual([
        { datname: 'postgres' },
      ]);
      const journal = JSON.parse(
        readFileSync(new URL('../migrations/meta/_journal.json', import.meta.url), 'utf8'),
      ) as { entries: unknown[] };
      expect(
        await rows(first.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      ).toEqual([{ n: journal.entries.length }]);
    } finally {
      await first.close();
    }
    // About 500 files: the template databases' 600 are gone.
    expect(files.length).toBeLessThan(700);
    expect(readdirSync(path.join(dataDir, 'base'))).toEqual(['5']);
    const again = await openDatabase({ kind: 'pglite', dataDir });
    expect(again.startedFrom).toBe('existing');
    await again.close();
  }, 60_000);

  it('fills a folder again that a stopped start left without PG_VERSION', async () => {
    const tar = readFileSync(await ensurePgliteTemplate());
    const dataDir = path.join(root, 'data');
    unpackPgliteTemplate(tar, dataDir);
    // As if the process had stopped before the last write.
    rmSync(path.join(dataDir, 'PG_VERSION'));
    rmSync(path.join(dataDir, 'global'), { recursive: true });
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(database.startedFrom).toBe('template');
      expect(await rows(database.db, sql`select count(*)::int as n from users`)).toEqual([
        { n: 0 },
      ]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('reads folders and files, and refuses links, names leaving the folder and cut tar files', () => {
    expect(readTar(tarOf('/base/', '5'))).toEqual([{ name: 'base', kind: 'folder' }]);
    const [file] = readTar(tarOf('/PG_VERSION', '0', Buffer.from('17\n')));
    expect(file).toMatchObject({ name: 'PG_VERSION', kind: 'file' });
    expect(file?.kind === 'file' ? file.bytes.toString() : '').toBe('17\n');
    expect(() => readTar(tarOf('/base/1', '2'))).toThrow(/not a file or folder/);
    expect(() => readTar(tarOf('/../../etc/passwd', '0'))).toThrow(/leaves the data folder/);
    expect(() => readTar(tarOf('/a', '0', Buffer.alloc(600)).subarray(0, 700))).toThrow(
      /cut short/,
    );
    expect(() => readTar(tarOf('/a', '0').subarray(0, 512))).toThrow(/end marker/);
    expect(() => {
      unpackPgliteTemplate(tarOf('/base/', '5'), path.join(root, 'x'));
    }).toThrow(/no PG_VERSION/);
  });
});
