import { loadKnowledgeBase } from '@backtrack/core';
import { describe, expect, it } from 'vitest';
import { buildFhirBundle } from './bundle.js';

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
      });
      const urls = (bundle.entry ?? []).map((e) => e.fullUrl);
      expect(urls).toHaveLength(3);
      expect(new Set(urls).size).toBe(urls.length);
    }
  });
});
