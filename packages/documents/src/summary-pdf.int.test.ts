/**
 * The pre-visit summary PDF, read back with poppler's `pdftotext`
 * (scripts/setup-test-deps.sh installs poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assess,
  buildPreVisitSummary,
  describePlanEditChange,
  generatePlan,
  LEG_PAIN_LABELS,
  loadKnowledgeBase,
  planEditOptions,
  replayPlan,
  validateAnswers,
  withCalmScreen,
  type CheckIn,
  type PlanEdit,
  type PreVisitSummary,
} from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSummaryPdf } from './summary-pdf.js';

const kb = loadKnowledgeBase();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-summary-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function textOf(pdf: Buffer): Promise<string> {
  const path = join(dir, `summary-${String(Math.random()).slice(2)}.pdf`);
  await writeFile(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
}

/** The summary drawn for a test runner, and its text with white space folded. */
async function drawn(summary: PreVisitSummary) {
  const out = await renderSummaryPdf({
    runnerEmail: 'runner@example.test',
    generatedAt: '2026-03-02T09:00:00.000Z',
    summary,
    unit: 'km',
  });
  return { out, text: (await textOf(out.pdf)).replaceAll(/\s+/g, ' ') };
}

describe('renderSummaryPdf', () => {
  it('draws every shared section and names the ones not shared', async () => {
    const { answers } = validateAnswers(kb, withCalmScreen(kb, { age: 35, hop_pain: 'unsure' }));
    const result = assess(kb, answers);
    const summary = buildPreVisitSummary(kb, {
      shared: { assessment: true, plan: false, checkins: false, training: false },
      assessment: { answers, result },
      plan: null,
      training: null,
      outcomes: [],
    });
    const { out, text } = await drawn(summary);
    expect(out.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(out.pageCount).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Pre-visit summary');
    expect(text).toContain('runner@example.test');
    expect(text).toContain('Warning signs answered “not sure”');
    expect(text).toContain(result.contributors[0]?.name ?? '?');
    expect(text).toMatch(/Not shared: the runner did not share their [a-z ]+/);
    expect(text).toContain('Not a diagnosis');
  });

  it('lists the clinicians’ plan edits, where the pain reached and the runner’s notes', async () => {
    const { answers } = validateAnswers(
      kb,
      withCalmScreen(kb, { age: 35, trend: 'same', weekly_km: 30, pain_now: 3 }),
    );
    const result = assess(kb, answers);
    const outcome = generatePlan(kb, result, answers, { longestRunKm: 10 });
    if (outcome.kind !== 'plan') throw new Error('expected a plan');
    const [first] = planEditOptions(kb, outcome, 1);
    if (!first) throw new Error('expected an editable exercise');
    const edit: PlanEdit = {
      id: 'e1',
      at: '2026-03-01T10:00:00.000Z',
      authorName: 'Anna Physio',
      exerciseId: first.exerciseId,
      fromWeek: 1,
      reason: 'Flares after it; rest it a week',
      change: { kind: 'pause' },
    };
    const day = (n: number, extra: Partial<CheckIn>): CheckIn => ({
      day: n,
      painDuring: 2,
      painAfter: 2,
      painNextMorning: 2,
      sessionsDone: 1,
      sessionsPlanned: 2,
      ...extra,
    });
    const checkIns = [
      day(1, { legPain: 'above_knee', distanceKm: 5 }),
      day(2, { legPain: 'below_knee', note: 'Tingling in the calf after the long run' }),
    ];
    const summary = buildPreVisitSummary(kb, {
      shared: { assessment: true, plan: true, checkins: true, training: false },
      assessment: { answers, result },
      plan: { replayed: replayPlan(kb, outcome, checkIns, {}), checkIns, edits: [edit] },
      training: null,
      outcomes: [],
    });
    const { text } = await drawn(summary);
    expect(text).toContain('Changed by clinicians');
    expect(text).toContain(
      'Changed by Anna Physio, Sun 1 Mar 2026: Flares after it; rest it a week',
    );
    expect(text).toContain(describePlanEditChange({ ...edit, exerciseName: first.name }));
    expect(text).toContain(`${LEG_PAIN_LABELS.below_knee}: day 2.`);
    expect(text).toContain(`${LEG_PAIN_LABELS.above_knee}: day 1.`);
    expect(text).toContain('Day 2: Tingling in the calf after the long run');
    expect(text).toContain('5 km in all');
  });

  it('draws the outcome measures over time with the change judged against the minimal important change', async () => {
    const summary = buildPreVisitSummary(kb, {
      shared: { assessment: false, plan: false, checkins: true, training: false },
      assessment: null,
      plan: null,
      training: null,
      outcomes: [
        { instrument: 'nprs', score: 6, items: null, recordedAt: '2026-02-01T09:00:00.000Z' },
        { instrument: 'nprs', score: 3, items: null, recordedAt: '2026-03-01T09:00:00.000Z' },
      ],
    });
    const out = await renderSummaryPdf({
      runnerEmail: 'runner@example.test',
      generatedAt: '2026-03-02T09:00:00.000Z',
      summary,
      unit: 'km',
    });
    const text = (await textOf(out.pdf)).replaceAll(/\s+/g, ' ');
    expect(text).toContain('Outcome measures');
    expect(text).toContain('Sun 1 Feb 2026 6 · Sun 1 Mar 2026 3');
    expect(text).toContain('Made Mon 2 Mar 2026, 09:00 UTC.');
    expect(text).toContain(
      'Pain improved by 3 points (from 6 to 3): at least the 2-point change that matters to patients.',
    );
  });
});
