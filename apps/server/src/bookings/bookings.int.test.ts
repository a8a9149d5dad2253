/**
 * The clinic and booking flow through the API: a clinic, its free slots,
 * booking matched to the triage, the 409 for a taken slot, reschedule and
 * cancel by runner and clinic, the mail with its `.ics`, and reminders from
 * the durable job table.
 */
import { describe, expect, it } from 'vitest';
import type { ZBooking, ZBookingPolicy } from './dto.js';
import type { z } from '@hono/zod-openapi';
import type { ZSlots } from '../clinics/dto.js';
import { openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER, SADDLE_NUMBNESS } from '../testing/runners.js';
import { createTestApp } from '../testing/test-app.js';
import { SLOT_TAKEN_MESSAGE } from './service.js';

type Booking = z.infer<typeof ZBooking>;
type Slots = z.infer<typeof ZSlots>;
type Policy = z.infer<typeof ZBookingPolicy>;

/** Unfolded content lines of an .ics. */
function icsLines(text: string): string[] {
  return text
    .replaceAll(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter(Boolean);
}

// Monday 2 March 2026, 09:00 UTC = 10:00 in Copenhagen.
const NOW = '2026-03-02T09:00:00.000Z';

describe('clinics and booking', { timeout: 90_000 }, () => {
  it('lists a new clinic with its default types and free slots in its time zone', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { clinic, types } = await openClinic(t);
      expect(Object.keys(types).sort()).toEqual([
        'follow_up',
        'initial_evaluation',
        'running_analysis',
      ]);
      const analysis = clinic.appointmentTypes.find((a) => a.key === 'running_analysis');
      expect(analysis).toMatchObject({ durationMinutes: 30, priceCents: 0 });

      const listed = await t.browser().get('/api/clinics');
      expect(listed.status).toBe(200);
      expect((listed.body as { clinics: { id: string }[] }).clinics.map((c) => c.id)).toEqual([
        clinic.id,
      ]);

      const res = await t
        .browser()
        .get(
          `/api/clinics/${clinic.id}/slots?appointmentTypeId=${types.running_analysis ?? ''}&from=2026-03-02&to=2026-03-03`,
        );
      expect(res.status).toBe(200);
      const slots = res.body as Slots;
      expect(slots.timeZone).toBe('Europe/Copenhagen');
      // Today from 10:00 local (now), 09:00–16:30 tomorrow: grid of 15 minutes.
      expect(slots.slots[0]?.start).toBe('2026-03-02T09:00:00.000Z');
      expect(slots.slots.filter((s) => s.start.startsWith('2026-03-03'))).toHaveLength(31);
      expect(slots.slots[0]?.clinicianName).toBe('Anna Holm');
    } finally {
      await t.close();
    }
  });

  it('refuses bad slot queries with a 400 naming the problem', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { clinic, types } = await openClinic(t);
      const base = `/api/clinics/${clinic.id}/slots?appointmentTypeId=${types.running_analysis ?? ''}`;
      const wide = await t.browser().get(`${base}&from=2026-03-01&to=2026-05-01`);
      expect(wide.status).toBe(400);
      expect((wide.body as { error: { message: string } }).error.message).toMatch(/at most 31/);
      const backwards = await t.browser().get(`${base}&from=2026-03-05&to=2026-03-01`);
      expect(backwards.status).toBe(400);
      const noType = await t
        .browser()
        .get(`/api/clinics/${clinic.id}/slots?from=2026-03-05&to=2026-03-06`);
      expect(noType.status).toBe(400);
      expect((noType.body as { error: { message: string } }).error.message).toMatch(
        /appointmentTypeId/,
      );
      const bad = await (
        await signUp(t, 'x@clinic.test')
      ).post('/api/clinics', {
        name: 'X clinic',
        address: 'Street 1',
        timeZone: 'Mars/Olympus',
        displayName: 'Me',
      });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { message: string } }).error.message).toMatch(
        /^timeZone: not an IANA time zone/,
      );
      const anonymous = await t.browser().post('/api/clinics', {
        name: 'X clinic',
        address: 'Street 1',
        timeZone: 'Europe/Copenhagen',
        displayName: 'Me',
      });
      expect(anonymous.status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('books a slot with consent, mails a confirmation with an .ics, and refuses the same slot with 409', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { clinic, types } = await openClinic(t);
      const runner = await signUp(t, 'runner@example.org');
      const assessment = await takeAssessment(runner, DESK_RUNNER);
      const policy = (await runner.get(`/api/bookings/policy?assessmentId=${assessment.id}`))
        .body as Policy;
      expect(policy.canBook).toBe(true);

      const body = {
        clinicId: clinic.id,
        appointmentTypeId: types.running_analysis,
        start: '2026-03-03T09:00:00.000Z',
        assessmentId: assessment.id,
        share: { ...SHARE_ALL, training: false },
      };
      const res = await runner.post('/api/bookings', body);
      expect(res.status).toBe(201);
      const booking = res.body as Booking;
      expect(booking).toMatchObject({
        status: 'booked',
        start: '2026-03-03T09:00:00.000Z',
        end: '2026-03-03T09:30:00.000Z',
        clinicianName: 'Anna Holm',
        share: { assessment: true, plan: true, checkins: true, training: false },
      });

      const mail = await t.mail();
      const confirmation = mail.find((m) => m.to === 'runner@example.org');
      expect(confirmation?.subject).toMatch(
        /^Booked: Free running performance analysis, Tuesday 3 March 2026, 10:00–10:30 \(Europe\/Copenhagen\)/,
      );
      const ics = confirmation?.attachments.find((a) => a.filename === 'appointment.ics');
      expect(ics?.contentType).toBe('text/calendar');
      const lines = icsLines(ics?.content ?? '');
      expect(lines).toContain('METHOD:REQUEST');
      expect(lines).toContain('DTSTART:20260303T090000Z');
      expect(lines).toContain(`UID:booking-${booking.id}@backtrack`);
      expect(lines).toContain('SEQUENCE:0');

      // Another runner, the same time: 409 with a clear message; 20 minutes later: inside the 10-minute buffer too.
      const other = await signUp(t, 'other@example.org');
      const taken = await other.post('/api/bookings', { ...body, assessmentId: undefined });
      expect(taken.status).toBe(409);
      expect((taken.body as { error: { message: string } }).error.message).toBe(SLOT_TAKEN_MESSAGE);
      const buffer = await other.post('/api/bookings', {
        ...body,
        assessmentId: undefined,
        start: '2026-03-03T09:30:00.000Z',
      });
      expect(buffer.status).toBe(409);
      const after = await other.post('/api/bookings', {
        ...body,
        assessmentId: undefined,
        start: '2026-03-03T09:45:00.000Z',
      });
      expect(after.status).toBe(201);

      // The slot list no longer offers the booked time or its buffer.
      const slots = (
        await other.get(
          `/api/clinics/${clinic.id}/slots?appointmentTypeId=${types.running_analysis ?? ''}&from=2026-03-03&to=2026-03-03`,
        )
      ).body as Slots;
      const starts = slots.slots.map((s) => s.start);
      expect(starts).not.toContain('2026-03-03T09:00:00.000Z');
      expect(starts).not.toContain('2026-03-03T09:30:00.000Z');
      expect(starts).toContain('2026-03-03T10:30:00.000Z');

      // Not a slot at all: 400; someone else's assessment: 404.
      const outside = await other.post('/api/bookings', {
        ...body,
        assessmentId: undefined,
        start: '2026-03-03T20:00:00.000Z',
      });
      expect(outside.status).toBe(400);
      expect((outside.body as { error: { message: string } }).error.message).toMatch(
        /not a free slot/,
      );
      const notMine = await other.post('/api/bookings', {
        ...body,
        start: '2026-03-04T09:00:00.000Z',
      });
      expect(notMine.status).toBe(404);

      const mine = (await runner.get('/api/bookings')).body as { bookings: Booking[] };
      expect(mine.bookings.map((b) => b.id)).toEqual([booking.id]);
      const anonymous = await t.browser().post('/api/bookings', body);
      expect(anonymous.status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('refuses booking from an emergency triage, with what to do now', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { clinic, types } = await openClinic(t);
      const runner = await signUp(t, 'runner@example.org');
      const assessment = await takeAssessment(runner, SADDLE_NUMBNESS);
      const policy = (await runner.get(`/api/bookings/policy?assessmentId=${assessment.id}`))
        .body as Policy;
      expect(policy).toMatchObject({ tier: 'emergency', canBook: false });
      expect(policy.text).toMatch(/emergency department/);
      const res = await runner.post('/api/bookings', {
        clinicId: clinic.id,
        appointmentTypeId: types.running_analysis,
        start: '2026-03-03T09:00:00.000Z',
        assessmentId: assessment.id,
        clearedByDoctor: true,
        share: SHARE_ALL,
      });
      expect(res.status).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toMatch(/emergency/);
    } finally {
      await t.close();
    }
  });

  it('asks for a doctor’s clearance when the triage is urgent_doctor', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { clinic, types } = await openClinic(t);
      const runner = await signUp(t, 'runner@example.org');
      const assessment = await takeAssessment(runner, { ...DESK_RUNNER, cancer_history: 'yes' });
      const policy = (await runner.get(`/api/bookings/policy?assessmentId=${assessment.id}`))
        .body as Policy;
      expect(policy).toMatchObject({
        tier: 'urgent_doctor',
        canBook: true,
        needsDoctorClearance: true,
      });
      const body = {
        clinicId: clinic.id,
        appointmentTypeId: types.initial_evaluation,
        start: '2026-03-03T09:00:00.000Z',
        assessmentId: assessment.id,
        share: SHARE_ALL,
      };
      const refused = await runner.post('/api/bookings', body);
      expect(refused.status).toBe(400);
      expect((refused.body as { error: { details: string[] } }).error.details.join(' ')).toMatch(
        /clearedByDoctor/,
      );
      const cleared = await runner.post('/api/bookings', { ...body, clearedByDoctor: true });
      expect(cleared.status).toBe(201);
      expect((cleared.body as Booking).tier).toBe('urgent_doctor');
    } finally {
      await t.close();
    }
  });

  it('reschedules (same UID, SEQUENCE 1) and lets the clinic cancel (METHOD:CANCEL), moving the reminder', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { admin, clinic, types } = await openClinic(t);
      const runner = await signUp(t, 'runner@example.org');
      const booked = (
        await runner.post('/api/bookings', {
          clinicId: clinic.id,
          appointmentTypeId: types.follow_up,
          start: '2026-03-05T09:00:00.000Z',
          share: SHARE_ALL,
        })
      ).body as Booking;

      const moved = await runner.post(`/api/bookings/${booked.id}/reschedule`, {
        start: '2026-03-05T09:15:00.000Z',
      });
      expect(moved.status).toBe(200);
      const next = moved.body as Booking;
      expect(next).toMatchObject({
        status: 'booked',
        rescheduledFrom: booked.id,
        start: '2026-03-05T09:15:00.000Z',
      });
      expect(((await runner.get(`/api/bookings/${booked.id}`)).body as Booking).status).toBe(
        'rescheduled',
      );
      const again = await runner.post(`/api/bookings/${booked.id}/reschedule`, {
        start: '2026-03-05T12:00:00.000Z',
      });
      expect(again.status).toBe(409);

      const ics = await runner.get(`/api/bookings/${next.id}/ics`);
      expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
      expect(icsLines(ics.text)).toEqual(
        expect.arrayContaining([
          `UID:booking-${booked.id}@backtrack`,
          'SEQUENCE:1',
          'DTSTART:20260305T091500Z',
        ]),
      );

      // A stranger cannot see or cancel it; the clinic's admin can.
      const stranger = await signUp(t, 'stranger@example.org');
      expect((await stranger.post(`/api/bookings/${next.id}/cancel`)).status).toBe(404);
      const cancelled = await admin.post(`/api/bookings/${next.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect((cancelled.body as Booking).status).toBe('cancelled');

      const mail = (await t.mail()).filter((m) => m.to === 'runner@example.org');
      expect(mail.map((m) => m.subject.split(':')[0])).toEqual(['Booked', 'Moved', 'Cancelled']);
      const cancelIcs = icsLines(mail[2]?.attachments[0]?.content ?? '');
      expect(cancelIcs).toEqual(
        expect.arrayContaining(['METHOD:CANCEL', 'SEQUENCE:2', 'STATUS:CANCELLED']),
      );

      // No reminder for a cancelled appointment.
      await t.runDueJobs(new Date('2026-03-04T09:20:00.000Z'));
      expect((await t.mail()).filter((m) => m.subject.startsWith('Tomorrow'))).toEqual([]);
      // The freed time can be booked again.
      const rebook = await runner.post('/api/bookings', {
        clinicId: clinic.id,
        appointmentTypeId: types.follow_up,
        start: '2026-03-05T09:15:00.000Z',
        share: SHARE_ALL,
      });
      expect(rebook.status).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('mails the appointment reminder 24 hours before, from the job table', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { clinic, types } = await openClinic(t);
      const runner = await signUp(t, 'runner@example.org');
      await runner.post('/api/bookings', {
        clinicId: clinic.id,
        appointmentTypeId: types.running_analysis,
        start: '2026-03-05T09:00:00.000Z',
        share: SHARE_ALL,
      });
      expect(await t.runDueJobs(new Date('2026-03-04T08:59:00.000Z'))).toMatchObject({ done: 0 });
      expect(await t.runDueJobs(new Date('2026-03-04T09:00:00.000Z'))).toMatchObject({ done: 1 });
      const reminder = (await t.mail()).find((m) => m.subject.startsWith('Tomorrow'));
      expect(reminder?.to).toBe('runner@example.org');
      expect(reminder?.text).toMatch(/in about 24 hours/);
      // Sent once.
      expect(await t.runDueJobs(new Date('2026-03-04T10:00:00.000Z'))).toMatchObject({ done: 0 });
    } finally {
      await t.close();
    }
  });
});
