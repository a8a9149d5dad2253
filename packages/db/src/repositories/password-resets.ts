/** Password reset tokens, stored by the SHA-256 of the token sent by mail. */
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../database.js';
import { passwordResets } from '../schema.js';

/** Stores and redeems password reset tokens. */
export function passwordResetsRepository(db: Db) {
  return {
    async create(input: {
      tokenHash: string;
      userId: string;
      now: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(passwordResets).values({
        tokenHash: input.tokenHash,
        userId: input.userId,
        createdAt: input.now,
        expiresAt: input.expiresAt,
      });
    },
    /** Whether the token exists, is unused and has not expired (a cheap check before hashing). */
    async isUsable(tokenHash: string, now: Date): Promise<boolean> {
      const [row] = await db
        .select({ tokenHash: passwordResets.tokenHash })
        .from(passwordResets)
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, now),
          ),
        );
      return row !== undefined;
    },
    /**
     * Marks the token used, in one statement, if it is unused and unexpired;
     * returns its user's id, or undefined (unknown, used or expired). Of two
     * concurrent redemptions only one gets the id.
     */
    async redeem(tokenHash: string, now: Date): Promise<string | undefined> {
      const [row] = await db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, now),
          ),
        )
        .returning({ userId: passwordResets.userId });
      return row?.userId;
    },
    /** Deletes every token of the user (after a password change, all outstanding links stop working). */
    async deleteForUser(userId: string): Promise<void> {
      await db.delete(passwordResets).where(eq(passwordResets.userId, userId));
    },
    /** Deletes tokens that expired at or before `now`; returns how many. */
    async deleteExpired(now: Date): Promise<number> {
      const deleted = await db
        .delete(passwordResets)
        .where(lte(passwordResets.expiresAt, now))
        .returning({ tokenHash: passwordResets.tokenHash });
      return deleted.length;
    },
  };
}
/** The password resets repository. */
export type PasswordResetsRepository = ReturnType<typeof passwordResetsRepository>;
