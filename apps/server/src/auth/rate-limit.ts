/**
 * A fixed-window counter per key, in memory: enough for one process to slow
 * down password guessing. (Several processes would share it through the
 * database or a cache; not needed yet.)
 */

/** Counts attempts per key within a window. */
export interface RateLimiter {
  /** Seconds until `key` may try again, or undefined if it may now. */
  retryAfter(key: string, now: Date): number | undefined;
  /** Counts one attempt for `key`. */
  hit(key: string, now: Date): void;
  /** Forgets `key` (for example after a successful login). */
  reset(key: string): void;
  /** Takes back one attempt counted for `key` (one that turned out not to count, such as a correct password). */
  release(key: string, now: Date): void;
}

/** A limiter that allows `limit` attempts per `windowMs` for each key. */
export function fixedWindowLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  const current = (key: string, now: Date) => {
    const entry = windows.get(key);
    if (entry && now.getTime() - entry.start < options.windowMs) return entry;
    if (entry) windows.delete(key);
    return undefined;
  };
  return {
    retryAfter(key, now) {
      const entry = current(key, now);
      if (!entry || entry.count < options.limit) return undefined;
      return Math.max(1, Math.ceil((entry.start + options.windowMs - now.getTime()) / 1000));
    },
    hit(key, now) {
      const entry = current(key, now);
      if (entry) {
        entry.count += 1;
        return;
      }
      if (windows.size >= maxKeys) {
        // Maps iterate in insertion order: drop the oldest window.
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      windows.set(key, { start: now.getTime(), count: 1 });
    },
    reset(key) {
      windows.delete(key);
    },
    release(key, now) {
      const entry = current(key, now);
      if (entry && entry.count > 0) entry.count -= 1;
    },
  };
}
