/** Assessments (interview state and result). */
import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { assessments } from '../schema.js';

/** A stored assessment. */
export type AssessmentRow = typeof assessments.$inferSelect;

/** Who is asking: a signed-in user and/or an anonymous session. */
export interface Owner {
  userId: string | null;
  sessionIdHash: string | null;
}

/** The fields an interview step changes. */
export type AssessmentChanges = Pick<
  AssessmentRow,
  'answers' | 'asked' | 'status' | 'endedBecause' | 'result' | 'trainingAnswers'
>;

/** Rows the owner may see: their user's, or their session's while no user has claimed them. */
function ownedBy(owner: Owner): SQL | undefined {
  const byUser = owner.userId === null ? undefined : eq(assessments.userId, owner.userId);
  const bySession =
    owner.sessionIdHash === null
      ? undefined
      : and(isNull(assessments.userId), eq(assessments.sessionId, owner.sessionIdHash));
  return or(byUser, bySession);
}

/** Reads and writes assessments. */
export function assessmentsRepository(db: Db) {
  return {
    async create(input: {
      owner: Owner;
      mode: AssessmentRow['mode'];
      now: Date;
    }): Promise<AssessmentRow> {
      const [row] = await db
        .insert(assessments)
        .values({
          userId: input.owner.userId,
          sessionId: input.owner.userId === null ? input.owner.sessionIdHash : null,
          mode: input.mode,
          status: 'in_progress',
          answers: {},
          asked: [],
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning();
      if (!row) throw new Error('insert into assessments returned no row');
      return row;
    },
    /** The assessment if this owner may see it, else undefined. */
    async findForOwner(id: string, owner: Owner): Promise<AssessmentRow | undefined> {
      const mine = ownedBy(owner);
      if (mine === undefined) return undefined;
      const [row] = await db
        .select()
        .from(assessments)
        .where(and(eq(assessments.id, id), mine));
      return row;
    },
    /**
     * Saves an interview step if the row is still at `expectedVersion`;
     * undefined when another request changed it first.
     */
    async update(
      id: string,
      expectedVersion: number,
      changes: AssessmentChanges,
      now: Date,
    ): Promise<AssessmentRow | undefined> {
      const [row] = await db
        .update(assessments)
        .set({ ...changes, version: expectedVersion + 1, updatedAt: now })
        .where(and(eq(assessments.id, id), eq(assessments.version, expectedVersion)))
        .returning();
      return row;
    },
    /** Gives a session's unclaimed assessments to a user; returns how many. */
    async claim(sessionIdHash: string, userId: string): Promise<number> {
      const claimed = await db
        .update(assessments)
        .set({ userId, sessionId: null })
        .where(and(eq(assessments.sessionId, sessionIdHash), isNull(assessments.userId)))
        .returning({ id: assessments.id });
      return claimed.length;
    },
    async listForUser(userId: string): Promise<AssessmentRow[]> {
      return db
        .select()
        .from(assessments)
        .where(eq(assessments.userId, userId))
        .orderBy(asc(assessments.createdAt), asc(assessments.id));
    },
  };
}
/** The assessments repository. */
export type AssessmentsRepository = ReturnType<typeof assessmentsRepository>;
