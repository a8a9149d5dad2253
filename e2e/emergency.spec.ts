/**
 * The emergency path: new saddle numbness stops the assessment at once and
 * shows the full-screen "what to do now" page, with the reason.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, screenshotOnFailure } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';
import { assessmentIdOf, completeAssessment, readInterview } from './support/ui.js';

const baseURL = inject('baseURL');
let browser: TestBrowser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
});

afterAll(async () => {
  await browser.close();
});

describe('emergency path', () => {
  it('shows what to do now as soon as saddle numbness is reported', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'emergency');
    await p.goto('/');
    await p.getByRole('button', { name: 'Start', exact: true }).click();
    await p.getByRole('progressbar').waitFor();

    let askedAfter = 0;
    let sawSaddle = false;
    const final = await completeAssessment(p, {
      choose: (q) => (q.id === 'saddle_numbness' ? 'yes' : undefined),
      onQuestion: async (q) => {
        if (sawSaddle) askedAfter++;
        if (q.id === 'saddle_numbness') {
          sawSaddle = true;
          // A warning-sign question: no Skip, and "Not sure" is offered instead.
          await expect(p.getByRole('button', { name: 'Skip' }).count()).resolves.toBe(0);
          await expect(p.getByRole('radio', { name: 'Not sure' }).count()).resolves.toBe(1);
        }
      },
    });
    expect(sawSaddle).toBe(true);
    expect(askedAfter).toBe(0);
    expect(final.status).toBe('done');
    expect(final.endedBecause).toBe('emergency');

    const dialog = p.getByRole('dialog', { name: 'Call emergency services now' });
    await dialog.waitFor();
    await expect(dialog.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Call emergency services now',
    );
    await expect(dialog.getByRole('link', { name: '112' }).getAttribute('href')).resolves.toBe(
      'tel:112',
    );
    await expect(
      dialog
        .getByText(/emergency department/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    // The reason names what was reported.
    await expect(
      dialog
        .getByText(/numbness/i)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    // Full screen: the dialog covers the viewport.
    const box = await dialog.boundingBox();
    expect(box?.width).toBe(VIEWPORTS.phone.width);
    expect(box?.height).toBe(VIEWPORTS.phone.height);
    // Escape does not dismiss it.
    await p.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await screenshot(p, 'emergency-journey-phone');

    // The report keeps the emergency first.
    const id = assessmentIdOf(p);
    expect((await readInterview(p, id)).result?.triage.tier).toBe('emergency');
    await dialog.getByRole('link', { name: 'See the full report' }).click();
    await p.getByRole('heading', { level: 1, name: 'Your report' }).waitFor();
    await p.getByRole('heading', { level: 2, name: 'Not a diagnosis' }).waitFor();
    await expect(p.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(
      'Get emergency care now',
    );
    // Only what to do now: no weak links, no plan link, no percentages.
    await expect(p.getByRole('heading', { name: 'Your likely weak links' }).count()).resolves.toBe(
      0,
    );
    await expect(p.getByRole('link', { name: 'See my plan' }).count()).resolves.toBe(0);
    expect(await p.locator('main').innerText()).not.toMatch(/\d%/);
    await screenshot(p, 'emergency-report-phone');

    // The plan page, reached directly, gives no plan: the reason and what to do instead.
    await p.goto(`/assessment/${id}/plan`);
    await p.getByRole('heading', { level: 2, name: 'No exercise plan for now' }).waitFor();
    await expect(
      p
        .getByText(/What to do now/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await context.close();
  });
});
