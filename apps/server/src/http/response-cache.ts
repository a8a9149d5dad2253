/**
 * Answers kept ready to send, for the embedded database only (issue 13).
 *
 * A saved plan (plan, check-ins, clinician edits, replayed as of today), an
 * assessment's report and the plan it leads to are pure functions of their
 * rows and the knowledge base, so once serialised they can be sent again
 * as they are: the JSON text, its gzip form (made the first time a client
 * accepts gzip) and an ETag (a `304` answers a matching `If-None-Match`).
 *
 * Entries are grouped by record id (a plan's or an assessment's), each with
 * variants (a date, a query). PGlite's data folder is locked to one process,
 * so this process sees every write: the repositories tell the cache about each
 * write to a cached record (`RepositoryHooks.recordsChanged`) and it drops the
 * record's entries, or all of them when any may have changed (an account
 * deleted, assessments claimed). A fill that began before a drop is not
 * stored (`generation`). On PostgreSQL nothing is cached.
 *
 * The cache never decides who may read: each entry keeps who owns it, and the
 * service serves it only to that owner; anyone else is answered from the
 * database (where the ownership check says no).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Owner } from '@backtrack/db';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { acceptsGzip, GZIP_THRESHOLD } from './compression.js';

/** An answer ready to send; `T` is the type of what was serialised. */
export interface Prepared<T = unknown> {
  /** Only carries the type of the serialised value (never set). */
  readonly of?: T;
  /** The JSON text, encoded once (UTF-8), so no request encodes it again. */
  readonly body: Buffer;
  /** Its length in bytes. */
  readonly bytes: number;
  /** A strong validator of the body. */
  readonly etag: string;
  /** The gzip form, made when first asked for. */
  gzip?: Buffer;
}

/** Serialises `value` once, with its ETag. */
export function prepare<T>(value: T): Prepared<T> {
  const body = Buffer.from(JSON.stringify(value));
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { body, bytes: body.length, etag };
}

/** Whether `If-None-Match` (a list of ETags, weak or strong, or `*`) matches `etag`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** The bytes of `buffer` without copying them (hono takes a `Uint8Array` over an `ArrayBuffer`). */
const view = (buffer: Buffer) =>
  new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length);

/**
 * The response for a prepared answer: `304` when the client's copy matches,
 * else the JSON, gzipped when it is large enough and the client accepts it
 * (the compression middleware, http/compression.ts, leaves a response with `Content-Encoding` alone).
 */
export function sendPrepared<T>(
  c: Context,
  prepared: Prepared<T>,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  // Typed as the route's JSON answer (as `c.json` would be); a 304 carries no body.
  const typed = (response: Response) =>
    response as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
  c.header('etag', prepared.etag);
  if (prepared.bytes >= GZIP_THRESHOLD) c.header('vary', 'Accept-Encoding');
  if (matchesEtag(c.req.header('if-none-match'), prepared.etag)) return typed(c.body(null, 304));
  c.header('content-type', 'application/json');
  if (prepared.bytes >= GZIP_THRESHOLD && acceptsGzip(c.req.header('accept-encoding'))) {
    prepared.gzip ??= gzipSync(prepared.body);
    c.header('content-encoding', 'gzip');
    return typed(c.body(view(prepared.gzip), 200));
  }
  return typed(c.body(view(prepared.body), 200));
}

/** Who owns a cached record: an account, or an anonymous session (an unclaimed assessment). */
export interface RecordOwner {
  userId: string | null;
  sessionId: string | null;
}

/**
 * Whether `caller` owns a record: the same rule as the repositories' (a
 * user's records, or a session's while no user has claimed them).
 */
export function owns(caller: Owner, owner: RecordOwner): boolean {
  if (caller.userId !== null && owner.userId === caller.userId) return true;
  return (
    caller.sessionIdHash !== null &&
    owner.userId === null &&
    owner.sessionId === caller.sessionIdHash
  );
}

/** One cached answer and who owns it. */
export interface Cached {
  owner: RecordOwner;
  prepared: Prepared;
}

/** The cache (see the module's comment). */
export interface ResponseCache {
  /** A snapshot to hand back to `set`: a drop in between makes the set a no-op. */
  generation(): number;
  /**
   * The cached variant of record `id` if `caller` owns it (and marks the
   * record recently used); undefined when not cached or not the caller's.
   */
  get<T>(id: string, variant: string, caller: Owner): Prepared<T> | undefined;
  /** Keeps an answer, unless something was dropped since `generation` was taken. */
  set(id: string, variant: string, entry: Cached, generation: number): void;
  /**
   * The kept row of record `id` if `caller` owns it: the latest a write of
   * this process returned, or a read that no drop overtook (an interview in
   * progress, so an answer need not read it again).
   */
  row(id: string, caller: Owner): unknown;
  /** Keeps a record's latest row, unless something was dropped since `generation` was taken. */
  keepRow(id: string, entry: { owner: RecordOwner; row: unknown }, generation: number): void;
  /** Drops record `id`'s answers and row, or every answer and row when `id` is undefined. */
  drop(id?: string): void;
  /** How many records and bytes are held. */
  size(): { records: number; bytes: number };
}

/**
 * What an answer costs against the byte budget: its JSON and, counted up
 * front, its gzip form (JSON compresses to well under a quarter).
 */
const costOf = (prepared: Prepared) => Math.ceil(prepared.bytes * 1.25);

/**
 * A least-recently-used cache of at most `maxRecords` records and about
 * `maxBytes` of answers (the JSON and its gzip form), default 2,000 records
 * and 64 MiB.
 */
export function responseCache(
  options: { maxRecords?: number; maxBytes?: number } = {},
): ResponseCache {
  const maxRecords = options.maxRecords ?? 2000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const records = new Map<string, Map<string, Cached>>();
  /** Kept rows, least recently used first (at most `maxRecords`). */
  const rows = new Map<string, { owner: RecordOwner; row: unknown }>();
  let generation = 0;
  let bytes = 0;

  const remove = (id: string) => {
    const variants = records.get(id);
    if (!variants) return;
    for (const entry of variants.values()) bytes -= costOf(entry.prepared);
    records.delete(id);
  };
  const evict = () => {
    while (records.size > maxRecords || bytes > maxBytes) {
      const oldest = records.keys().next();
      if (oldest.done) break;
      remove(oldest.value);
    }
  };

  return {
    generation: () => generation,
    get<T>(id: string, variant: string, caller: Owner) {
      const variants = records.get(id);
      const entry = variants?.get(variant);
      if (!variants || !entry || !owns(caller, entry.owner)) return undefined;
      records.delete(id);
      records.set(id, variants);
      return entry.prepared as Prepared<T>;
    },
    set(id, variant, entry, since) {
      if (since !== generation || costOf(entry.prepared) > maxBytes) return;
      const variants = records.get(id) ?? new Map<string, Cached>();
      records.delete(id);
      // A record keeps a handful of variants (today's date, a few plan queries).
      if (variants.size >= 8 && !variants.has(variant)) {
        const first = variants.entries().next();
        if (!first.done) {
          bytes -= costOf(first.value[1].prepared);
          variants.delete(first.value[0]);
        }
      }
      const previous = variants.get(variant);
      if (previous) bytes -= costOf(previous.prepared);
      variants.set(variant, entry);
      bytes += costOf(entry.prepared);
      records.set(id, variants);
      evict();
    },
    row(id: string, caller: Owner) {
      const entry = rows.get(id);
      if (!entry || !owns(caller, entry.owner)) return undefined;
      rows.delete(id);
      rows.set(id, entry);
      return entry.row;
    },
    keepRow(id, entry, since) {
      if (since !== generation) return;
      rows.delete(id);
      rows.set(id, entry);
      if (rows.size > maxRecords) {
        const oldest = rows.keys().next();
        if (!oldest.done) rows.delete(oldest.value);
      }
    },
    drop(id) {
      generation += 1;
      if (id === undefined) {
        records.clear();
        rows.clear();
        bytes = 0;
      } else {
        remove(id);
        rows.delete(id);
      }
    },
    size: () => ({ records: records.size, bytes }),
  };
}

/**
 * The answer for variant `variant` of record `id`: from `cache` when it holds
 * one `caller` owns, else made by `compute` (which reads the database and
 * checks who may read, throwing for anyone else) and kept. Without a cache,
 * always made.
 */
export async function readThrough<T>(
  cache: ResponseCache | undefined,
  key: { id: string; variant: string; caller: Owner },
  compute: () => Promise<{ value: T; owner: RecordOwner }>,
): Promise<Prepared<T>> {
  const hit = cache?.get<T>(key.id, key.variant, key.caller);
  if (hit) return hit;
  const since = cache?.generation() ?? 0;
  const { value, owner } = await compute();
  const prepared = prepare(value);
  cache?.set(key.id, key.variant, { owner, prepared }, since);
  return prepared;
}
