/** Queries for reminder mail: who has a plan running on a date and no check-in for it yet. */
import { and, asc, count, desc, eq, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { checkIns, plans, users } from '../schema.js';

/** A runner's plan that runs on a date and has no check-in for it. */
export interface CheckInDueRow {
  planId: string;
  userId: string;
  email: string;
}

/** Reads what reminder jobs need. */
export function remindersRepository(db: Db) {
  return {
    /**
     * Plans whose days include `date` (start date ≤ date < start + 7 × weeks)
     * with no check-in for `date`: the newest such plan of each runner (of one, with `userId`).
     */
    async plansWithoutCheckIn(
      date: string,
      options: { userId?: string } = {},
    ): Promise<CheckInDueRow[]> {
      const rows = await db
        .select({ planId: plans.id, userId: plans.userId, email: users.email })
        .from(plans)
        .innerJoin(users, eq(users.id, plans.userId))
        .where(
          and(
            options.userId === undefined ? undefined : eq(plans.userId, options.userId),
            lte(plans.startDate, date),
            sql`${plans.startDate} + (7 * jsonb_array_length(${plans.plan} -> 'weeks')) > ${date}::date`,
            notExists(
              db
                .select({ id: checkIns.id })
                .from(checkIns)
                .where(and(eq(checkIns.planId, plans.id), eq(checkIns.date, date))),
            ),
          ),
        )
        .orderBy(asc(plans.userId), desc(plans.createdAt));
      return rows.filter((r, i) => i === 0 || rows[i - 1]?.userId !== r.userId);
    },
    /** Whether any of the runner's plans has a check-in for `date`. */
    async hasCheckInOn(userId: string, date: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(checkIns)
        .innerJoin(plans, eq(plans.id, checkIns.planId))
        .where(and(eq(plans.userId, userId), eq(checkIns.date, date)));
      return (row?.n ?? 0) > 0;
    },
  };
}
