/**
 * Throttling in the database: a fixed-window counter per key, counted with
 * one atomic upsert (`rate_limits`), so that every server process on one
 * PostgreSQL (or the one on PGlite) shares the count, and concurrent requests
 * cannot all pass a limit. An attempt is counted before the work it guards
 * (the password hash), never after.
 */
import { createHash } from 'node:crypto';
import type { RateLimitsRepository } from '@backtrack/db';

/** Counts attempts per key within a window. */
export interface RateLimiter {
  /**
   * Counts one attempt for `key`; returns undefined when it is within the
   * limit, or the seconds until the key may try again when it is over.
   */
  hit(key: string, now: Date): Promise<number | undefined>;
  /** Takes back one attempt counted for `key` (one that turned out not to count, such as a correct password). */
  release(key: string, now: Date): Promise<void>;
  /** Forgets every key that starts with `prefix` (for example an account's login locks). */
  reset(prefix: string): Promise<void>;
}

/** A limit: `limit` attempts per `windowMs` for each key. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** A limiter over the `rate_limits` table. */
export function databaseLimiter(repo: RateLimitsRepository, options: RateLimit): RateLimiter {
  return {
    async hit(key, now) {
      const window = await repo.hit(key, now, options.windowMs);
      if (window.count <= options.limit) return undefined;
      return Math.max(1, Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000));
    },
    release: (key, now) => repo.release(key, now),
    reset: (prefix) => repo.reset(prefix),
  };
}

/**
 * A short digest of an email or address for a limiter key: the table holds
 * no personal data in the clear, and keys stay a fixed size.
 */
export function keyPart(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}

/**
 * Counts one attempt against each limiter in turn. When one is over its
 * limit, the attempts already counted by the earlier ones are taken back (the
 * request will not be served, so it should not use up their allowance) and
 * the seconds to wait are returned.
 */
export async function hitAll(
  checks: readonly (readonly [RateLimiter, string])[],
  now: Date,
): Promise<number | undefined> {
  for (const [index, [limiter, key]] of checks.entries()) {
    const wait = await limiter.hit(key, now);
    if (wait !== undefined) {
      for (const [earlier, earlierKey] of checks.slice(0, index))
        await earlier.release(earlierKey, now);
      return wait;
    }
  }
  return undefined;
}
