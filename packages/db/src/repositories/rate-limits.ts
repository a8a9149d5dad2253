/**
 * Attempt counters for throttling, one fixed window per key. Counting is one
 * atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so concurrent requests
 * in any number of server processes on one database each get a distinct
 * count: none can slip past a limit that another has already reached.
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { rateLimits } from '../schema.js';

/** A key's window after counting: how many attempts so far and when the window ends. */
export interface RateWindow {
  count: number;
  endsAt: Date;
}

/** Counts attempts per key in the database. */
export function rateLimitsRepository(db: Db) {
  return {
    /**
     * Adds one attempt to `key`'s window, starting a new window when there is
     * none or the last one ended at or before `now`; returns the window.
     */
    async hit(key: string, now: Date, windowMs: number): Promise<RateWindow> {
      const endsAt = new Date(now.getTime() + windowMs);
      const open = sql`${rateLimits.expiresAt} > ${now}`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key, windowStart: now, count: 1, expiresAt: endsAt })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${open} then ${rateLimits.count} + 1 else 1 end`,
            windowStart: sql`case when ${open} then ${rateLimits.windowStart} else excluded.window_start end`,
            expiresAt: sql`case when ${open} then ${rateLimits.expiresAt} else excluded.expires_at end`,
          },
        })
        .returning({ count: rateLimits.count, endsAt: rateLimits.expiresAt });
      if (!row) throw new Error('upsert into rate_limits returned no row');
      return row;
    },
    /** Takes one attempt back from `key`'s open window (one that turned out not to count). */
    async release(key: string, now: Date): Promise<void> {
      await db
        .update(rateLimits)
        .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
        .where(and(eq(rateLimits.key, key), gt(rateLimits.expiresAt, now)));
    },
    /** Forgets every key that starts with `prefix` (a whole key is its own prefix). */
    async reset(prefix: string): Promise<void> {
      await db.delete(rateLimits).where(sql`starts_with(${rateLimits.key}, ${prefix})`);
    },
    /** Deletes windows that ended at or before `now`; returns how many. */
    async deleteExpired(now: Date): Promise<number> {
      const deleted = await db
        .delete(rateLimits)
        .where(lte(rateLimits.expiresAt, now))
        .returning({ key: rateLimits.key });
      return deleted.length;
    },
  };
}
/** The rate limits repository. */
export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
