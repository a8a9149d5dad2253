/**
 * The clinician's workspace: a user's memberships, the consents a runner
 * gave (and their revocation), the clinician reads in the audit log, the
 * clinician's appointments, plan edits and outcome measures. No rules here:
 * the server decides who may read what.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../database.js';
import {
  appointments,
  appointmentTypes,
  auditLog,
  clinicMembers,
  clinics,
  consents,
  outcomeMeasures,
  planEdits,
  users,
} from '../schema.js';
import type { ConsentRow } from './bookings.js';
import type { ClinicMemberRow } from './clinics.js';

/** A consent with its clinic's name. */
export type ConsentWithClinicRow = ConsentRow & { clinicName: string };
/** A clinician read in the audit log. */
export type AccessLogRow = {
  id: string;
  action: string;
  targetId: string | null;
  actorName: string | null;
  clinicName: string | null;
  at: Date;
};
/** An appointment with what the clinician's day list shows. */
export type ClinicianAppointmentRow = typeof appointments.$inferSelect & {
  runnerEmail: string;
  appointmentTypeName: string;
  clinicName: string;
  /** The clinic's IANA time zone (the list's dates are local to it). */
  clinicTimeZone: string;
  clinicianName: string;
};
/** A stored plan edit. */
export type PlanEditRow = typeof planEdits.$inferSelect;
/** A stored outcome measure. */
export type OutcomeRow = typeof outcomeMeasures.$inferSelect;
/** A measure to store; who recorded it is set by the repository method that stores it. */
export type OutcomeInsert = Omit<
  typeof outcomeMeasures.$inferInsert,
  'id' | 'recordedBy' | 'recordedByRole' | 'recordedByName'
>;

/** The workspace repository. */
export function workspaceRepository(db: Db) {
  return {
    /** Every clinic membership of a user. */
    async membershipsOf(userId: string): Promise<ClinicMemberRow[]> {
      return db
        .select()
        .from(clinicMembers)
        .where(eq(clinicMembers.userId, userId))
        .orderBy(asc(clinicMembers.createdAt));
    },
    /** The runner's consents to these clinics that are not revoked. */
    async activeConsents(runnerId: string, clinicIds: readonly string[]): Promise<ConsentRow[]> {
      if (clinicIds.length === 0) return [];
      return db
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.runnerId, runnerId),
            inArray(consents.clinicId, [...clinicIds]),
            isNull(consents.revokedAt),
          ),
        );
    },
    /** Every consent the runner gave, newest first, with the clinic's name. */
    async consentsOf(runnerId: string): Promise<ConsentWithClinicRow[]> {
      const rows = await db
        .select({ consent: consents, clinicName: clinics.name })
        .from(consents)
        .innerJoin(clinics, eq(clinics.id, consents.clinicId))
        .where(eq(consents.runnerId, runnerId))
        .orderBy(desc(consents.grantedAt), asc(consents.id));
      return rows.map((r) => ({ ...r.consent, clinicName: r.clinicName }));
    },
    /** Revokes one of the runner's consents; undefined when it is not theirs. Revoking twice keeps the first time. */
    async revokeConsent(id: string, runnerId: string, at: Date): Promise<ConsentRow | undefined> {
      const [revoked] = await db
        .update(consents)
        .set({ revokedAt: at })
        .where(
          and(eq(consents.id, id), eq(consents.runnerId, runnerId), isNull(consents.revokedAt)),
        )
        .returning();
      if (revoked) return revoked;
      const [row] = await db
        .select()
        .from(consents)
        .where(and(eq(consents.id, id), eq(consents.runnerId, runnerId)));
      return row;
    },
    /** Records clinician reads of a runner's data, one row per item. */
    async recordReads(input: {
      runnerId: string;
      member: ClinicMemberRow;
      items: readonly string[];
      at: Date;
    }): Promise<void> {
      if (input.items.length === 0) return;
      await db.insert(auditLog).values(
        input.items.map((item) => ({
          userId: input.runnerId,
          action: 'clinician.read',
          targetId: item,
          actorMemberId: input.member.id,
          actorName: input.member.displayName,
          at: input.at,
        })),
      );
    },
    /** Records one clinician action on a runner's record (a plan edit), for the runner's access log. */
    async recordAction(input: {
      runnerId: string;
      member: ClinicMemberRow;
      action: string;
      targetId: string;
      at: Date;
    }): Promise<void> {
      await db.insert(auditLog).values({
        userId: input.runnerId,
        action: input.action,
        targetId: input.targetId,
        actorMemberId: input.member.id,
        actorName: input.member.displayName,
        at: input.at,
      });
    },
    /** The clinician reads and edits of a runner's data, newest first. */
    async accessLog(runnerId: string): Promise<AccessLogRow[]> {
      return db
        .select({
          id: auditLog.id,
          action: auditLog.action,
          targetId: auditLog.targetId,
          actorName: auditLog.actorName,
          clinicName: clinics.name,
          at: auditLog.at,
        })
        .from(auditLog)
        .leftJoin(clinicMembers, eq(clinicMembers.id, auditLog.actorMemberId))
        .leftJoin(clinics, eq(clinics.id, clinicMembers.clinicId))
        .where(and(eq(auditLog.userId, runnerId), isNotNull(auditLog.actorName)))
        .orderBy(desc(auditLog.at), desc(auditLog.id));
    },
    /** Booked appointments of these clinicians starting in `[from, to)`. */
    async appointmentsOf(
      memberIds: readonly string[],
      from: Date,
      to: Date,
    ): Promise<ClinicianAppointmentRow[]> {
      if (memberIds.length === 0) return [];
      const rows = await db
        .select({
          appointment: appointments,
          runnerEmail: users.email,
          appointmentTypeName: appointmentTypes.name,
          clinicName: clinics.name,
          clinicTimeZone: clinics.timeZone,
          clinicianName: clinicMembers.displayName,
        })
        .from(appointments)
        .innerJoin(users, eq(users.id, appointments.runnerId))
        .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
        .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
        .innerJoin(clinicMembers, eq(clinicMembers.id, appointments.clinicianId))
        .where(
          and(
            inArray(appointments.clinicianId, [...memberIds]),
            eq(appointments.status, 'booked'),
            gte(appointments.startsAt, from),
            lt(appointments.startsAt, to),
          ),
        )
        .orderBy(asc(appointments.startsAt), asc(appointments.id));
      return rows.map((r) => ({
        ...r.appointment,
        runnerEmail: r.runnerEmail,
        appointmentTypeName: r.appointmentTypeName,
        clinicName: r.clinicName,
        clinicTimeZone: r.clinicTimeZone,
        clinicianName: r.clinicianName,
      }));
    },
    /** Stores one clinician edit of a plan. */
    async addPlanEdit(input: Omit<typeof planEdits.$inferInsert, 'id'>): Promise<PlanEditRow> {
      const [row] = await db.insert(planEdits).values(input).returning();
      if (!row) throw new Error('insert into plan_edits returned no row');
      return row;
    },
    /** A plan's edits in the order they were made. */
    async planEditsOf(planId: string): Promise<PlanEditRow[]> {
      return db
        .select()
        .from(planEdits)
        .where(eq(planEdits.planId, planId))
        .orderBy(asc(planEdits.createdAt), asc(planEdits.id));
    },
    /** Stores a measure the runner recorded themself. */
    async addOutcome(input: OutcomeInsert): Promise<OutcomeRow> {
      const [row] = await db
        .insert(outcomeMeasures)
        .values({ ...input, recordedBy: null, recordedByRole: 'runner', recordedByName: null })
        .returning();
      if (!row) throw new Error('insert into outcome_measures returned no row');
      return row;
    },
    /** The runner's outcome measures, oldest first. */
    async outcomesOf(runnerId: string): Promise<OutcomeRow[]> {
      return db
        .select()
        .from(outcomeMeasures)
        .where(eq(outcomeMeasures.runnerId, runnerId))
        .orderBy(asc(outcomeMeasures.recordedAt), asc(outcomeMeasures.id));
    },
    /**
     * Stores a clinician's outcome measure, with their role and display name
     * so the record keeps who took it after their account is deleted, and its
     * entry in the runner's access log, in one statement each.
     */
    async addClinicianOutcome(input: OutcomeInsert, member: ClinicMemberRow): Promise<OutcomeRow> {
      const [row] = await db
        .insert(outcomeMeasures)
        .values({
          ...input,
          recordedBy: member.userId,
          recordedByRole: 'clinician',
          recordedByName: member.displayName,
        })
        .returning();
      if (!row) throw new Error('insert into outcome_measures returned no row');
      await db.insert(auditLog).values({
        userId: input.runnerId,
        action: 'clinician.outcome',
        targetId: input.instrument,
        actorMemberId: member.id,
        actorName: member.displayName,
        at: input.recordedAt,
      });
      return row;
    },
  };
}
