/**
 * drizzle over the PGlite client without the per-query copy of PGlite's
 * parser table: drizzle's parsers are installed once and dropped from each
 * query, in transactions too; dates come back exactly as before; any other
 * parsers pass through.
 */
import { readFileSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIZZLE_TEXT_TYPES, forDrizzle } from './pglite-client.js';
import { ensurePgliteTemplate, PGLITE_EXTENSIONS } from './pglite-template.js';
import { schema, users } from './schema.js';

describe('forDrizzle', () => {
  let client: PGlite;
  /** The options each query reached PGlite with. */
  const seen: (Record<string, unknown> | undefined)[] = [];

  beforeAll(async () => {
    const template = new Blob([readFileSync(await ensurePgliteTemplate())]);
    client = await PGlite.create({ loadDataDir: template, extensions: PGLITE_EXTENSIONS });
    const query = client.query.bind(client);
    client.query = ((text: string, params?: unknown[], options?: Record<string, unknown>) => {
      seen.push(options);
      return query(text, params, options);
    }) as PGlite['query'];
    const transaction = client.transaction.bind(client);
    client.transaction = <T>(work: (tx: Transaction) => Promise<T>) =>
      transaction((tx) => {
        const inTx = tx.query.bind(tx);
        tx.query = ((text: string, params?: unknown[], options?: Record<string, unknown>) => {
          seen.push(options);
          return inTx(text, params, options);
        }) as Transaction['query'];
        return work(tx);
      });
  });
  afterAll(async () => {
    await client.close();
  });

  it('gives the rows drizzle gives on the bare client, without sending its parsers', async () => {
    const when = new Date('2026-12-04T01:02:03.456Z');
    const bare = drizzle({ client, schema });
    const fast = drizzle({ client: forDrizzle(client), schema });
    const [inserted] = await fast
      .insert(users)
      .values({ email: 'p@example.org', passwordHash: 'x', createdAt: when })
      .returning();
    seen.length = 0;
    const viaFast = await fast.select().from(users);
    expect(seen.at(-1)).not.toHaveProperty('parsers');
    const viaBare = await bare.select().from(users);
    expect(seen.at(-1)).toHaveProperty('parsers');
    expect(viaFast).toEqual(viaBare);
    expect(viaFast[0]?.createdAt).toEqual(when);
    expect(inserted?.createdAt).toEqual(when);
    // Plain SQL through drizzle: a timestamp stays the text drizzle expects.
    const raw = await fast.execute(sql`select '2026-12-04 01:02:03+00'::timestamptz as at`);
    expect(raw.rows[0]).toEqual({ at: '2026-12-04 01:02:03+00' });
  });

  it('drops the parsers in a transaction too', async () => {
    const fast = drizzle({ client: forDrizzle(client), schema });
    seen.length = 0;
    await fast.transaction(async (tx) => {
      await tx.select().from(users);
    });
    const selects = seen.filter((o) => o?.rowMode === 'array');
    expect(selects.length).toBeGreaterThan(0);
    for (const options of selects) expect(options).not.toHaveProperty('parsers');
  });

  it('puts drizzle’s parsers back when PGlite replaced one, and leaves other parsers alone', async () => {
    const wrapped = forDrizzle(client);
    const fast = drizzle({ client: wrapped, schema });
    // Refreshing the array types, for one, writes the array parsers again.
    const timestamptzArray = 1185;
    client.parsers[timestamptzArray] = () => 'replaced';
    const raw = await fast.execute(sql`select array['2026-12-04 01:02:03+00'::timestamptz] as at`);
    expect(raw.rows[0]).toEqual({ at: '{"2026-12-04 01:02:03+00"}' });
    for (const id of DRIZZLE_TEXT_TYPES) expect(client.parsers[id]?.('x', id)).toBe('x');

    const own = await wrapped.query<{ n: unknown }>('select 1::int4 as n', [], {
      parsers: { 23: () => 'mine' },
    });
    expect(own.rows[0]).toEqual({ n: 'mine' });
    expect(seen.at(-1)).toHaveProperty('parsers');
  });
});
