/** Imported activities and the runner's shoe reminders. */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { activities, shoes } from '../schema.js';

/** A stored activity with its laps and series. */
export type ActivityRow = typeof activities.$inferSelect;
/** An activity to store. */
export type NewActivityRow = Omit<typeof activities.$inferInsert, 'id' | 'createdAt'>;
/** A stored activity without laps and series, for lists. */
export type ActivitySummaryRow = Omit<ActivityRow, 'laps' | 'series'>;
/** What duplicate detection needs of a stored activity. */
export type ActivityKeyRow = Pick<
  ActivityRow,
  'id' | 'contentId' | 'sport' | 'startTime' | 'distanceM'
>;
/** A stored shoe setting. */
export type ShoeRow = typeof shoes.$inferSelect;

/** Every column but laps and series. */
const summaryColumns = {
  id: activities.id,
  userId: activities.userId,
  contentId: activities.contentId,
  source: activities.source,
  sport: activities.sport,
  subSport: activities.subSport,
  name: activities.name,
  startTime: activities.startTime,
  durationS: activities.durationS,
  movingTimeS: activities.movingTimeS,
  distanceM: activities.distanceM,
  elevationGainM: activities.elevationGainM,
  elevationLossM: activities.elevationLossM,
  avgHeartRateBpm: activities.avgHeartRateBpm,
  maxHeartRateBpm: activities.maxHeartRateBpm,
  avgCadenceSpm: activities.avgCadenceSpm,
  avgPowerW: activities.avgPowerW,
  dynamics: activities.dynamics,
  shoe: activities.shoe,
  device: activities.device,
  file: activities.file,
  externalId: activities.externalId,
  warnings: activities.warnings,
  createdAt: activities.createdAt,
};

/** Newest first; activities without a start time last. */
const newestFirst = [
  sql`${activities.startTime} desc nulls last`,
  desc(activities.createdAt),
  desc(activities.id),
];

/** Reads and writes imported activities. */
export function activitiesRepository(db: Db) {
  return {
    /**
     * Stores activities; one whose content id the user already has is
     * skipped. Returns the rows stored.
     */
    async insertMany(rows: readonly NewActivityRow[], now: Date): Promise<ActivitySummaryRow[]> {
      if (rows.length === 0) return [];
      return db
        .insert(activities)
        .values(rows.map((r) => ({ ...r, createdAt: now })))
        .onConflictDoNothing({ target: [activities.userId, activities.contentId] })
        .returning(summaryColumns);
    },
    /** The start, distance and sport of every activity of the user (for duplicate detection). */
    async listKeys(userId: string): Promise<ActivityKeyRow[]> {
      return db
        .select({
          id: activities.id,
          contentId: activities.contentId,
          sport: activities.sport,
          startTime: activities.startTime,
          distanceM: activities.distanceM,
        })
        .from(activities)
        .where(eq(activities.userId, userId));
    },
    /** One page of the user's activities, newest first, without laps and series; and how many there are. */
    async listPage(
      userId: string,
      page: { limit: number; offset: number },
    ): Promise<{ rows: ActivitySummaryRow[]; total: number }> {
      const rows = await db
        .select(summaryColumns)
        .from(activities)
        .where(eq(activities.userId, userId))
        .orderBy(...newestFirst)
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db
        .select({ n: count() })
        .from(activities)
        .where(eq(activities.userId, userId));
      return { rows, total: total?.n ?? 0 };
    },
    /**
     * Every activity of the user for the analytics, oldest first, without
     * laps; the series only of activities starting at or after
     * `seriesSince` (hill measures need it, old runs do not).
     */
    async listForAnalysis(
      userId: string,
      options: { seriesSince: Date },
    ): Promise<(ActivitySummaryRow & { series: ActivityRow['series'] })[]> {
      const recent: SQL | undefined = and(
        isNotNull(activities.startTime),
        gte(activities.startTime, options.seriesSince),
      );
      return db
        .select({
          ...summaryColumns,
          series: sql<ActivityRow['series']>`case when ${recent} then ${activities.series} end`,
        })
        .from(activities)
        .where(eq(activities.userId, userId))
        .orderBy(sql`${activities.startTime} asc nulls first`, asc(activities.id));
    },
    /**
     * The user's activities with laps and series, newest first (for the
     * export): all of them, or one page, so a large history is streamed.
     */
    async listAllForUser(
      userId: string,
      page?: { limit: number; offset: number },
    ): Promise<ActivityRow[]> {
      const mine = eq(activities.userId, userId);
      if (!page)
        return db
          .select()
          .from(activities)
          .where(mine)
          .orderBy(...newestFirst);
      // The page's ids first: the sort then moves narrow rows, not every activity's series.
      const ids = db
        .select({ id: activities.id })
        .from(activities)
        .where(mine)
        .orderBy(...newestFirst)
        .limit(page.limit)
        .offset(page.offset);
      return db
        .select()
        .from(activities)
        .where(and(mine, inArray(activities.id, ids)))
        .orderBy(...newestFirst);
    },
    /** The activity if it belongs to this user, else undefined. */
    async findForUser(id: string, userId: string): Promise<ActivityRow | undefined> {
      const [row] = await db
        .select()
        .from(activities)
        .where(and(eq(activities.id, id), eq(activities.userId, userId)));
      return row;
    },
    /** Deletes the activity if it belongs to this user; true when it did. */
    async deleteForUser(id: string, userId: string): Promise<boolean> {
      const deleted = await db
        .delete(activities)
        .where(and(eq(activities.id, id), eq(activities.userId, userId)))
        .returning({ id: activities.id });
      return deleted.length > 0;
    },
    /** Whether the user has imported anything. */
    async hasAny(userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: activities.id })
        .from(activities)
        .where(eq(activities.userId, userId))
        .limit(1);
      return row !== undefined;
    },
  };
}
/** The activities repository. */
export type ActivitiesRepository = ReturnType<typeof activitiesRepository>;

/** Reads and writes the runner's shoe settings. */
export function shoesRepository(db: Db) {
  return {
    /** Sets (or, with null, clears) the reminder distance of a shoe; returns the row. */
    async setReminder(
      userId: string,
      name: string,
      reminderKm: number | null,
      now: Date,
    ): Promise<ShoeRow> {
      const [row] = await db
        .insert(shoes)
        .values({ userId, name, reminderKm, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [shoes.userId, shoes.name],
          set: { reminderKm, updatedAt: now },
        })
        .returning();
      if (!row) throw new Error('upsert into shoes returned no row');
      return row;
    },
    async listForUser(userId: string): Promise<ShoeRow[]> {
      return db.select().from(shoes).where(eq(shoes.userId, userId)).orderBy(asc(shoes.name));
    },
  };
}
/** The shoes repository. */
export type ShoesRepository = ReturnType<typeof shoesRepository>;
