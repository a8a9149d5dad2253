/**
 * The plan's handout and calendar from the API: owner only, the PDF drawn on
 * the worker pool and read back by poppler, the `.ics` parsed by ical.js.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAssessment } from '../testing/interview.js';
import { pdfPages, pdfText } from '../testing/pdf.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { SavedPlanDto } from './dto.js';

let t: TestApp;
let runner: TestBrowser;
let plan: SavedPlanDto;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T07:30:00.000Z' });
  runner = t.browser();
  const assessmentId = (await takeAssessment(runner, DESK_RUNNER)).id;
  const registered = await t.register(runner, 'handout@example.org', 'long enough password');
  expect(registered.status).toBe(200);
  const saved = await runner.post('/api/plans', { assessmentId, startDate: '2026-03-02' });
  expect(saved.status).toBe(201);
  plan = saved.body as SavedPlanDto;
}, 60_000);
afterAll(async () => {
  await t.close();
});

// The first PDF starts a worker thread (from source, through tsx) and parses the fonts: seconds on a busy machine.
describe('GET /api/plans/:id/handout.pdf', { timeout: 60_000 }, () => {
  it('is the illustrated handout of the plan as adapted so far', async () => {
    const res = await runner.get(`/api/plans/${plan.id}/handout.pdf?unit=mi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="backtrack-plan-2026-03-02.pdf"',
    );
    expect(pdfPages(res.bytes)).toBeGreaterThan(2);
    const text = pdfText(res.bytes);
    expect(text).toContain(`Your ${String(plan.plan.weeks.length)}-week plan`);
    expect(text).toContain('Weekly schedule');
    expect(text).toContain('Distances in miles');
    const firstExercise = plan.plan.weeks[0]?.days
      .flatMap((d) => d.items)
      .find((i) => i.kind === 'exercise');
    expect(text).toContain(firstExercise?.kind === 'exercise' ? firstExercise.name : '?');
    expect(text).toContain('not a diagnosis');
  });

  it('is the owner’s only: another account gets 404', async () => {
    const other = t.browser();
    expect(
      (await t.register(other, 'someone-else@example.org', 'long enough password')).status,
    ).toBe(200);
    expect((await other.get(`/api/plans/${plan.id}/handout.pdf`)).status).toBe(404);
    expect((await other.get(`/api/plans/${plan.id}/calendar.ics`)).status).toBe(404);
  });
});

describe('GET /api/plans/:id/calendar.ics', () => {
  it('parses, with one all-day event per plan day with something planned', async () => {
    const res = await runner.get(`/api/plans/${plan.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = ICAL.Component.fromString(res.text);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const planned = plan.plan.weeks.reduce(
      (n, w) => n + w.days.filter((d) => d.items.length > 0).length,
      0,
    );
    expect(events).toHaveLength(planned);
    const first = events[0];
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe('2026-03-02');
    expect(first?.summary).toMatch(/^Backtrack: /);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});
