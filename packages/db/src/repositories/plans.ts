/** Saved plans with their check-ins and adaptations. */
import { and, asc, count, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../database.js';
import { adaptations, checkIns, plans, users } from '../schema.js';

/** A stored plan. */
export type PlanRow = typeof plans.$inferSelect;
/** A stored check-in. */
export type CheckInRow = typeof checkIns.$inferSelect;
/** A stored adaptation. */
export type AdaptationRow = typeof adaptations.$inferSelect;
/** A plan row with the number of its check-ins, for lists. */
export type PlanListRow = PlanRow & { checkInCount: number };

/** Reads and writes plans, check-ins and adaptations. */
export function plansRepository(db: Db) {
  return {
    async create(
      input: Omit<typeof plans.$inferInsert, 'id' | 'createdAt'> & { now: Date },
    ): Promise<PlanRow> {
      const { now, ...values } = input;
      const [row] = await db
        .insert(plans)
        .values({ ...values, createdAt: now })
        .returning();
      if (!row) throw new Error('insert into plans returned no row');
      return row;
    },
    /**
     * Locks the user's row until the transaction ends, so that plans saved at
     * the same time by one account are checked one after the other (call inside
     * a transaction).
     */
    async lockOwner(userId: string): Promise<void> {
      await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    },
    /** The user's plans made from this assessment with this start date, newest first. */
    async findSame(userId: string, assessmentId: string, startDate: string): Promise<PlanRow[]> {
      return db
        .select()
        .from(plans)
        .where(
          and(
            eq(plans.userId, userId),
            eq(plans.assessmentId, assessmentId),
            eq(plans.startDate, startDate),
          ),
        )
        .orderBy(desc(plans.createdAt));
    },
    /** How many plans the user has. */
    async countForUser(userId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(plans).where(eq(plans.userId, userId));
      return row?.n ?? 0;
    },
    /** The plan if it belongs to this user, else undefined. */
    async findForUser(id: string, userId: string): Promise<PlanRow | undefined> {
      const [row] = await db
        .select()
        .from(plans)
        .where(and(eq(plans.id, id), eq(plans.userId, userId)));
      return row;
    },
    /** The plan with its check-ins (by date) and adaptations (by week), in one query; undefined unless it belongs to this user. */
    async findForUserWithDetails(
      id: string,
      userId: string,
    ): Promise<(PlanRow & { checkIns: CheckInRow[]; adaptations: AdaptationRow[] }) | undefined> {
      return db.query.plans.findFirst({
        where: and(eq(plans.id, id), eq(plans.userId, userId)),
        with: {
          checkIns: { orderBy: [asc(checkIns.date)] },
          adaptations: { orderBy: [asc(adaptations.week)] },
        },
      });
    },
    /** The id of the user's newest plan (the one `listForUser` puts first), if any. */
    async newestIdForUser(userId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ id: plans.id })
        .from(plans)
        .where(eq(plans.userId, userId))
        .orderBy(desc(plans.createdAt), desc(plans.id))
        .limit(1);
      return row?.id;
    },
    /** The user's plans, newest first, each with its number of check-ins. */
    async listForUser(userId: string): Promise<PlanListRow[]> {
      const rows = await db
        .select()
        .from(plans)
        .where(eq(plans.userId, userId))
        .orderBy(desc(plans.createdAt), desc(plans.id));
      if (rows.length === 0) return [];
      const counts = await db
        .select({ planId: checkIns.planId, n: count() })
        .from(checkIns)
        .where(
          inArray(
            checkIns.planId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(checkIns.planId);
      const byPlan = new Map(counts.map((c) => [c.planId, c.n]));
      return rows.map((r) => ({ ...r, checkInCount: byPlan.get(r.id) ?? 0 }));
    },
    /**
     * Locks the plan's row until the transaction ends (`SELECT … FOR UPDATE`),
     * so that two check-ins to one plan at the same time rebuild its
     * adaptations one after the other (call inside a transaction).
     */
    async lock(planId: string): Promise<void> {
      await db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId)).for('update');
    },
    /** Adds a check-in; undefined when the plan already has one for that date. */
    async addCheckIn(
      input: Omit<typeof checkIns.$inferInsert, 'id' | 'createdAt'> & { now: Date },
    ): Promise<CheckInRow | undefined> {
      const { now, ...values } = input;
      const [row] = await db
        .insert(checkIns)
        .values({ ...values, createdAt: now })
        .onConflictDoNothing({ target: [checkIns.planId, checkIns.date] })
        .returning();
      return row;
    },
    /** A plan's check-ins by date. */
    async listCheckIns(planId: string): Promise<CheckInRow[]> {
      return db
        .select()
        .from(checkIns)
        .where(eq(checkIns.planId, planId))
        .orderBy(asc(checkIns.date));
    },
    /** Every check-in of the user's plans, by date (then by the plan's age, oldest first). */
    async listCheckInsForUser(userId: string): Promise<CheckInRow[]> {
      const rows = await db
        .select({ checkIn: checkIns })
        .from(checkIns)
        .innerJoin(plans, eq(checkIns.planId, plans.id))
        .where(eq(plans.userId, userId))
        .orderBy(asc(checkIns.date), asc(plans.createdAt), asc(checkIns.createdAt));
      return rows.map((r) => r.checkIn);
    },
    /** A plan's adaptations by week. */
    async listAdaptations(planId: string): Promise<AdaptationRow[]> {
      return db
        .select()
        .from(adaptations)
        .where(eq(adaptations.planId, planId))
        .orderBy(asc(adaptations.week));
    },
    /** Replaces the plan's adaptations from `fromWeek` on with `rows` (call inside a transaction). */
    async replaceAdaptationsFrom(
      planId: string,
      fromWeek: number,
      rows: readonly Omit<typeof adaptations.$inferInsert, 'id' | 'planId' | 'createdAt'>[],
      now: Date,
    ): Promise<AdaptationRow[]> {
      await db
        .delete(adaptations)
        .where(and(eq(adaptations.planId, planId), gte(adaptations.week, fromWeek)));
      if (rows.length === 0) return [];
      return db
        .insert(adaptations)
        .values(rows.map((r) => ({ ...r, planId, createdAt: now })))
        .returning();
    },
  };
}
/** The plans repository. */
export type PlansRepository = ReturnType<typeof plansRepository>;
