/** Browser sessions (anonymous or signed in), stored by the hash of their token. */
import { and, desc, eq, gt, isNull, lt, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../database.js';
import { sessions, users } from '../schema.js';
import type { UserRow } from './users.js';

/** A stored session. */
export type SessionRow = typeof sessions.$inferSelect;

/** Reads and writes sessions. */
export function sessionsRepository(db: Db) {
  return {
    async create(input: {
      idHash: string;
      userId: string | null;
      now: Date;
      expiresAt: Date;
      /** The browser's User-Agent header, if any (cut to 256 characters). */
      userAgent?: string | undefined;
    }): Promise<SessionRow> {
      const [row] = await db
        .insert(sessions)
        .values({
          idHash: input.idHash,
          userId: input.userId,
          createdAt: input.now,
          lastSeenAt: input.now,
          userAgent: input.userAgent?.slice(0, 256) ?? null,
          expiresAt: input.expiresAt,
        })
        .returning();
      if (!row) throw new Error('insert into sessions returned no row');
      return row;
    },
    /** The session with this token hash, unless it expired at or before `now`. */
    async findActive(idHash: string, now: Date): Promise<SessionRow | undefined> {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
      return row;
    },
    /** The active session with its user (null for an anonymous session), in one query. */
    async findActiveWithUser(
      idHash: string,
      now: Date,
    ): Promise<{ session: SessionRow; user: UserRow | null } | undefined> {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .leftJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
      return row;
    },
    /** The user's active sessions, most recently used first. */
    async listForUser(userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
    },
    /**
     * Records that the session was used at `now`, unless it was already
     * recorded less than `everyMs` before (so most requests write nothing).
     */
    async touch(idHash: string, now: Date, everyMs: number): Promise<void> {
      await db
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(
          and(
            eq(sessions.idHash, idHash),
            or(
              isNull(sessions.lastSeenAt),
              lt(sessions.lastSeenAt, new Date(now.getTime() - everyMs)),
            ),
          ),
        );
    },
    /** Ends the user's session with public id `id`; returns its token hash, or undefined when the user has no such session. */
    async deleteForUserById(userId: string, id: string): Promise<string | undefined> {
      const [row] = await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
        .returning({ idHash: sessions.idHash });
      return row?.idHash;
    },
    /** Ends every session of the user, but the one with token hash `except` if given; returns how many. */
    async deleteForUser(
      userId: string,
      options: { except?: string | undefined } = {},
    ): Promise<number> {
      const deleted = await db
        .delete(sessions)
        .where(
          and(
            eq(sessions.userId, userId),
            options.except === undefined ? undefined : ne(sessions.idHash, options.except),
          ),
        )
        .returning({ idHash: sessions.idHash });
      return deleted.length;
    },
    async delete(idHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    /** Deletes sessions that expired at or before `now` (with their anonymous assessments); returns how many. */
    async deleteExpired(now: Date): Promise<number> {
      const deleted = await db
        .delete(sessions)
        .where(lte(sessions.expiresAt, now))
        .returning({ idHash: sessions.idHash });
      return deleted.length;
    },
  };
}
/** The sessions repository. */
export type SessionsRepository = ReturnType<typeof sessionsRepository>;
