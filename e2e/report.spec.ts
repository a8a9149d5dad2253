/**
 * The report read at a glance (issue 12): the urgency first; the top three
 * weak links in full with their band in words and the rest folded; the "why"
 * in plain words with one line per answer and the sources named as
 * references, never as ids or with reviewers' notes; an urgent report offers
 * no plan; an emergency report shows only what to do now.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from './support/api.js';
import type { ApiQuestion } from './support/answers.js';
import { screenshot, screenshotOnFailure, seriousViolations } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';

const baseURL = inject('baseURL');
let browser: TestBrowser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
});

afterAll(async () => {
  await browser.close();
});

/** Opens the report of an assessment answered through the API, at phone size. */
async function openReport(
  answer: (q: ApiQuestion) => string | string[] | undefined,
): Promise<{ p: Page; tier: string | null | undefined; close: () => Promise<void> }> {
  const api = new ApiClient(baseURL);
  const done = await api.assess(answer);
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  await context.addCookies(api.browserCookies());
  const p = await context.newPage();
  page = p;
  await p.goto(`/report/${done.id}`);
  await p.getByRole('heading', { level: 2, name: 'Not a diagnosis' }).waitFor();
  return { p, tier: done.result?.triage.tier, close: () => context.close() };
}

/** Pain that spreads, a sitting-driven pattern and a form fault: many weak links, multiple-choice answers. */
function busyAnswer(q: ApiQuestion): string | string[] | undefined {
  if (q.type === 'body_regions') return ['low_back_centre', 'buttock_left', 'buttock_right'];
  if (q.id === 'worse_with') {
    const wanted = (q.options ?? []).map((o) => o.id).filter((id) => /sit|stair|run/.test(id));
    return wanted.length > 0 ? wanted : undefined;
  }
  return undefined;
}

describe('the report at a glance', () => {
  it('leads with the urgency, shows three weak links in full and folds the rest, in plain words', async () => {
    screenshotOnFailure(() => page, 'report-glance');
    const { p, tier, close } = await openReport(busyAnswer);
    expect(tier === 'self_care' || tier === 'see_clinician').toBe(true);
    const headings = await p.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toMatch(/No warning signs in your answers|Book a physiotherapist/);
    expect(headings[1]).toBe('What to do today');

    // Three in full, the rest in one closed <details>.
    const links = p.getByRole('region', { name: 'Your likely weak links' });
    const more = links.locator('details.contributors__more');
    await expect(more.count()).resolves.toBe(1);
    await expect(more.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    const topCards = links.locator(':scope > ol > li.contributor');
    await expect(topCards.count()).resolves.toBe(3);
    for (const band of await topCards.locator('.contributor__pct').allTextContents())
      expect(band).toMatch(/^(Likely|Possible|Less likely)$/);
    await expect(more.locator(':scope > summary').textContent()).resolves.toMatch(
      /^\d+ more weak links? \((\d+ (likely|possible|less likely)(, )?)+\)$/,
    );
    // No percentage outside the details a runner opens.
    expect(await links.innerText()).not.toMatch(/\d%/);

    // Open every "why": one line per answer, references by name.
    await more.locator(':scope > summary').click();
    for (const why of await links.locator('details.why:not(.contributors__more) > summary').all())
      await why.click();
    const lists = await links.locator('.why__list').all();
    expect(lists.length).toBeGreaterThan(3);
    for (const list of lists) {
      const lines = await list.locator(':scope > li').allInnerTexts();
      expect(new Set(lines).size).toBe(lines.length);
    }
    const text = await p.locator('main').innerText();
    expect(text).not.toMatch(/\bS\d-\d\d\b/);
    expect(text).not.toMatch(/not verified|not captured|recalled|\b[a-z]+-\d{4}\b/);
    const references = await links.locator('.sources li').allInnerTexts();
    expect(references.length).toBeGreaterThan(0);
    expect(references.some((r) => /^[A-Z][\p{L}'’-]+( et al\.?)? (19|20)\d\d$/u.test(r))).toBe(
      true,
    );
    for (const r of references) expect(r.length).toBeLessThan(70);
    expect(await seriousViolations(p)).toEqual([]);
    await screenshot(p, 'report-glance-phone');
    await close();
  });

  it('offers no plan on an urgent report, and says why', async () => {
    screenshotOnFailure(() => page, 'report-urgent');
    const { p, tier, close } = await openReport((q) =>
      q.id === 'weight_loss' ? 'yes' : undefined,
    );
    expect(tier).toBe('urgent_doctor');
    await p.getByRole('heading', { level: 2, name: 'No exercise plan for now' }).waitFor();
    await expect(p.getByRole('link', { name: 'See my plan' }).count()).resolves.toBe(0);
    await expect(p.getByText('What to do today').count()).resolves.toBe(0);
    await p
      .getByText('See a doctor first; these are the likely weak links to discuss afterwards.')
      .waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    await screenshot(p, 'report-urgent-phone');
    await close();
  });

  it('shows an emergency only what to do now: no weak links, no plan, no percentages', async () => {
    screenshotOnFailure(() => page, 'report-emergency');
    const { p, tier, close } = await openReport((q) =>
      q.id === 'saddle_numbness' ? 'yes' : undefined,
    );
    expect(tier).toBe('emergency');
    await expect(p.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(
      'Get emergency care now',
    );
    await p.getByText('What to do now:').first().waitFor();
    await expect(p.getByRole('heading', { name: 'Your likely weak links' }).count()).resolves.toBe(
      0,
    );
    await expect(p.locator('main').getByRole('link', { name: /plan/i }).count()).resolves.toBe(0);
    await expect(p.getByRole('heading', { name: 'Risk screen' }).count()).resolves.toBe(0);
    expect(await p.locator('main').innerText()).not.toMatch(/\d%/);
    expect(await seriousViolations(p)).toEqual([]);
    await screenshot(p, 'report-emergency-phone');
    await close();
  });
});
