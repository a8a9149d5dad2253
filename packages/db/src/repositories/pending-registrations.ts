/**
 * Registrations waiting for their address to be confirmed, stored by the
 * SHA-256 of the token sent by mail.
 */
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../database.js';
import { pendingRegistrations } from '../schema.js';

/** A pending registration as redeemed. */
export interface PendingRegistrationRow {
  email: string;
  passwordHash: string;
  anonymousSessionHash: string | null;
}

/** Stores and redeems pending registrations. */
export function pendingRegistrationsRepository(db: Db) {
  return {
    async create(input: {
      tokenHash: string;
      email: string;
      passwordHash: string;
      anonymousSessionHash: string | null;
      now: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(pendingRegistrations).values({
        tokenHash: input.tokenHash,
        email: input.email,
        passwordHash: input.passwordHash,
        anonymousSessionHash: input.anonymousSessionHash,
        createdAt: input.now,
        expiresAt: input.expiresAt,
      });
    },
    /**
     * Deletes the pending registration in one statement if it has not
     * expired, and returns it; of two concurrent redemptions only one gets it.
     */
    async redeem(tokenHash: string, now: Date): Promise<PendingRegistrationRow | undefined> {
      const [row] = await db
        .delete(pendingRegistrations)
        .where(
          and(
            eq(pendingRegistrations.tokenHash, tokenHash),
            gt(pendingRegistrations.expiresAt, now),
          ),
        )
        .returning({
          email: pendingRegistrations.email,
          passwordHash: pendingRegistrations.passwordHash,
          anonymousSessionHash: pendingRegistrations.anonymousSessionHash,
        });
      return row;
    },
    /** How many unexpired registrations wait for this address (to bound the mails one address gets). */
    async countForEmail(email: string, now: Date): Promise<number> {
      const rows = await db
        .select({ tokenHash: pendingRegistrations.tokenHash })
        .from(pendingRegistrations)
        .where(and(eq(pendingRegistrations.email, email), gt(pendingRegistrations.expiresAt, now)));
      return rows.length;
    },
    /** Deletes every pending registration of the address (once one link has made the account). */
    async deleteForEmail(email: string): Promise<void> {
      await db.delete(pendingRegistrations).where(eq(pendingRegistrations.email, email));
    },
    /** Deletes registrations that expired at or before `now`; returns how many. */
    async deleteExpired(now: Date): Promise<number> {
      const deleted = await db
        .delete(pendingRegistrations)
        .where(lte(pendingRegistrations.expiresAt, now))
        .returning({ tokenHash: pendingRegistrations.tokenHash });
      return deleted.length;
    },
  };
}
/** The pending registrations repository. */
export type PendingRegistrationsRepository = ReturnType<typeof pendingRegistrationsRepository>;
