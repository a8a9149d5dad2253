/** Clinics, their members, invitations, appointment types, working hours and absences. */
import { and, asc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../database.js';
import {
  appointmentTypes,
  availabilityExceptions,
  clinicInvitations,
  clinicMembers,
  clinics,
  users,
  workingHours,
  type ClinicRole,
} from '../schema.js';

/** A stored clinic. */
export type ClinicRow = typeof clinics.$inferSelect;
/** A stored membership. */
export type ClinicMemberRow = typeof clinicMembers.$inferSelect;
/** A membership with the member's email. */
export type ClinicMemberWithEmailRow = ClinicMemberRow & { email: string };
/** A stored invitation. */
export type ClinicInvitationRow = typeof clinicInvitations.$inferSelect;
/** A stored appointment type. */
export type AppointmentTypeRow = typeof appointmentTypes.$inferSelect;
/** A stored block of weekly working hours. */
export type WorkingHoursRow = typeof workingHours.$inferSelect;
/** A stored absence or holiday. */
export type AvailabilityExceptionRow = typeof availabilityExceptions.$inferSelect;

function one<T>(rows: T[], table: string): T {
  const [row] = rows;
  if (!row) throw new Error(`insert into ${table} returned no row`);
  return row;
}

/** Reads and writes clinics and what belongs to them. */
export function clinicsRepository(db: Db) {
  return {
    async create(
      input: Omit<typeof clinics.$inferInsert, 'id' | 'createdAt'> & { now: Date },
    ): Promise<ClinicRow> {
      const { now, ...values } = input;
      return one(
        await db
          .insert(clinics)
          .values({ ...values, createdAt: now })
          .returning(),
        'clinics',
      );
    },
    async findById(id: string): Promise<ClinicRow | undefined> {
      const [row] = await db.select().from(clinics).where(eq(clinics.id, id));
      return row;
    },
    async findByName(name: string): Promise<ClinicRow | undefined> {
      const [row] = await db.select().from(clinics).where(eq(clinics.name, name));
      return row;
    },
    /** Every clinic by name. */
    async list(): Promise<ClinicRow[]> {
      return db.select().from(clinics).orderBy(asc(clinics.name), asc(clinics.id));
    },
    async addMember(input: {
      clinicId: string;
      userId: string;
      role: ClinicRole;
      displayName: string;
      now: Date;
    }): Promise<ClinicMemberRow> {
      const { now, ...values } = input;
      const [row] = await db
        .insert(clinicMembers)
        .values({ ...values, createdAt: now })
        .onConflictDoUpdate({
          target: [clinicMembers.clinicId, clinicMembers.userId],
          set: { role: values.role },
        })
        .returning();
      return one(row ? [row] : [], 'clinic_members');
    },
    async findMember(clinicId: string, userId: string): Promise<ClinicMemberRow | undefined> {
      const [row] = await db
        .select()
        .from(clinicMembers)
        .where(and(eq(clinicMembers.clinicId, clinicId), eq(clinicMembers.userId, userId)));
      return row;
    },
    async findMemberById(id: string): Promise<ClinicMemberRow | undefined> {
      const [row] = await db.select().from(clinicMembers).where(eq(clinicMembers.id, id));
      return row;
    },
    /** The clinic's members with their emails, by name. */
    async listMembers(clinicId: string): Promise<ClinicMemberWithEmailRow[]> {
      const rows = await db
        .select({ member: clinicMembers, email: users.email })
        .from(clinicMembers)
        .innerJoin(users, eq(users.id, clinicMembers.userId))
        .where(eq(clinicMembers.clinicId, clinicId))
        .orderBy(asc(clinicMembers.displayName), asc(clinicMembers.id));
      return rows.map((r) => ({ ...r.member, email: r.email }));
    },
    async createInvitation(
      input: Omit<typeof clinicInvitations.$inferInsert, 'id' | 'createdAt'> & { now: Date },
    ): Promise<ClinicInvitationRow> {
      const { now, ...values } = input;
      return one(
        await db
          .insert(clinicInvitations)
          .values({ ...values, createdAt: now })
          .returning(),
        'clinic_invitations',
      );
    },
    /** Marks an unexpired, unaccepted invitation accepted; undefined when there is none. */
    async acceptInvitation(
      tokenHash: string,
      userId: string,
      now: Date,
    ): Promise<ClinicInvitationRow | undefined> {
      const [row] = await db
        .update(clinicInvitations)
        .set({ acceptedAt: now, acceptedBy: userId })
        .where(
          and(
            eq(clinicInvitations.tokenHash, tokenHash),
            isNull(clinicInvitations.acceptedAt),
            gt(clinicInvitations.expiresAt, now),
          ),
        )
        .returning();
      return row;
    },
    async addAppointmentType(
      input: Omit<typeof appointmentTypes.$inferInsert, 'id' | 'createdAt'> & { now: Date },
    ): Promise<AppointmentTypeRow> {
      const { now, ...values } = input;
      return one(
        await db
          .insert(appointmentTypes)
          .values({ ...values, createdAt: now })
          .returning(),
        'appointment_types',
      );
    },
    async updateAppointmentType(
      clinicId: string,
      id: string,
      changes: Partial<
        Pick<
          AppointmentTypeRow,
          'name' | 'durationMinutes' | 'priceCents' | 'description' | 'active'
        >
      >,
    ): Promise<AppointmentTypeRow | undefined> {
      const [row] = await db
        .update(appointmentTypes)
        .set(changes)
        .where(and(eq(appointmentTypes.clinicId, clinicId), eq(appointmentTypes.id, id)))
        .returning();
      return row;
    },
    /** The appointment types of these clinics (active ones unless `all`), by duration then name. */
    async listAppointmentTypes(
      clinicIds: readonly string[],
      options: { includeInactive: boolean } = { includeInactive: false },
    ): Promise<AppointmentTypeRow[]> {
      if (clinicIds.length === 0) return [];
      return db
        .select()
        .from(appointmentTypes)
        .where(
          and(
            inArray(appointmentTypes.clinicId, [...clinicIds]),
            options.includeInactive ? undefined : eq(appointmentTypes.active, true),
          ),
        )
        .orderBy(asc(appointmentTypes.createdAt), asc(appointmentTypes.key));
    },
    async findAppointmentType(
      clinicId: string,
      id: string,
    ): Promise<AppointmentTypeRow | undefined> {
      const [row] = await db
        .select()
        .from(appointmentTypes)
        .where(and(eq(appointmentTypes.clinicId, clinicId), eq(appointmentTypes.id, id)));
      return row;
    },
    /** Replaces a clinician's weekly working hours (call inside a transaction). */
    async replaceWorkingHours(
      clinicId: string,
      memberId: string,
      blocks: readonly { weekday: number; startMinutes: number; endMinutes: number }[],
    ): Promise<WorkingHoursRow[]> {
      await db
        .delete(workingHours)
        .where(and(eq(workingHours.clinicId, clinicId), eq(workingHours.memberId, memberId)));
      if (blocks.length === 0) return [];
      return db
        .insert(workingHours)
        .values(blocks.map((b) => ({ ...b, clinicId, memberId })))
        .returning();
    },
    async listWorkingHours(clinicId: string): Promise<WorkingHoursRow[]> {
      return db
        .select()
        .from(workingHours)
        .where(eq(workingHours.clinicId, clinicId))
        .orderBy(asc(workingHours.weekday), asc(workingHours.startMinutes));
    },
    async addException(
      input: Omit<typeof availabilityExceptions.$inferInsert, 'id' | 'createdAt'> & { now: Date },
    ): Promise<AvailabilityExceptionRow> {
      const { now, ...values } = input;
      return one(
        await db
          .insert(availabilityExceptions)
          .values({ ...values, createdAt: now })
          .returning(),
        'availability_exceptions',
      );
    },
    async deleteException(clinicId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(availabilityExceptions)
        .where(
          and(eq(availabilityExceptions.clinicId, clinicId), eq(availabilityExceptions.id, id)),
        )
        .returning({ id: availabilityExceptions.id });
      return rows.length > 0;
    },
    /** Absences and holidays that overlap `[from, to)`. */
    async listExceptions(
      clinicId: string,
      from: Date,
      to: Date,
    ): Promise<AvailabilityExceptionRow[]> {
      return db
        .select()
        .from(availabilityExceptions)
        .where(
          and(
            eq(availabilityExceptions.clinicId, clinicId),
            lt(availabilityExceptions.startsAt, to),
            gt(availabilityExceptions.endsAt, from),
          ),
        )
        .orderBy(asc(availabilityExceptions.startsAt));
    },
  };
}
