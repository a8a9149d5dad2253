/**
 * The whole runner journey in the browser: start → assessment → report →
 * plan → register → save the plan → check-ins over several days → progress.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueEmail } from './support/api.js';
import { screenshotOnFailure } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';
import { finishRegistration } from './support/mail.js';
import { completeAssessment } from './support/ui.js';

const baseURL = inject('baseURL');
let browser: TestBrowser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
});

afterAll(async () => {
  await browser.close();
});

/** Chooses `value` on the 0–10 scale of the fieldset named `legend`. */
async function choosePain(p: Page, legend: string, value: number) {
  await p
    .getByRole('group', { name: legend })
    .getByRole('radio', { name: String(value), exact: true })
    .check();
}

describe('runner journey', () => {
  it('goes from the start page to a progress chart', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'runner-journey');

    // Start page: what it does and does not do, and Start.
    await p.goto('/');
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'lower back',
    );
    await expect(p.getByText('not a diagnosis').first().isVisible()).resolves.toBe(true);
    await p.getByRole('button', { name: 'Start', exact: true }).click();

    // Assessment: red flags first, then the adaptive questions, one per screen.
    await p.getByRole('progressbar', { name: 'Assessment progress' }).waitFor();
    const stages: string[] = [];
    const final = await completeAssessment(p, {
      onQuestion: async (q, i) => {
        stages.push(q.redFlag ? 'red' : 'other');
        if (i === 0) {
          // The first question is a warning-sign question: no Skip.
          expect(q.redFlag).toBe(true);
          await expect(p.getByRole('button', { name: 'Skip' }).count()).resolves.toBe(0);
        }
      },
    });
    expect(final.status === 'done' || final.next === null).toBe(true);
    // Every red-flag question came before every other question.
    expect(stages.indexOf('other')).toBeGreaterThan(stages.lastIndexOf('red'));

    if (final.status !== 'done') await p.getByRole('button', { name: 'See my report' }).click();

    // Report: triage banner first, weak links with the reasons, not a diagnosis.
    await p.waitForURL(/\/report\//);
    await p.getByRole('heading', { level: 1, name: 'Your report' }).waitFor();
    await p.getByRole('heading', { level: 2, name: 'Your likely weak links' }).waitFor();
    const headings = await p.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toMatch(/No warning signs in your answers|Book a physiotherapist/);
    expect(headings).toContain('Your likely weak links');
    expect(headings).toContain('Not a diagnosis');
    expect(headings).toContain('What to do today');
    const firstWhy = p.getByText('Why we think so', { exact: true }).first();
    await firstWhy.click();
    await p.locator('.why__list li').first().waitFor();

    // Plan preview.
    await p.getByRole('link', { name: 'See my plan' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Your plan' }).waitFor();
    await p.getByRole('tab', { name: 'Week 1' }).waitFor();
    await p.getByRole('heading', { name: 'Your exercises' }).waitFor();
    const illustration = p.getByRole('img', { name: /start and end positions/ }).first();
    await illustration.scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        illustration.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    await expect(illustration.getAttribute('src')).resolves.toMatch(
      /^\/api\/exercises\/[a-z0-9_]+\/illustration\.svg$/,
    );
    await p.getByRole('heading', { name: 'When to seek help' }).waitFor();
    await p.getByRole('radio', { name: 'miles' }).check();
    await p.getByRole('tab', { name: 'Week 2' }).click();
    await expect(
      p.getByRole('tab', { name: 'Week 2' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');

    // Your running: collapsed by default; 2 running days gives 2 runs a week.
    const adjust = p.getByRole('button', { name: 'Adjust to your running' });
    await expect(adjust.getAttribute('aria-expanded')).resolves.toBe('false');
    await adjust.click();
    const running = p.getByRole('form', { name: 'Your running' });
    await running.getByLabel('Running days per week').fill('2');
    await running.getByLabel('Current weekly distance (miles)').fill('12');
    await running.getByLabel('a resistance band').check();
    await running.getByRole('button', { name: 'Update my plan' }).click();
    const runs = p
      .getByRole('tabpanel')
      .getByRole('listitem')
      .filter({ hasText: /^(Long run|Run)\b/ });
    await expect.poll(() => runs.count()).toBe(2);

    // Register to save the plan.
    await p.getByRole('link', { name: 'create an account or log in' }).click();
    await p.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const register = p.getByRole('form', { name: 'Create an account' });
    const email = uniqueEmail('journey');
    await register.getByLabel('Email').fill(email);
    await register.getByLabel('Password').fill('correct horse battery');
    await register.getByRole('button', { name: 'Create account' }).click();
    await finishRegistration(p, email);
    await p.waitForURL(/\/assessment\/[^/]+\/plan$/);

    // Save the plan, starting on a fixed past date.
    await p.getByLabel('Start date').fill('2025-03-03');
    await p.getByRole('button', { name: 'Save plan' }).click();
    await p.waitForURL(/\/plans\/[^/]+$/);
    await p.getByText('Started Mon 3 Mar 2025').waitFor();
    // The running profile set before signing in was saved with the plan.
    const saved = await p.request.get(`/api${new URL(p.url()).pathname}`);
    await expect(saved.json()).resolves.toMatchObject({ profile: { runningDaysPerWeek: 2 } });

    // Check-ins over eight simulated days, the last one in week 2.
    await p.getByRole('link', { name: 'Daily check-in' }).click();
    await p.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();
    const days = ['03', '04', '05', '06', '07', '08', '09', '10'];
    for (const [i, day] of days.entries()) {
      await p.getByLabel('Date').fill(`2025-03-${day}`);
      await choosePain(p, 'Pain during', Math.max(0, 3 - Math.floor(i / 3)));
      await choosePain(p, 'Pain straight after', 2);
      await choosePain(p, 'Pain this morning', 1);
      if (i === 2) {
        // What a physiotherapist reads later: distance run, where the pain reached, a note.
        await p.getByLabel(/Distance run today/).fill('5');
        await p.getByLabel('Down the leg, past the knee').check();
        await p
          .getByLabel('A note for your physiotherapist (optional)')
          .fill('Tingling in the calf');
      }
      await p.getByRole('button', { name: 'Save check-in' }).click();
      await p.getByRole('heading', { name: /Check-in saved for/ }).waitFor();
      await expect(
        p.getByRole('heading', { name: /Check-in saved for/ }).textContent(),
      ).resolves.toContain(`${Number(day)} Mar 2025`);
      // Pain newly past the knee asks for the warning signs again, that day only.
      await expect(p.getByText('Check the warning signs again').count()).resolves.toBe(
        i === 2 ? 1 : 0,
      );
    }
    const kept = await p.request.get(`/api${new URL(p.url()).pathname.replace('/check-in', '')}`);
    await expect(kept.json()).resolves.toMatchObject({
      checkIns: expect.arrayContaining([
        expect.objectContaining({ legPain: 'below_knee', note: 'Tingling in the calf' }),
      ]) as unknown,
    });
    // The adaptation decision and its reason are shown.
    await p
      .getByRole('status')
      .getByText(/^(Progress|Hold|Step back|Not adapted by pain)(:|$)/)
      .waitFor();

    // Progress: the chart and its table.
    await p.getByRole('link', { name: 'See your progress' }).click();
    await p.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    const chart = p.getByRole('img', { name: /Pain over time/ });
    await chart.waitFor();
    await expect(chart.isVisible()).resolves.toBe(true);
    // A header row and one row per check-in (the cached page may show older data for a moment).
    await expect.poll(() => p.getByRole('table').getByRole('row').count()).toBe(days.length + 1);
    await context.close();
  });
});
