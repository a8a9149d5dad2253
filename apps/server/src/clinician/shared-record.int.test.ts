/**
 * The clinician reads what the runner shared with the booking: the
 * assessment and plan linked to the appointment, not a newer assessment or
 * plan made after booking (in the pre-visit summary and the FHIR export
 * alike); the runner's own export shows their newest.
 */
import type { Bundle, CarePlan, Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { PreVisitSummaryDto } from '../contract.js';
import { openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestBrowser } from '../testing/test-app.js';

const NOW = '2026-03-02T09:00:00.000Z';

async function makePlan(runner: TestBrowser, assessmentId: string, startDate: string) {
  const plan = await runner.post('/api/plans', { assessmentId, startDate });
  expect(plan.status, plan.text).toBe(201);
}

/** The pain-now score and the plan's start in a Bundle. */
function painAndPlanStart(bundle: Bundle) {
  const resources = (bundle.entry ?? []).map((e) => e.resource);
  const pain = resources.find(
    (r): r is Observation => r?.resourceType === 'Observation' && r.valueInteger !== undefined,
  );
  const plan = resources.find((r): r is CarePlan => r?.resourceType === 'CarePlan');
  return { pain: pain?.valueInteger, planStart: plan?.period?.start };
}

describe('the record a booking shares', { timeout: 120_000 }, () => {
  it('stays the assessment and plan shared when booking after the runner re-assesses', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const a = await openClinic(t, { email: 'anna@clinic-a.test' });
      const runner = await signUp(t, 'runner@example.org');
      const first = await takeAssessment(runner, DESK_RUNNER);
      await makePlan(runner, first.id, '2026-03-02');
      const booked = await runner.post('/api/bookings', {
        clinicId: a.clinic.id,
        appointmentTypeId: a.types.running_analysis,
        start: '2026-03-03T09:00:00.000Z',
        assessmentId: first.id,
        share: SHARE_ALL,
      });
      expect(booked.status, booked.text).toBe(201);
      // An hour after booking: a new assessment (other side, more pain) and a new plan.
      t.clock.advance(3_600_000);
      const second = await takeAssessment(runner, {
        ...DESK_RUNNER,
        pain_map: ['low_back_left'],
        pain_now: 7,
      });
      await makePlan(runner, second.id, '2026-03-01');
      const runnerId = ((await runner.get('/api/auth/me')).body as { user: { id: string } }).user
        .id;

      const res = await a.admin.get(`/api/clinician/runners/${runnerId}/summary`);
      expect(res.status).toBe(200);
      const { summary } = res.body as PreVisitSummaryDto;
      expect(summary.painMap).toMatchObject({
        status: 'shown',
        data: { regions: ['low_back_centre', 'low_back_right'] },
      });

      const clinicFhir = await a.admin.get(`/api/clinician/runners/${runnerId}/fhir`);
      expect(clinicFhir.status).toBe(200);
      expect(painAndPlanStart(clinicFhir.body as Bundle)).toEqual({
        pain: 4,
        planStart: '2026-03-02',
      });
      // The runner's own export is their newest record.
      const own = await runner.get('/api/me/export?format=fhir');
      expect(own.status).toBe(200);
      expect(painAndPlanStart(own.body as Bundle)).toEqual({ pain: 7, planStart: '2026-03-01' });
    } finally {
      await t.close();
    }
  });
});
