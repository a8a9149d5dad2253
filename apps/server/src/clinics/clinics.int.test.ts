/**
 * What a clinic's admin does through the API: invite a clinician by mail
 * (the link's token works once, for the invited address only), set working
 * hours and absences, add and retire appointment types; and the demo clinic
 * seeded at start-up.
 */
import { createRepositories } from '@backtrack/db';
import { describe, expect, it } from 'vitest';
import { openClinic, signUp, type ClinicDto } from '../testing/clinic.js';
import { createTestApp } from '../testing/test-app.js';
import { DEMO_CLINIC_NAME, DEMO_PASSWORD, seedDemoClinic } from './demo.js';
import { scryptPasswordHasher } from '../auth/passwords.js';

type Slots = { slots: { start: string; clinicianId: string }[] };
const NOW = '2026-03-02T09:00:00.000Z';

describe('clinic administration', { timeout: 120_000 }, () => {
  it('invites a clinician by a mailed link that only the invited address can use, once', async () => {
    const t = await createTestApp({ now: NOW, publicUrl: 'https://backtrack.example' });
    try {
      const { admin, clinic } = await openClinic(t);
      const invited = await admin.post(`/api/clinics/${clinic.id}/invitations`, {
        email: 'Ben@Clinic.test',
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email: 'ben@clinic.test', role: 'clinician' });
      const mail = (await t.mail()).find((m) => m.to === 'ben@clinic.test');
      expect(mail?.subject).toBe('You are invited to join Nørrebro Running Physio on Backtrack');
      const token = /https:\/\/backtrack\.example\/clinic\/join\?token=([\w-]+)/.exec(
        mail?.text ?? '',
      )?.[1];
      expect(token).toBeDefined();

      const wrong = await signUp(t, 'mallory@example.org');
      const stolen = await wrong.post('/api/invitations/accept', {
        token,
        displayName: 'Mallory',
      });
      expect(stolen.status).toBe(403);
      expect((stolen.body as { error: { message: string } }).error.message).toMatch(
        /sent to ben@clinic\.test/,
      );
      // Only the admin invites.
      expect(
        (await wrong.post(`/api/clinics/${clinic.id}/invitations`, { email: 'x@y.zz' })).status,
      ).toBe(403);

      const ben = await signUp(t, 'ben@clinic.test');
      const accepted = await ben.post('/api/invitations/accept', {
        token,
        displayName: 'Ben Okafor',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ clinicId: clinic.id, role: 'clinician' });
      const again = await ben.post('/api/invitations/accept', { token, displayName: 'Ben' });
      expect(again.status).toBe(404);

      // Ben sets his own hours (and cannot set the admin's); his slots appear.
      const benId = (accepted.body as { memberId: string }).memberId;
      const hours = await ben.put(`/api/clinics/${clinic.id}/members/${benId}/working-hours`, {
        blocks: [{ weekday: 6, start: '09:00', end: '12:00' }],
      });
      expect(hours.status).toBe(200);
      const adminId = clinic.clinicians[0]?.id ?? '';
      const notHis = await ben.put(`/api/clinics/${clinic.id}/members/${adminId}/working-hours`, {
        blocks: [],
      });
      expect(notHis.status).toBe(403);
      const slots = (
        await ben.get(
          `/api/clinics/${clinic.id}/slots?appointmentTypeId=${clinic.appointmentTypes[0]?.id ?? ''}&from=2026-03-07&to=2026-03-07`,
        )
      ).body as Slots;
      expect(slots.slots).toHaveLength(11);
      expect(new Set(slots.slots.map((s) => s.clinicianId))).toEqual(new Set([benId]));
      const badHours = await ben.put(`/api/clinics/${clinic.id}/members/${benId}/working-hours`, {
        blocks: [{ weekday: 8, start: '12:00', end: '09:00' }],
      });
      expect(badHours.status).toBe(400);
    } finally {
      await t.close();
    }
  });

  it('takes holidays and absences out of the slots, and edits appointment types', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { admin, clinic, types } = await openClinic(t);
      const url = (date: string) =>
        `/api/clinics/${clinic.id}/slots?appointmentTypeId=${types.follow_up ?? ''}&from=${date}&to=${date}`;
      expect(((await admin.get(url('2026-03-10'))).body as Slots).slots).toHaveLength(31);
      const holiday = await admin.post(`/api/clinics/${clinic.id}/exceptions`, {
        memberId: null,
        from: '2026-03-10',
        to: '2026-03-11',
        reason: 'Clinic closed',
      });
      expect(holiday.status).toBe(201);
      // Local midnight in Copenhagen (UTC+1 in March).
      expect(holiday.body).toMatchObject({
        startsAt: '2026-03-09T23:00:00.000Z',
        endsAt: '2026-03-11T23:00:00.000Z',
      });
      expect(((await admin.get(url('2026-03-10'))).body as Slots).slots).toHaveLength(0);
      expect(((await admin.get(url('2026-03-12'))).body as Slots).slots).toHaveLength(31);
      const removed = await admin.delete(
        `/api/clinics/${clinic.id}/exceptions/${(holiday.body as { id: string }).id}`,
      );
      expect(removed.status).toBe(204);
      expect(((await admin.get(url('2026-03-10'))).body as Slots).slots).toHaveLength(31);

      const added = await admin.post(`/api/clinics/${clinic.id}/appointment-types`, {
        key: 'gait_retraining',
        name: 'Gait retraining',
        durationMinutes: 45,
        priceCents: 6000,
        description: 'Practice changing how you run.',
      });
      expect(added.status).toBe(201);
      const dup = await admin.post(`/api/clinics/${clinic.id}/appointment-types`, {
        ...(added.body as object),
        id: undefined,
        currency: undefined,
        active: undefined,
      });
      expect(dup.status).toBe(409);
      const retired = await admin.request(
        'PATCH',
        `/api/clinics/${clinic.id}/appointment-types/${(added.body as { id: string }).id}`,
        { json: { active: false } },
      );
      expect(retired.status).toBe(200);
      const listed = (await t.browser().get('/api/clinics')).body as { clinics: ClinicDto[] };
      expect(listed.clinics[0]?.appointmentTypes.map((a) => a.key)).toEqual([
        'running_analysis',
        'initial_evaluation',
        'follow_up',
      ]);
      const runner = await signUp(t, 'runner@example.org');
      expect(
        (
          await runner.post(`/api/clinics/${clinic.id}/exceptions`, {
            memberId: null,
            from: '2026-03-10',
            to: '2026-03-10',
            reason: 'x',
          })
        ).status,
      ).toBe(403);
    } finally {
      await t.close();
    }
  });

  it('seeds the demo clinic once, with a clinician who can sign in and a fortnight of slots', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const repos = createRepositories(t.database.db);
      const passwords = scryptPasswordHasher({ log2N: 10, r: 8, p: 1 });
      const first = await seedDemoClinic(repos, { now: t.clock.now(), passwords });
      const second = await seedDemoClinic(repos, { now: t.clock.now(), passwords });
      expect([first.created, second.created]).toEqual([true, false]);
      expect(second.clinicId).toBe(first.clinicId);
      const clinics = ((await t.browser().get('/api/clinics')).body as { clinics: ClinicDto[] })
        .clinics;
      expect(clinics.map((c) => c.name)).toEqual([DEMO_CLINIC_NAME]);
      const login = await t.browser().post('/api/auth/login', {
        email: first.login.email,
        password: DEMO_PASSWORD,
      });
      expect(login.status).toBe(200);
      const slots = (
        await t
          .browser()
          .get(
            `/api/clinics/${first.clinicId}/slots?appointmentTypeId=${clinics[0]?.appointmentTypes[0]?.id ?? ''}&from=2026-03-02&to=2026-03-15`,
          )
      ).body as Slots;
      expect(new Set(slots.slots.map((s) => s.clinicianId)).size).toBe(2);
      expect(new Set(slots.slots.map((s) => s.start.slice(0, 10))).size).toBeGreaterThanOrEqual(10);
    } finally {
      await t.close();
    }
  });
});
