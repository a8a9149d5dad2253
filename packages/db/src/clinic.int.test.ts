/**
 * The clinic tables against real databases (PGlite, and PostgreSQL when a
 * server answers): the exclusion constraint that forbids double booking,
 * buffer included, and the job table's claim with `FOR UPDATE SKIP LOCKED`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { isExclusionViolation } from './errors.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import { testDatabaseKinds } from './testing/test-databases.js';

const kinds = await testDatabaseKinds();
const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

for (const kind of kinds) {
  if (kind.unavailable !== undefined)
    console.warn(`[db] skipping PostgreSQL clinic tests: ${kind.unavailable}`);
  describe.skipIf(kind.unavailable !== undefined)(`clinic tables on ${kind.name}`, () => {
    let database: Database;
    let repos: Repositories;
    let clinicId: string;
    let clinicianId: string;
    let otherClinicianId: string;
    let runnerId: string;
    let typeId: string;
    beforeAll(async () => {
      database = await kind.open();
      repos = createRepositories(database.db);
      const user = async (email: string) => {
        const row = await repos.users.create({ email, passwordHash: 'x', now: T0 });
        if (!row) throw new Error('no user');
        return row.id;
      };
      runnerId = await user('runner@example.org');
      const clinic = await repos.clinics.create({
        name: 'Test clinic',
        address: 'Main St 1',
        timeZone: 'Europe/Copenhagen',
        bufferMinutes: 10,
        minNoticeMinutes: 0,
        now: T0,
      });
      clinicId = clinic.id;
      const member = async (email: string) =>
        (
          await repos.clinics.addMember({
            clinicId,
            userId: await user(email),
            role: 'clinician',
            displayName: email,
            now: T0,
          })
        ).id;
      clinicianId = await member('a@clinic.test');
      otherClinicianId = await member('b@clinic.test');
      typeId = (
        await repos.clinics.addAppointmentType({
          clinicId,
          key: 'x',
          name: 'X',
          durationMinutes: 30,
          priceCents: 0,
          currency: 'EUR',
          description: 'x',
          now: T0,
        })
      ).id;
    }, 60_000);
    afterAll(async () => {
      await database.close();
    });

    const book = (clinician: string, startMin: number, lengthMin = 30, buffer = 10) => {
      const id = randomUUID();
      return repos.bookings.create({
        id,
        seriesId: id,
        clinicId,
        clinicianId: clinician,
        runnerId,
        appointmentTypeId: typeId,
        startsAt: at(startMin),
        endsAt: at(startMin + lengthMin),
        blockedUntil: at(startMin + lengthMin + buffer),
        status: 'booked',
        now: T0,
      });
    };

    it('refuses an overlapping booking of the same clinician, buffer included (23P01)', async () => {
      const first = await book(clinicianId, 0);
      const overlap = await book(clinicianId, 35).catch((e: unknown) => e);
      expect(isExclusionViolation(overlap, 'appointments_no_overlap')).toBe(true);
      // After the buffer, and for another clinician at the same time: fine.
      await expect(book(clinicianId, 40)).resolves.toMatchObject({ status: 'booked' });
      await expect(book(otherClinicianId, 0)).resolves.toMatchObject({ status: 'booked' });
      // A cancelled appointment frees its time.
      await repos.bookings.finish(first.id, { status: 'cancelled', by: runnerId, at: T0 });
      await expect(book(clinicianId, 0)).resolves.toMatchObject({ status: 'booked' });
    });

    it('claims each due job once, even with claimers racing', async () => {
      for (let i = 0; i < 20; i++)
        await repos.jobs.enqueue({ kind: 'test', payload: { i }, runAt: T0, now: T0 });
      await repos.jobs.enqueue({ kind: 'test', payload: { later: true }, runAt: at(60), now: T0 });
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => repos.jobs.claimDue(at(1), 6, 60_000)),
      );
      const ids = claims.flat().map((j) => j.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
      // Leased: nothing more is due until the lease ends.
      expect(await repos.jobs.claimDue(at(1), 50, 60_000)).toHaveLength(0);
      const again = await repos.jobs.claimDue(at(2.5), 50, 60_000);
      expect(again).toHaveLength(20);
      expect(again.every((j) => j.attempts === 2)).toBe(true);
      for (const j of again) await repos.jobs.complete(j.id, at(3));
      expect(await repos.jobs.claimDue(at(4), 50, 60_000)).toHaveLength(0);
    });

    it('keeps one pending job per dedupe key, moved by a later enqueue, and cancels it', async () => {
      await repos.jobs.enqueue({
        kind: 'r',
        payload: { v: 1 },
        runAt: at(10),
        dedupeKey: 'k1',
        now: T0,
      });
      await repos.jobs.enqueue({
        kind: 'r',
        payload: { v: 2 },
        runAt: at(20),
        dedupeKey: 'k1',
        now: T0,
      });
      const job = await repos.jobs.findByKey('k1');
      expect(job?.payload).toEqual({ v: 2 });
      expect(job?.runAt.toISOString()).toBe(at(20).toISOString());
      expect(await repos.jobs.cancelByKey('k1', T0)).toBe(1);
      expect(await repos.jobs.claimDue(at(30), 50, 1000)).toEqual([]);
    });
  });
}
