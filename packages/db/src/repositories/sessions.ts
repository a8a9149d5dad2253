/** Browser sessions (anonymous or signed in), stored by the hash of their token. */
import { and, eq, gt, lte } from 'drizzle-orm';
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
    }): Promise<SessionRow> {
      const [row] = await db
        .insert(sessions)
        .values({
          idHash: input.idHash,
          userId: input.userId,
          createdAt: input.now,
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
