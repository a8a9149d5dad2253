/** Appointments and the consents given with them. */
import { and, asc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../database.js';
import { appointments, consents } from '../schema.js';

/** A stored appointment. */
export type AppointmentRow = typeof appointments.$inferSelect;
/** A stored consent. */
export type ConsentRow = typeof consents.$inferSelect;

/** Reads and writes appointments and consents. */
export function bookingsRepository(db: Db) {
  return {
    /**
     * Inserts a booked appointment. Rejects with the database's exclusion
     * violation (SQLSTATE 23P01) when it overlaps a booked one of the same
     * clinician, buffer included: the caller maps that to a conflict.
     */
    async create(
      input: Omit<typeof appointments.$inferInsert, 'id' | 'createdAt' | 'seriesId'> & {
        id: string;
        seriesId: string;
        now: Date;
      },
    ): Promise<AppointmentRow> {
      const { now, ...values } = input;
      const [row] = await db
        .insert(appointments)
        .values({ ...values, createdAt: now })
        .returning();
      if (!row) throw new Error('insert into appointments returned no row');
      return row;
    },
    async findById(id: string): Promise<AppointmentRow | undefined> {
      const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
      return row;
    },
    /** Locks the appointment's row until the transaction ends. */
    async lock(id: string): Promise<AppointmentRow | undefined> {
      const [row] = await db
        .select()
        .from(appointments)
        .where(eq(appointments.id, id))
        .for('update');
      return row;
    },
    /** Sets the status of a booked appointment; undefined when it was not booked any more. */
    async finish(
      id: string,
      change: { status: 'cancelled' | 'rescheduled'; by: string; at: Date },
    ): Promise<AppointmentRow | undefined> {
      const [row] = await db
        .update(appointments)
        .set({ status: change.status, cancelledBy: change.by, cancelledAt: change.at })
        .where(and(eq(appointments.id, id), eq(appointments.status, 'booked')))
        .returning();
      return row;
    },
    /** The runner's appointments, by start time. */
    async listForRunner(runnerId: string): Promise<AppointmentRow[]> {
      return db
        .select()
        .from(appointments)
        .where(eq(appointments.runnerId, runnerId))
        .orderBy(asc(appointments.startsAt), asc(appointments.createdAt));
    },
    /** Booked appointments of a clinic that block any time in `[from, to)`. */
    async listBookedForClinic(clinicId: string, from: Date, to: Date): Promise<AppointmentRow[]> {
      return db
        .select()
        .from(appointments)
        .where(
          and(
            eq(appointments.clinicId, clinicId),
            eq(appointments.status, 'booked'),
            lt(appointments.startsAt, to),
            gt(appointments.blockedUntil, from),
          ),
        )
        .orderBy(asc(appointments.startsAt));
    },
    async createConsent(input: Omit<typeof consents.$inferInsert, 'id'>): Promise<ConsentRow> {
      const [row] = await db.insert(consents).values(input).returning();
      if (!row) throw new Error('insert into consents returned no row');
      return row;
    },
    /** Consents given with these appointments (any state). */
    async consentsForAppointments(ids: readonly string[]): Promise<ConsentRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(consents)
        .where(inArray(consents.appointmentId, [...ids]));
    },
    /** Moves the consent of one appointment to its replacement (on reschedule). */
    async moveConsent(fromAppointmentId: string, toAppointmentId: string): Promise<void> {
      await db
        .update(consents)
        .set({ appointmentId: toAppointmentId })
        .where(and(eq(consents.appointmentId, fromAppointmentId), isNull(consents.revokedAt)));
    },
  };
}
