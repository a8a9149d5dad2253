/**
 * Sessions read from memory instead of the database, for the embedded
 * database only. PGlite runs its queries one at a time on the server's own
 * thread, so the session look-up that starts every signed-in request costs
 * every other request too. PGlite's data folder is locked to one process,
 * so this process sees every write to accounts and sessions: the
 * repositories call `clear()` after each one (`RepositoryHooks`), and an
 * entry also lapses after `ttlMs` and when its session expires. On
 * PostgreSQL, where several processes share the sessions, nothing is cached.
 */
import type { SessionRow, UserRow } from '@backtrack/db';

/** A session found in the database, with its user (null when anonymous). */
export interface FoundSession {
  session: SessionRow;
  user: UserRow | null;
}

/** The cache. */
export interface SessionCache {
  /** A snapshot to hand back to `set`: a clear in between makes the set a no-op. */
  generation(): number;
  /** The session with this token hash if cached, fresh and not expired at `now`. */
  get(idHash: string, now: Date): FoundSession | undefined;
  /** Keeps `found`, unless the cache was cleared since `generation` was taken. */
  set(idHash: string, found: FoundSession, generation: number): void;
  /** Forgets everything (an account or session was written). */
  clear(): void;
  /** How many sessions are held. */
  size(): number;
}

/** A cache of at most `max` sessions, each kept at most `ttlMs`. */
export function sessionCache(options: { ttlMs?: number; max?: number } = {}): SessionCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const max = options.max ?? 10_000;
  const entries = new Map<string, { found: FoundSession; storedAt: number }>();
  let generation = 0;
  return {
    generation: () => generation,
    get(idHash, now) {
      const entry = entries.get(idHash);
      if (!entry) return undefined;
      if (
        performance.now() - entry.storedAt > ttlMs ||
        entry.found.session.expiresAt.getTime() <= now.getTime()
      ) {
        entries.delete(idHash);
        return undefined;
      }
      return entry.found;
    },
    set(idHash, found, since) {
      if (since !== generation) return;
      if (entries.size >= max) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(idHash, { found, storedAt: performance.now() });
    },
    clear() {
      generation += 1;
      entries.clear();
    },
    size: () => entries.size,
  };
}
