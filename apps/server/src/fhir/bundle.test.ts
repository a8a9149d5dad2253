import { loadKnowledgeBase, OUTCOME_INSTRUMENT_NAMES } from '@backtrack/core';
import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { buildFhirBundle, LOINC_PAIN_SEVERITY } from './bundle.js';

const kb = loadKnowledgeBase();

describe('buildFhirBundle', () => {
  // Regression: the pain-now Observation kept the assessment's own id, which
  // equalled the QuestionnaireResponse's when that id ended in its tag digit.
  it('gives every resource its own full URL, whatever digit the row ids end in', () => {
    for (const last of '0123456789abcdef') {
      const id = `be237be8-b0f8-42e6-99a5-a013321c460${last}`;
      const bundle = buildFhirBundle(kb, {
        runner: { id: `866dff01-1ac3-4fc4-b358-30302b1c0c7${last}`, email: 'r@example.org' },
        generatedAt: '2026-03-02T09:00:00.000Z',
        assessment: {
          id,
          answers: { pain_now: 4 },
          result: null,
          updatedAt: '2026-03-02T09:00:00.000Z',
        },
        plan: null,
        checkIns: [],
        appointments: [],
        outcomes: [],
      });
      const urls = (bundle.entry ?? []).map((e) => e.fullUrl);
      expect(urls).toHaveLength(3);
      expect(new Set(urls).size).toBe(urls.length);
    }
  });

  it('exports each outcome measure as an Observation: NPRS under the pain LOINC code, PSFS by text only', () => {
    const bundle = buildFhirBundle(kb, {
      runner: { id: '866dff01-1ac3-4fc4-b358-30302b1c0c71', email: 'r@example.org' },
      generatedAt: '2026-03-02T09:00:00.000Z',
      assessment: null,
      plan: null,
      checkIns: [],
      appointments: [],
      outcomes: [
        {
          id: 'a0000000-0000-4000-8000-000000000001',
          instrument: 'nprs',
          score: 6,
          items: null,
          recordedAt: '2026-03-01T08:00:00.000Z',
          recordedBy: 'Dr Test Physio',
        },
        {
          id: 'a0000000-0000-4000-8000-000000000002',
          instrument: 'psfs',
          score: 4.5,
          items: [
            { activity: 'Running 5 km', score: 3 },
            { activity: 'Sitting at work', score: 6 },
          ],
          recordedAt: '2026-03-02T08:00:00.000Z',
          recordedBy: null,
        },
      ],
    });
    const [, nprs, psfs] = (bundle.entry ?? []).map((e) => e.resource as Observation);
    expect(nprs).toMatchObject({
      resourceType: 'Observation',
      id: 'a0000000-0000-4000-8000-000000000001',
      code: { coding: [LOINC_PAIN_SEVERITY], text: OUTCOME_INSTRUMENT_NAMES.nprs },
      effectiveDateTime: '2026-03-01T08:00:00.000Z',
      valueInteger: 6,
      performer: [{ display: 'Dr Test Physio' }],
    });
    expect(psfs).toMatchObject({
      effectiveDateTime: '2026-03-02T08:00:00.000Z',
      valueQuantity: { value: 4.5, code: '{score}' },
      component: [
        { code: { text: 'Running 5 km' }, valueInteger: 3 },
        { code: { text: 'Sitting at work' }, valueInteger: 6 },
      ],
      performer: [{ reference: 'Patient/866dff01-1ac3-4fc4-b358-30302b1c0c70' }],
    });
    // No made-up code system: PSFS is named by text only.
    expect(psfs?.code.coding).toBeUndefined();
    expect(psfs?.code.text).toContain(OUTCOME_INSTRUMENT_NAMES.psfs);
  });
});
