/** Assessments (interview state and result). */
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
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

const id = sql.placeholder('id');
const userId = sql.placeholder('userId');
const sessionId = sql.placeholder('sessionId');

/** A nullable jsonb value as a statement parameter (SQL NULL stays NULL, not JSON null). */
const jsonOrNull = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * The statements of an interview step, built once per client: the look-up by
 * each kind of owner (rows the owner may see: their user's, or their
 * session's while no user has claimed them) and the versioned update (drizzle's `.prepare`, so the
 * query is not rebuilt on every request).
 */
function statements(db: Db) {
  const byId = eq(assessments.id, id);
  const byUser = eq(assessments.userId, userId);
  const bySession = and(isNull(assessments.userId), eq(assessments.sessionId, sessionId));
  return {
    findByUser: db
      .select()
      .from(assessments)
      .where(and(byId, byUser))
      .prepare('assessment_by_user'),
    findBySession: db
      .select()
      .from(assessments)
      .where(and(byId, bySession))
      .prepare('assessment_by_session'),
    findByEither: db
      .select()
      .from(assessments)
      .where(and(byId, or(byUser, bySession)))
      .prepare('assessment_by_user_or_session'),
    update: db
      .update(assessments)
      .set({
        // Raw placeholders are sent as given: the values come encoded (`execute` below).
        answers: sql`${sql.placeholder('answers')}::jsonb`,
        asked: sql`${sql.placeholder('asked')}::jsonb`,
        status: sql`${sql.placeholder('status')}`,
        endedBecause: sql`${sql.placeholder('endedBecause')}`,
        result: sql`${sql.placeholder('result')}::jsonb`,
        trainingAnswers: sql`${sql.placeholder('trainingAnswers')}::jsonb`,
        version: sql`${sql.placeholder('version')}::integer`,
        updatedAt: sql`${sql.placeholder('now')}::timestamptz`,
      })
      .where(and(byId, eq(assessments.version, sql.placeholder('expected'))))
      .returning({ version: assessments.version })
      .prepare('assessment_update'),
  };
}

/** Reads and writes assessments. */
export function assessmentsRepository(db: Db) {
  let prepared: ReturnType<typeof statements> | undefined;
  const hot = () => (prepared ??= statements(db));
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
      const { userId, sessionIdHash: sessionId } = owner;
      const [row] =
        userId !== null && sessionId !== null
          ? await hot().findByEither.execute({ id, userId, sessionId })
          : userId !== null
            ? await hot().findByUser.execute({ id, userId })
            : sessionId !== null
              ? await hot().findBySession.execute({ id, sessionId })
              : [];
      return row;
    },
    /**
     * Saves an interview step over `row` if the stored row is still at its
     * version, and returns the row as saved (at the next version); undefined
     * when another request changed it first. Only the version comes back
     * from the database: the rest is what was written.
     */
    async update(
      row: AssessmentRow,
      changes: AssessmentChanges,
      now: Date,
    ): Promise<AssessmentRow | undefined> {
      const expectedVersion = row.version;
      const [saved] = await hot().update.execute({
        id: row.id,
        expected: expectedVersion,
        answers: JSON.stringify(changes.answers),
        asked: JSON.stringify(changes.asked),
        status: changes.status,
        endedBecause: changes.endedBecause,
        result: jsonOrNull(changes.result),
        trainingAnswers: jsonOrNull(changes.trainingAnswers),
        version: expectedVersion + 1,
        now: now.toISOString(),
      });
      return saved === undefined
        ? undefined
        : { ...row, ...changes, version: saved.version, updatedAt: now };
    },
    /**
     * Gives a session's unclaimed assessments to a user; returns how many.
     * Each claimed row moves to its next version, so a copy of it read
     * before the claim can no longer be saved over it.
     */
    async claim(sessionIdHash: string, userId: string): Promise<number> {
      const claimed = await db
        .update(assessments)
        .set({ userId, sessionId: null, version: sql`${assessments.version} + 1` })
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
