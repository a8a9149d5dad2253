/**
 * The PGlite client as drizzle gets it, without a per-query copy.
 *
 * drizzle-orm's PGlite driver (0.45, `pglite/session.js`) sends the same
 * nine parsers with every query: dates, timestamps, intervals and their
 * arrays come back as text, which drizzle then maps itself. PGlite merges
 * per-query parsers into a copy of its own table of about 320 parsers,
 * about 0.3 ms of CPU a query (`bench/README.md`, "PGlite per query").
 * Installed once on the instance instead, the same nine give the same rows
 * without the copy: {@link forDrizzle} installs them and drops them from
 * each query's options, in transactions too.
 */
import type { PGlite } from '@electric-sql/pglite';

/** The type ids drizzle's PGlite driver reads as text (timestamp, timestamptz, interval, date, and the arrays numeric[], timestamp[], timestamptz[], interval[], date[]). */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [
  1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182,
];

const asText = (value: string) => value;

type Parsers = Record<number, (value: string, typeId: number) => unknown>;
type QueryOptions = { parsers?: Parsers } & Record<string, unknown>;
interface Queryable {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown>;
}

/** Whether `parsers` is drizzle's set: exactly the text types, each reading its value as given. */
function isDrizzles(parsers: Parsers): boolean {
  const ids = Object.keys(parsers).map(Number);
  return (
    ids.length === DRIZZLE_TEXT_TYPES.length &&
    DRIZZLE_TEXT_TYPES.every((id) => parsers[id]?.('2026-12-04', id) === '2026-12-04')
  );
}

/**
 * `client` for drizzle: a query that brings drizzle's parsers runs without
 * them, on the instance's table with the same nine installed (again, should
 * PGlite have replaced one, as refreshing its array types does). Any other
 * query and every other member pass through unchanged.
 */
export function forDrizzle(client: PGlite): PGlite {
  const table = client.parsers as Parsers;
  const install = () => {
    for (const id of DRIZZLE_TEXT_TYPES) if (table[id] !== asText) table[id] = asText;
  };
  // drizzle keeps one set of parsers per prepared query: each is checked once.
  const checked = new WeakSet<Parsers>();
  const options = (given: QueryOptions | undefined): QueryOptions | undefined => {
    if (given?.parsers === undefined) return given;
    if (!checked.has(given.parsers)) {
      if (!isDrizzles(given.parsers)) return given;
      checked.add(given.parsers);
    }
    install();
    const rest = { ...given };
    delete rest.parsers;
    return rest;
  };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        if (prop === 'query') {
          const query = (t as unknown as Queryable).query.bind(t);
          return (sql: string, params?: unknown[], given?: QueryOptions) =>
            query(sql, params, options(given));
        }
        if (prop === 'transaction') {
          const transaction = (
            t as unknown as { transaction: (cb: (tx: object) => unknown) => unknown }
          ).transaction.bind(t);
          return (work: (tx: object) => unknown) => transaction((tx) => work(wrap(tx)));
        }
        const value: unknown = Reflect.get(t, prop, t);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(t)
          : value;
      },
    });
  return wrap(client);
}
