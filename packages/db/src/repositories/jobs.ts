/**
 * The durable job table: enqueue (idempotent by `dedupe_key`), claim due
 * jobs with `FOR UPDATE SKIP LOCKED` (two runners never take the same job),
 * and record the outcome. No rules here: the runner decides retries.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { jobs } from '../schema.js';

/** A stored job. */
export type JobRow = typeof jobs.$inferSelect;

/** Reads and writes jobs. */
export function jobsRepository(db: Db) {
  return {
    /**
     * Schedules a job. With a `dedupeKey` already used, the pending job is
     * moved to the new time and payload (a finished one is left alone);
     * returns the row either way, or undefined when a finished job holds the key.
     */
    async enqueue(input: {
      kind: string;
      payload: Record<string, unknown>;
      runAt: Date;
      dedupeKey?: string;
      maxAttempts?: number;
      now: Date;
    }): Promise<JobRow | undefined> {
      const values = {
        kind: input.kind,
        payload: input.payload,
        runAt: input.runAt,
        dedupeKey: input.dedupeKey ?? null,
        maxAttempts: input.maxAttempts ?? 5,
        createdAt: input.now,
      };
      if (input.dedupeKey === undefined) {
        const [row] = await db.insert(jobs).values(values).returning();
        return row;
      }
      const [row] = await db
        .insert(jobs)
        .values(values)
        .onConflictDoUpdate({
          target: jobs.dedupeKey,
          set: { payload: input.payload, runAt: input.runAt, cancelledAt: null },
          setWhere: sql`${jobs.doneAt} is null and ${jobs.failedAt} is null`,
        })
        .returning();
      return row;
    },
    /**
     * Claims up to `limit` due jobs for `leaseMs`: each claimed job's
     * attempts go up by one and it is hidden from other claimers until the
     * lease ends (a runner that dies mid-job leaves it to be claimed again).
     */
    async claimDue(now: Date, limit: number, leaseMs: number): Promise<JobRow[]> {
      const due = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            isNull(jobs.doneAt),
            isNull(jobs.failedAt),
            isNull(jobs.cancelledAt),
            lte(jobs.runAt, now),
            or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now)),
          ),
        )
        .orderBy(asc(jobs.runAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(jobs)
        .set({
          attempts: sql`${jobs.attempts} + 1`,
          lockedUntil: new Date(now.getTime() + leaseMs),
        })
        .where(inArray(jobs.id, due))
        .returning();
    },
    async complete(id: string, now: Date): Promise<void> {
      await db.update(jobs).set({ doneAt: now, lockedUntil: null }).where(eq(jobs.id, id));
    },
    /** Records a failure: retried at `retryAt`, or given up (`failed_at`) when that is null. */
    async fail(id: string, error: string, retryAt: Date | null, now: Date): Promise<void> {
      await db
        .update(jobs)
        .set(
          retryAt === null
            ? { lastError: error, failedAt: now, lockedUntil: null }
            : { lastError: error, runAt: retryAt, lockedUntil: null },
        )
        .where(eq(jobs.id, id));
    },
    /** Cancels the pending job with this dedupe key; the number cancelled (0 or 1). */
    async cancelByKey(dedupeKey: string, now: Date): Promise<number> {
      const rows = await db
        .update(jobs)
        .set({ cancelledAt: now })
        .where(and(eq(jobs.dedupeKey, dedupeKey), isNull(jobs.doneAt), isNull(jobs.failedAt)))
        .returning({ id: jobs.id });
      return rows.length;
    },
    async findByKey(dedupeKey: string): Promise<JobRow | undefined> {
      const [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey));
      return row;
    },
    async listByKind(kind: string): Promise<JobRow[]> {
      return db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(asc(jobs.runAt));
    },
  };
}
