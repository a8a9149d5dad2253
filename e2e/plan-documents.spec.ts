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
    await p.close();
  });
});
