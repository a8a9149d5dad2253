/**
 * Every page, at a phone (375×812) and a desktop (1280×800) size: a
 * screenshot under test-artifacts/screenshots/ and an axe scan with no
 * serious or critical violations, and no Content-Security-Policy violation
 * (the server's strict policy is on every page). Data is seeded through the API.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BODY_REGION_LABELS } from '@backtrack/core';
import { ApiClient, uniqueEmail, type ApiInterview } from './support/api.js';
import { benignAnswer } from './support/answers.js';
import { screenshot, screenshotOnFailure, seriousViolations } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';
import { cspConsoleReports, cspViolations, recordCspViolations } from './support/csp.js';

const baseURL = inject('baseURL');
let browser: TestBrowser;
let page: Page | undefined;

/** A page to check: where it is and what shows it is ready. */
interface Screen {
  name: string;
  path: () => string;
  ready: (p: Page) => Promise<unknown>;
  /** Signed-out pages are opened without the account's cookies. */
  signedOut?: boolean;
}

const seeded = {
  cookies: [] as { name: string; value: string; url: string }[],
  assessmentId: '',
  planId: '',
  questionStops: [] as { kind: string; assessmentId: string; text: string }[],
  emergencyId: '',
  emergencyCookies: [] as { name: string; value: string; url: string }[],
  activityId: '',
};

/** A real watch file with positions, heart rate, cadence, laps and running dynamics. */
const ACTIVITY_FILE = path.resolve(
  import.meta.dirname,
  '../packages/importers/test-fixtures/activities/fit/garmin-fenix5x-run-running-dynamics-stryd.fit',
);

/** Answers a full-mode assessment through the API, noting the first question of each kind. */
async function seedQuestionStops(api: ApiClient) {
  // Each answer type once, and a distance (a number in km, shown with the unit switch).
  const wanted = new Set<string>([
    'number',
    'yes_no',
    'single',
    'multi',
    'scale',
    'body_regions',
    'distance',
  ]);
  let interview = await api.post<ApiInterview>('/api/assessments', { mode: 'full' });
  for (let i = 0; i < 120 && wanted.size > 0 && interview.next; i++) {
    const q = interview.next.question;
    const kind = q.unit === 'km' ? 'distance' : q.type;
    if (wanted.has(kind)) {
      wanted.delete(kind);
      // A separate assessment per stop would be slow; instead remember the text and replay later.
      seeded.questionStops.push({ kind, assessmentId: interview.id, text: q.text });
    }
    interview = await api.post<ApiInterview>(`/api/assessments/${interview.id}/answers`, {
      questionId: q.id,
      value: benignAnswer(q),
    });
  }
}

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
  const api = new ApiClient(baseURL);
  await api.register(uniqueEmail('a11y'), 'correct horse battery');
  const done = await api.assess();
  seeded.assessmentId = done.id;
  const plan = await api.savePlan(done.id, '2025-03-03');
  seeded.planId = plan.id;
  for (const [i, date] of [
    '2025-03-03',
    '2025-03-04',
    '2025-03-06',
    '2025-03-08',
    '2025-03-10',
  ].entries()) {
    await api.checkIn(plan.id, {
      date,
      painDuring: 4 - Math.min(3, i),
      painAfter: 3,
      painNextMorning: 2,
      sessionsDone: 1,
      sessionsPlanned: 1,
    });
  }
  seeded.cookies = api.browserCookies();
  const imported = await api.importActivities([
    { name: path.basename(ACTIVITY_FILE), data: readFileSync(ACTIVITY_FILE) },
  ]);
  seeded.activityId = imported.activities[0]?.id ?? '';

  const emergency = new ApiClient(baseURL);
  const ended = await emergency.assess((q) => (q.id === 'saddle_numbness' ? 'yes' : undefined));
  expect(ended.endedBecause).toBe('emergency');
  seeded.emergencyId = ended.id;
  seeded.emergencyCookies = emergency.browserCookies();
});

afterAll(async () => {
  await browser.close();
});

const heading = (name: string | RegExp) => (p: Page) =>
  p.getByRole('heading', { level: 1, name }).waitFor();

const screens: Screen[] = [
  {
    name: 'start',
    path: () => '/',
    ready: heading('Running with a sore lower back?'),
    signedOut: true,
  },
  {
    name: 'report',
    path: () => `/report/${seeded.assessmentId}`,
    ready: async (p) => {
      await heading('Your report')(p);
      await p.getByText('Why we think so', { exact: true }).first().click();
      await p.getByText('Day 1 of your plan:').waitFor();
    },
  },
  {
    name: 'plan-preview',
    path: () => `/assessment/${seeded.assessmentId}/plan`,
    ready: async (p) => {
      await heading('Your plan')(p);
      await p.getByRole('heading', { name: 'Your exercises' }).waitFor();
      await p.getByRole('button', { name: 'Save plan' }).waitFor();
    },
  },
  {
    name: 'plan-saved',
    path: () => `/plans/${seeded.planId}`,
    ready: async (p) => {
      await heading('Your plan')(p);
      await p.getByText(/^Started /).waitFor();
      await p
        .getByRole('img', { name: /start and end positions/ })
        .first()
        .waitFor();
    },
  },
  {
    name: 'check-in',
    path: () => `/plans/${seeded.planId}/check-in`,
    ready: async (p) => {
      await heading('Daily check-in')(p);
      await p.getByRole('button', { name: 'Save check-in' }).waitFor();
    },
  },
  {
    name: 'progress',
    path: () => `/plans/${seeded.planId}/progress`,
    ready: async (p) => {
      await heading('Progress')(p);
      await p.getByRole('img', { name: /Pain over time/ }).waitFor();
    },
  },
  {
    name: 'account-signed-in',
    path: () => '/account',
    ready: async (p) => {
      await heading('Your account')(p);
      await p.getByRole('link', { name: /Download my data/ }).waitFor();
    },
  },
  {
    name: 'account-signed-out',
    path: () => '/account',
    ready: async (p) => {
      await heading('Your account')(p);
      await p.getByRole('form', { name: 'Log in' }).waitFor();
    },
    signedOut: true,
  },
  {
    name: 'check-in-without-plan',
    path: () => '/check-in',
    ready: (p) => p.getByText('Check-ins and progress belong to a saved plan').waitFor(),
    signedOut: true,
  },
  {
    name: 'not-found',
    path: () => '/no-such-page',
    ready: heading('Page not found'),
    signedOut: true,
  },
];

describe.each(Object.entries(VIEWPORTS))('at %s size', (viewportName, viewport) => {
  it.each(screens)(
    '$name has no serious accessibility violations and no CSP violation',
    async (screen) => {
      screenshotOnFailure(() => page, `${screen.name}-${viewportName}`);
      const context = await browser.newContext({ viewport });
      await recordCspViolations(context);
      if (!screen.signedOut) await context.addCookies(seeded.cookies);
      page = await context.newPage();
      const reports = cspConsoleReports(page);
      const response = await page.goto(screen.path());
      expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
      await screen.ready(page);
      await screenshot(page, `${screen.name}-${viewportName}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(reports).toEqual([]);
      await context.close();
    },
  );

  it.runIf(viewportName === 'phone')(
    'the activity page (route, pace, heart rate, elevation, cadence, laps) has no serious accessibility violations',
    async () => {
      screenshotOnFailure(() => page, `activity-${viewportName}`);
      const context = await browser.newContext({ viewport });
      await recordCspViolations(context);
      await context.addCookies(seeded.cookies);
      page = await context.newPage();
      await page.goto(`/training/activities/${seeded.activityId}`);
      await page.getByRole('img', { name: /^Route/ }).waitFor();
      for (const chart of ['Pace', 'Heart rate', 'Elevation', 'Cadence']) {
        await page.getByRole('img', { name: new RegExp(`^${chart} over distance`) }).waitFor();
      }
      await page.getByRole('heading', { level: 2, name: 'Laps' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Running dynamics' }).waitFor();
      await page.getByText('Show the numbers').first().click();
      await page.getByRole('table', { name: /^Pace at each km/ }).waitFor();
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).resolves.toBe(true);
      await screenshot(page, `activity-${viewportName}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      // The narrowest phones too: nothing scrolls sideways at 320 px.
      await page.setViewportSize({ width: 320, height: 700 });
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).resolves.toBe(true);
      await context.close();
    },
  );

  it('the CSP check sees a violation: an injected inline script is refused', async () => {
    const context = await browser.newContext({ viewport });
    await recordCspViolations(context);
    page = await context.newPage();
    const reports = cspConsoleReports(page);
    await page.goto('/');
    await heading('Running with a sore lower back?')(page);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(await cspViolations(page)).toEqual([
      expect.stringMatching(/^script-src-elem blocked inline/),
    ]);
    expect(reports.length).toBeGreaterThan(0);
    await context.close();
  });

  it('the emergency screen has no serious accessibility violations', async () => {
    screenshotOnFailure(() => page, `emergency-${viewportName}`);
    const context = await browser.newContext({ viewport });
    await context.addCookies(seeded.emergencyCookies);
    page = await context.newPage();
    await page.goto(`/assessment/${seeded.emergencyId}`);
    await page.getByRole('dialog', { name: 'Call emergency services now' }).waitFor();
    await screenshot(page, `emergency-${viewportName}`);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the plan prints every week, without the navigation', async () => {
    screenshotOnFailure(() => page, `plan-print-${viewportName}`);
    const context = await browser.newContext({ viewport });
    await context.addCookies(seeded.cookies);
    page = await context.newPage();
    await page.goto(`/plans/${seeded.planId}`);
    await page.getByRole('heading', { level: 1, name: 'Your plan' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const week of [1, 2, 3, 4, 5, 6]) {
      await page.getByRole('heading', { level: 3, name: new RegExp(`^Week ${week}: `) }).waitFor();
    }
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await screenshot(page, `plan-print-${viewportName}`);
    await context.close();
  });

  it('each kind of question has no serious accessibility violations', async () => {
    const context = await browser.newContext({ viewport });
    const api = new ApiClient(baseURL);
    await seedQuestionStops(api);
    await context.addCookies(api.browserCookies());
    page = await context.newPage();
    screenshotOnFailure(() => page, `questions-${viewportName}`);
    // Replay: a fresh full-mode assessment, answered in the API up to each stop, shown in the page.
    const replay = await api.post<ApiInterview>('/api/assessments', { mode: 'full' });
    let interview = replay;
    for (const stop of seeded.questionStops.splice(0)) {
      while (interview.next && interview.next.question.text !== stop.text) {
        interview = await api.post<ApiInterview>(`/api/assessments/${replay.id}/answers`, {
          questionId: interview.next.question.id,
          value: benignAnswer(interview.next.question),
        });
      }
      await page.goto(`/assessment/${replay.id}`);
      await page.getByRole('heading', { level: 1, name: stop.text, exact: true }).waitFor();
      await screenshot(page, `question-${stop.kind}-${viewportName}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await context.close();
  });
});

/**
 * Every control of a question on screen with its target size: an input is
 * hit through its label, so the label's box is its target. The body map's
 * drawing is listed apart (pointer targets with an equivalent control).
 */
async function questionTargets(p: Page) {
  return p.evaluate(() => {
    const form = document.querySelector('form.question');
    if (!form) throw new Error('no question on screen');
    const controls = form.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])',
    );
    const targets = Array.from(controls)
      .filter((el) => !el.closest('svg'))
      .map((el) => {
        const hit = el instanceof HTMLInputElement ? (el.closest('label') ?? el) : el;
        const box = hit.getBoundingClientRect();
        return {
          name: (hit.textContent ?? '').trim() || el.getAttribute('value') || el.tagName,
          width: Math.round(box.width),
          height: Math.round(box.height),
        };
      });
    const drawing = Array.from(form.querySelectorAll<SVGElement>('svg [data-region]')).map(
      (el) => ({
        region: el.dataset.region ?? '',
        hiddenFromAssistiveTech: el.closest('[aria-hidden="true"]') !== null,
        focusable: el.closest('[tabindex]') !== null,
        equivalent: form.querySelector(`input[type="checkbox"][value="${el.dataset.region ?? ''}"]`)
          ? true
          : false,
      }),
    );
    return { targets, drawing };
  });
}

describe('touch targets on a phone (375 px)', () => {
  it('every control of the body-map and 0–10 questions is at least 44 × 44 px', async () => {
    const api = new ApiClient(baseURL);
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    screenshotOnFailure(() => page, 'touch-targets-phone');
    let interview = await api.post<ApiInterview>('/api/assessments', { mode: 'full' });
    await context.addCookies(api.browserCookies());
    page = await context.newPage();
    const kinds = new Set<string>();
    for (let i = 0; i < 120 && interview.next && kinds.size < 2; i++) {
      const q = interview.next.question;
      if ((q.type === 'body_regions' || q.type === 'scale') && !kinds.has(q.type)) {
        kinds.add(q.type);
        await page.goto(`/assessment/${interview.id}`);
        await page.getByRole('heading', { level: 1, name: q.text, exact: true }).waitFor();
        const { targets, drawing } = await questionTargets(page);
        expect(targets.length).toBeGreaterThan(q.type === 'scale' ? 11 : 13);
        const small = targets.filter((t) => t.width < 44 || t.height < 44);
        expect(small, `${q.type}: targets under 44 px`).toEqual([]);
        if (q.type === 'body_regions') {
          // WCAG 2.5.8's "equivalent" exception: the drawing's regions are
          // pointer-only (out of the tab order, hidden from screen readers)
          // and each has a 44 px checkbox for the same region in the list.
          expect(drawing.map((d) => d.region).sort()).toEqual(
            Object.keys(BODY_REGION_LABELS).sort(),
          );
          for (const d of drawing) {
            expect(d).toEqual({
              region: d.region,
              hiddenFromAssistiveTech: true,
              focusable: false,
              equivalent: true,
            });
          }
          // A tap on the drawing and a tap on the list are one answer.
          await page.locator('.body-map svg [data-region="low_back_centre"]').click();
          const box = page.getByRole('checkbox', {
            name: BODY_REGION_LABELS.low_back_centre,
            exact: true,
          });
          await expect(box.isChecked()).resolves.toBe(true);
          await box.uncheck();
          await expect(
            page.locator('.body-map svg [data-region="low_back_centre"].is-pressed').count(),
          ).resolves.toBe(0);
        }
        await screenshot(page, `question-${q.type}-targets-phone`);
        expect(await seriousViolations(page)).toEqual([]);
      }
      interview = await api.post<ApiInterview>(`/api/assessments/${interview.id}/answers`, {
        questionId: q.id,
        value: benignAnswer(q),
      });
    }
    expect([...kinds].sort()).toEqual(['body_regions', 'scale']);
    await context.close();
  });
});
