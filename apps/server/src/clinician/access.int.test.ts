/**
 * The authorisation matrix of the clinician workspace: every clinician
 * endpoint × {the runner themself, another runner, a clinician of the clinic
 * with consent, the same after revocation, a clinician of another clinic,
 * anonymous} → the expected status; and every clinician read in the
 * runner's access log.
 */
import { describe, expect, it } from 'vitest';
import { openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
import { takeAssessment } from '../testing/interview.js';
import { pdfText } from '../testing/pdf.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { ConsentDto, AccessEntryDto, PreVisitSummaryDto, SavedPlanDto } from '../contract.js';
import { NO_ACCESS_MESSAGE } from './access.js';

// Monday 2 March 2026, 09:00 UTC.
const NOW = '2026-03-02T09:00:00.000Z';

type Caller = 'runner' | 'otherRunner' | 'clinician' | 'revoked' | 'otherClinic' | 'anonymous';

/** A clinic with a runner who booked and shared everything, another runner and another clinic. */
async function world(t: TestApp) {
  const a = await openClinic(t, { email: 'anna@clinic-a.test' });
  const b = await openClinic(t, { email: 'bo@clinic-b.test' });
  const runner = await signUp(t, 'runner@example.org');
  const assessment = await takeAssessment(runner, DESK_RUNNER);
  const plan = await runner.post('/api/plans', {
    assessmentId: assessment.id,
    startDate: '2026-03-02',
  });
  if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${plan.text}`);
  const booked = await runner.post('/api/bookings', {
    clinicId: a.clinic.id,
    appointmentTypeId: a.types.running_analysis,
    start: '2026-03-03T09:00:00.000Z',
    assessmentId: assessment.id,
    share: SHARE_ALL,
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${booked.text}`);
  const otherRunner = await signUp(t, 'other@example.org');
  const runnerId = ((await runner.get('/api/auth/me')).body as { user: { id: string } }).user.id;
  const saved = plan.body as SavedPlanDto;
  const exerciseId =
    saved.plan.weeks
      .flatMap((wk) => wk.days.flatMap((d) => d.items))
      .find((i) => i.kind === 'exercise')?.exerciseId ?? '';
  return { a, b, runner, otherRunner, runnerId, planId: saved.id, exerciseId };
}

/** A valid plan edit of the runner's first exercise (a pause from week 2). */
const pause = (exerciseId: string) => ({
  exerciseId,
  fromWeek: 2,
  reason: 'Let the back settle first.',
  change: { kind: 'pause' },
});

/** The clinician endpoints, each a request about the runner. */
const ENDPOINTS: {
  name: string;
  call: (
    b: TestBrowser,
    runnerId: string,
    exerciseId: string,
  ) => Promise<{ status: number; body: unknown }>;
  /** The clinician's success status (200 unless told). */
  ok?: number;
}[] = [
  { name: 'GET summary', call: (b, id) => b.get(`/api/clinician/runners/${id}/summary`) },
  { name: 'GET summary.pdf', call: (b, id) => b.get(`/api/clinician/runners/${id}/summary.pdf`) },
  {
    name: 'POST plan-edits',
    call: (b, id, exerciseId) =>
      b.post(`/api/clinician/runners/${id}/plan-edits`, pause(exerciseId)),
    ok: 201,
  },
  {
    name: 'POST outcomes',
    call: (b, id) =>
      b.post(`/api/clinician/runners/${id}/outcomes`, { instrument: 'nprs', score: 4 }),
    ok: 201,
  },
];

/** Expected status per caller, the same for every runner-specific clinician endpoint. */
const EXPECTED: Record<Caller, number> = {
  runner: 403,
  otherRunner: 403,
  clinician: 200,
  revoked: 403,
  otherClinic: 403,
  anonymous: 401,
};

describe('clinician access', { timeout: 120_000 }, () => {
  it('follows the authorisation matrix: no cross-access, nothing after revocation', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const w = await world(t);
      const callers: Record<Exclude<Caller, 'revoked'>, TestBrowser> = {
        runner: w.runner,
        otherRunner: w.otherRunner,
        clinician: w.a.admin,
        otherClinic: w.b.admin,
        anonymous: t.browser(),
      };
      const seen: string[] = [];
      for (const endpoint of ENDPOINTS) {
        for (const [caller, browser] of Object.entries(callers) as [Caller, TestBrowser][]) {
          const res = await endpoint.call(browser, w.runnerId, w.exerciseId);
          seen.push(`${endpoint.name} × ${caller} → ${String(res.status)}`);
          const expected =
            caller === 'clinician' ? (endpoint.ok ?? EXPECTED.clinician) : EXPECTED[caller];
          expect(res.status, `${endpoint.name} × ${caller}`).toBe(expected);
          if (res.status === 403)
            expect((res.body as { error: { message: string } }).error.message).toMatch(
              /^(No access|Only clinic members)/,
            );
        }
      }
      // A runner id that does not exist: the same 403, no oracle.
      const ghost = await w.a.admin.get(
        '/api/clinician/runners/00000000-0000-4000-8000-000000000000/summary',
      );
      expect(ghost.status).toBe(403);
      expect((ghost.body as { error: { message: string } }).error.message).toBe(NO_ACCESS_MESSAGE);

      // Revoke: the same clinician loses access at once.
      const consents = (await w.runner.get('/api/me/consents')).body as { consents: ConsentDto[] };
      expect(consents.consents).toHaveLength(1);
      expect(consents.consents[0]).toMatchObject({ share: SHARE_ALL, revokedAt: null });
      const consentId = consents.consents[0]?.id ?? '';
      expect((await w.otherRunner.post(`/api/me/consents/${consentId}/revoke`, {})).status).toBe(
        404,
      );
      expect((await t.browser().post(`/api/me/consents/${consentId}/revoke`, {})).status).toBe(401);
      const revoked = await w.runner.post(`/api/me/consents/${consentId}/revoke`, {});
      expect(revoked.status).toBe(200);
      expect((revoked.body as ConsentDto).revokedAt).toBe(NOW);
      for (const endpoint of ENDPOINTS) {
        const res = await endpoint.call(w.a.admin, w.runnerId, w.exerciseId);
        seen.push(`${endpoint.name} × revoked → ${String(res.status)}`);
        expect(res.status, `${endpoint.name} × revoked`).toBe(EXPECTED.revoked);
      }
      expect(seen).toHaveLength(ENDPOINTS.length * 6);
    } finally {
      await t.close();
    }
  });

  it('lists the clinician’s appointments only to clinic members, each with what the runner shares', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const w = await world(t);
      const range = '?from=2026-03-02&to=2026-03-08';
      const mine = await w.a.admin.get(`/api/clinician/appointments${range}`);
      expect(mine.status).toBe(200);
      const list = (mine.body as { appointments: { runnerId: string; share: unknown }[] })
        .appointments;
      expect(list.map((x) => x.runnerId)).toEqual([w.runnerId]);
      expect(list[0]?.share).toEqual(SHARE_ALL);
      const other = await w.b.admin.get(`/api/clinician/appointments${range}`);
      expect((other.body as { appointments: unknown[] }).appointments).toEqual([]);
      expect((await w.runner.get(`/api/clinician/appointments${range}`)).status).toBe(403);
      expect((await t.browser().get(`/api/clinician/appointments${range}`)).status).toBe(401);
      const wide = await w.a.admin.get('/api/clinician/appointments?from=2026-03-01&to=2026-05-01');
      expect(wide.status).toBe(400);
      expect((wide.body as { error: { message: string } }).error.message).toMatch(
        /at most 31 days/,
      );
    } finally {
      await t.close();
    }
  });

  it('reads from/to as dates in the clinic’s time zone: 00:30 and 23:30 clinic time stay on their day', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      // Copenhagen is UTC+1 in March (00:30 there is 23:30 UTC the day before), Los Angeles
      // UTC−8 (23:30 there is 07:30 UTC the day after): a UTC reading moves one of each.
      const zones = [
        {
          timeZone: 'Europe/Copenhagen',
          early: '2026-03-03T23:30:00.000Z',
          late: '2026-03-04T22:30:00.000Z',
        },
        {
          timeZone: 'America/Los_Angeles',
          early: '2026-03-04T08:30:00.000Z',
          late: '2026-03-05T07:30:00.000Z',
        },
      ];
      for (const [i, zone] of zones.entries()) {
        const clinic = await openClinic(t, {
          email: `admin${String(i)}@clinic.test`,
          timeZone: zone.timeZone,
        });
        const hours = await clinic.admin.put(
          `/api/clinics/${clinic.clinic.id}/members/${clinic.clinicianId}/working-hours`,
          { blocks: [{ weekday: 3, start: '00:00', end: '24:00' }] },
        );
        expect(hours.status).toBe(200);
        const runner = await signUp(t, `runner${String(i)}@example.org`);
        for (const start of [zone.early, zone.late]) {
          const booked = await runner.post('/api/bookings', {
            clinicId: clinic.clinic.id,
            appointmentTypeId: clinic.types.running_analysis,
            start,
            share: SHARE_ALL,
          });
          expect(booked.status, `${zone.timeZone} ${start}: ${booked.text}`).toBe(201);
        }
        const day = async (date: string) =>
          (
            (await clinic.admin.get(`/api/clinician/appointments?from=${date}&to=${date}`))
              .body as { appointments: { start: string; localDate: string; timeZone: string }[] }
          ).appointments;
        const wednesday = await day('2026-03-04');
        expect(
          wednesday.map((a) => a.start),
          zone.timeZone,
        ).toEqual([zone.early, zone.late]);
        for (const a of wednesday)
          expect(a).toMatchObject({ localDate: '2026-03-04', timeZone: zone.timeZone });
        expect(await day('2026-03-03'), zone.timeZone).toEqual([]);
        expect(await day('2026-03-05'), zone.timeZone).toEqual([]);
      }
    } finally {
      await t.close();
    }
  });

  it('shows only consented items and writes every read to the runner’s access log', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const a = await openClinic(t, { email: 'anna@clinic-a.test' });
      const runner = await signUp(t, 'runner@example.org');
      const assessment = await takeAssessment(runner, DESK_RUNNER);
      const booked = await runner.post('/api/bookings', {
        clinicId: a.clinic.id,
        appointmentTypeId: a.types.running_analysis,
        start: '2026-03-03T09:00:00.000Z',
        assessmentId: assessment.id,
        share: { assessment: true, plan: false, checkins: false, training: false },
      });
      expect(booked.status).toBe(201);
      const runnerId = ((await runner.get('/api/auth/me')).body as { user: { id: string } }).user
        .id;
      expect((await runner.get('/api/me/access-log')).body).toEqual({ entries: [] });

      const res = await a.admin.get(`/api/clinician/runners/${runnerId}/summary`);
      expect(res.status).toBe(200);
      const { summary } = res.body as PreVisitSummaryDto;
      expect(summary.triage.status).toBe('shown');
      expect(summary.weakLinks.status).toBe('shown');
      expect(summary.plan).toEqual({ status: 'not_shared', item: 'plan' });
      expect(summary.checkIns).toEqual({ status: 'not_shared', item: 'checkins' });
      expect(summary.training).toEqual({ status: 'not_shared', item: 'training' });
      // The PDF is the same read: consent-checked, audited, the same sections.
      const pdf = await a.admin.get(`/api/clinician/runners/${runnerId}/summary.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
      const text = pdfText(pdf.bytes);
      expect(text).toContain('Pre-visit summary');
      expect(text).toContain('runner@example.org');
      expect(text).toMatch(/Not shared: the runner did not share their/);

      const log = (await runner.get('/api/me/access-log')).body as { entries: AccessEntryDto[] };
      expect(log.entries).toHaveLength(2);
      for (const entry of log.entries)
        expect(entry).toMatchObject({
          action: 'clinician.read',
          what: 'assessment',
          who: 'Anna Holm',
          clinicName: 'Nørrebro Running Physio',
          at: NOW,
        });
      // A refused read is not a read.
      const other = await signUp(t, 'other@example.org');
      expect((await other.get(`/api/clinician/runners/${runnerId}/summary`)).status).toBe(403);
      expect(
        ((await runner.get('/api/me/access-log')).body as { entries: unknown[] }).entries,
      ).toHaveLength(2);
    } finally {
      await t.close();
    }
  });
});
