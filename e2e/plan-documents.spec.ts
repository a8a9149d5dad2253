/**
 * The plan's take-away documents from the web (issue 12): the handout PDF and
 * the `.ics` behind the saved plan's buttons open (poppler, ical.js); the
 * plan printed from the browser (`page.pdf()`) starts on its first page,
 * flows several exercises a page, and prints no "How to do it" marker and
 * no source ids.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, uniqueEmail } from './support/api.js';
import { SCREENSHOT_DIR, screenshot, screenshotOnFailure } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';

const baseURL = inject('baseURL');
let browser: TestBrowser;
let page: Page | undefined;
let context: BrowserContext;
let planId = '';
let exerciseNames: string[] = [];
let dir = '';

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
  dir = await mkdtemp(join(tmpdir(), 'backtrack-e2e-documents-'));
  const api = new ApiClient(baseURL);
  await api.register(uniqueEmail('documents'), 'correct horse battery');
  const done = await api.assess();
  planId = (await api.savePlan(done.id, '2025-03-03')).id;
  context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  await context.addCookies(api.browserCookies());
  const saved = (await (await context.request.get(`/api/plans/${planId}`)).json()) as {
    plan: { weeks: { days: { items: { kind: string; name?: string }[] }[] }[] };
  };
  exerciseNames = [
    ...new Set(
      saved.plan.weeks.flatMap((w) =>
        w.days.flatMap((d) =>
          d.items.flatMap((i) => (i.kind === 'exercise' ? [i.name ?? ''] : [])),
        ),
      ),
    ),
  ];
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

/** The text of each page of a PDF, by poppler's `pdftotext`. */
function pagesOf(path: string): string[] {
  const info = execFileSync('pdfinfo', [path]).toString('utf8');
  const count = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), path, '-']).toString(
      'utf8',
    ),
  );
}

describe('the plan to take away', () => {
  it('downloads the handout PDF and the calendar from the saved plan', async () => {
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'plan-documents');
    await p.goto(`/plans/${planId}`);
    await p.getByRole('heading', { level: 1, name: 'Your plan' }).waitFor();

    const pdfHref = await p
      .getByRole('link', { name: 'Download the handout (PDF)' })
      .getAttribute('href');
    expect(pdfHref).toBe(`/api/plans/${planId}/handout.pdf?unit=km`);
    const pdf = await context.request.get(pdfHref ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfPath = join(dir, 'handout.pdf');
    await writeFile(pdfPath, await pdf.body());
    const handout = pagesOf(pdfPath).join('\n');
    expect(handout).toContain('Weekly schedule');
    for (const name of exerciseNames) expect(handout.replaceAll(/\s+/g, ' ')).toContain(name);

    const icsHref = await p
      .getByRole('link', { name: 'Add to my calendar (.ics)' })
      .getAttribute('href');
    const ics = await context.request.get(icsHref ?? '');
    expect(ics.status()).toBe(200);
    const calendar = ICAL.Component.fromString(await ics.text());
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(6);
    expect(events[0]?.startDate.toString()).toBe('2025-03-03');
    await p.close();
  });

  it('prints from the browser without a blank first page, markers or source ids, several exercises a page', async () => {
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'plan-print-pdf');
    await p.goto(`/plans/${planId}`);
    await p.getByRole('heading', { level: 1, name: 'Your plan' }).waitFor();
    await p
      .getByRole('img', { name: /start and end positions/ })
      .first()
      .waitFor();
    await p.emulateMedia({ media: 'print' });
    await screenshot(p, 'plan-print-desktop');
    // Kept with the screenshots as a test artifact.
    const path = join(SCREENSHOT_DIR, 'plan-print.pdf');
    await writeFile(path, await p.pdf({ format: 'A4', printBackground: true }));
    const pages = pagesOf(path);
    const all = pages.join('\n');

    // The first page starts the plan, not a mostly blank sheet.
    expect(pages[0]).toContain('Your plan');
    expect(pages[0]?.replaceAll(/\s+/g, ' ').length).toBeGreaterThan(400);
    // Every exercise printed, several to a page; no page almost empty.
    const flat = all.replaceAll(/\s+/g, ' ');
    for (const name of exerciseNames) expect(flat).toContain(name);
    // The exercise cards run from "Your exercises" to the next section: fewer pages than cards.
    const first = pages.findIndex((text) => text.includes('Your exercises'));
    const next = pages.findIndex(
      (text, i) => i > first && /Running rules|When to seek help/.test(text),
    );
    const exercisePages = next - first + 1;
    expect(first).toBeGreaterThanOrEqual(0);
    expect(exercisePages).toBeLessThan(exerciseNames.length);
    for (const text of pages.slice(0, -1))
      expect(text.replaceAll(/\s+/g, ' ').length).toBeGreaterThan(300);
    // No disclosure markers, no source ids.
    expect(all).not.toContain('How to do it');
    expect(all).not.toMatch(/[▼▶▸▾]/);
    expect(all).not.toMatch(/\bS\d-\d\d\b/);
    console.log(
      `printed plan: ${String(pages.length)} pages, ${String(exerciseNames.length)} exercises on ${String(exercisePages)} pages`,
    );
    await p.close();
  });

  it('offers no future date for a check-in', async () => {
    page = await context.newPage();
    const p = page;
    await p.goto(`/plans/${planId}/check-in`);
    const date = p.getByLabel('Date', { exact: true });
    await date.waitFor();
    // TZ=UTC in the e2e project: the browser's today is the UTC date.
    await expect(date.getAttribute('max')).resolves.toBe(new Date().toISOString().slice(0, 10));
    // Typed anyway: refused as it is typed, before Save, and Save sends nothing.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await date.fill(tomorrow);
    await p.getByRole('alert').getByText('That day has not come yet').waitFor();
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    for (const legend of ['Pain during', 'Pain straight after', 'Pain this morning']) {
      await p
        .getByRole('group', { name: legend })
        .getByRole('radio', { name: '1', exact: true })
        .check();
    }
    const sent: string[] = [];
    p.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/checkins')) sent.push(r.url());
    });
    await p.getByRole('button', { name: 'Save check-in' }).click();
    await expect
      .poll(() => p.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('date');
    expect(sent).toEqual([]);
    await p.close();
  });

  it('saves one plan from a double click and from a second tab', async () => {
    const api = new ApiClient(baseURL);
    await api.register(uniqueEmail('save-once'), 'correct horse battery');
    const done = await api.assess();
    const tabs = await browser.newContext({ viewport: VIEWPORTS.phone });
    await tabs.addCookies(api.browserCookies());
    const [one, two] = [await tabs.newPage(), await tabs.newPage()];
    page = one;
    screenshotOnFailure(() => page, 'plan-save-once');
    for (const p of [one, two]) {
      await p.goto(`/assessment/${done.id}/plan`);
      await p.getByRole('button', { name: 'Save plan' }).waitFor();
      await p.getByLabel('Start date').fill('2025-03-03');
    }
    await one.getByRole('button', { name: 'Save plan' }).dblclick();
    await two.getByRole('button', { name: 'Save plan' }).click();
    for (const p of [one, two]) await p.waitForURL(/\/plans\/[^/]+$/);
    expect(new URL(one.url()).pathname).toBe(new URL(two.url()).pathname);
    const plans = (await (await tabs.request.get('/api/plans')).json()) as { plans: unknown[] };
    expect(plans.plans).toHaveLength(1);
    await tabs.close();
  });

  it('names plan levels in words: no "level -1" after a week that steps back, no two-step jump', async () => {
    const api = new ApiClient(baseURL);
    await api.register(uniqueEmail('levels'), 'correct horse battery');
    const done = await api.assess();
    const saved = await api.savePlan(done.id, '2025-03-03');
    // Pain above the acceptable during week 1: week 2 steps back below the start.
    for (const date of ['2025-03-03', '2025-03-05', '2025-03-07']) {
      await api.checkIn(saved.id, {
        date,
        painDuring: 6,
        painAfter: 5,
        painNextMorning: 2,
        sessionsDone: 1,
        sessionsPlanned: 1,
      });
    }
    const levels = await browser.newContext({ viewport: VIEWPORTS.phone });
    await levels.addCookies(api.browserCookies());
    page = await levels.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'plan-levels');
    await p.goto(`/plans/${saved.id}`);
    await p.getByRole('heading', { level: 1, name: 'Your plan' }).waitFor();
    await p.emulateMedia({ media: 'print' });
    await p.getByRole('heading', { level: 3, name: /^Week 2: / }).waitFor();
    const planText = await p.locator('main').innerText();
    expect(planText).toContain('Level: 1 step easier than the start');
    expect(planText).not.toMatch(/\blevel -?\d/i);
    await p.emulateMedia({ media: 'screen' });
    await p.goto(`/plans/${saved.id}/progress`);
    await p.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    const progressText = await p.locator('main').innerText();
    expect(progressText).not.toMatch(/\blevel -?\d/i);
    expect(progressText).not.toMatch(/2 steps (harder|easier)/);
    // Signed in: the phone's tab bar is up before the screenshot.
    await p.getByRole('navigation', { name: 'Tabs' }).waitFor();
    await screenshot(p, 'progress-levels-375');
    await levels.close();
  });
});
