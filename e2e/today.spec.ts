/**
 * Today and the guided session (issue 12): a runner with a saved plan sees
 * today's exercises and run with their drawings, does the guided session
 * (hold timer on a fake clock, rep counting, an easier version, stop rules),
 * and the check-in is filled in from it: sessions planned counts sessions,
 * not exercises, and sessions done what was finished. Today is marked on the
 * plan's week view. Checked with axe at 320, 375 and 1280 px.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, uniqueEmail } from './support/api.js';
import { screenshot, screenshotOnFailure, seriousViolations } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';
import { LEG_PAIN_LABELS, LEG_PAIN_RECHECK } from '@backtrack/core';

const baseURL = inject('baseURL');
/** A real recorded run (the activity page's route). */
const RUN_FILE = path.resolve(
  import.meta.dirname,
  '../packages/importers/test-fixtures/activities/gpx/strava-run-hr.gpx',
);
let browser: TestBrowser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
});

afterAll(async () => {
  await browser.close();
});

interface PlanItemJson {
  kind: string;
}
interface PlanJson {
  weeks: { days: { day: number; items: PlanItemJson[] }[] }[];
}

/** The UTC date `days` from today, `YYYY-MM-DD` (pages run in UTC). */
function utcDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function choosePain(p: Page, legend: string, value: number) {
  await p
    .getByRole('group', { name: legend })
    .getByRole('radio', { name: String(value), exact: true })
    .check();
}

/** A signed-in runner whose plan has several exercises today. */
async function runnerWithExercisesToday(label: string) {
  const api = new ApiClient(baseURL);
  await api.register(uniqueEmail(label), 'a long enough password');
  const assessment = await api.assess();
  // Start the plan so that today is its first day with several exercises.
  const preview = await api.get<PlanJson>(`/api/assessments/${assessment.id}/plan`);
  const days = preview.weeks[0]?.days ?? [];
  const day = days.find((d) => d.items.filter((i) => i.kind === 'exercise').length > 1);
  if (!day) throw new Error('no day with exercises in week 1');
  const saved = await api.savePlan(assessment.id, utcDate(1 - day.day));
  return {
    api,
    saved,
    day,
    exercisesToday: day.items.filter((i) => i.kind === 'exercise').length,
    planned: 1 + day.items.filter((i) => i.kind !== 'exercise').length,
  };
}

/** The check-ins stored for a plan, through the API. */
async function storedCheckIns(api: ApiClient, planId: string) {
  return (
    await api.get<{ checkIns: { date: string; sessionsDone: number; sessionsPlanned: number }[] }>(
      `/api/plans/${planId}`,
    )
  ).checkIns;
}

describe('today', () => {
  it.each([320, VIEWPORTS.phone.width, VIEWPORTS.desktop.width])(
    'at %i px: shows today, runs the guided session and fills in the check-in from it',
    async (width) => {
      const { api, saved, day, exercisesToday, planned } = await runnerWithExercisesToday(
        `today-${width}`,
      );

      const context = await browser.newContext({ viewport: { width, height: 800 } });
      await context.addCookies(api.browserCookies());
      page = await context.newPage();
      const p = page;
      screenshotOnFailure(() => page, `today-${width}`);
      await p.clock.install();

      // Today: each exercise with its drawing, dose and cues; the sessions counted per session.
      await p.goto('/today');
      await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await p.getByText(`0 of ${planned} session${planned === 1 ? '' : 's'} done today.`).waitFor();
      const list = p.getByRole('region', { name: 'Exercises' });
      // The cues come with the exercise library, which loads after the plan.
      await list.getByRole('list', { name: 'Cues' }).first().waitFor();
      await expect(list.getByRole('img').count()).resolves.toBe(exercisesToday);
      await expect(list.getByText('Dose:').count()).resolves.toBe(exercisesToday);
      await expect(list.getByRole('list', { name: 'Cues' }).count()).resolves.toBe(exercisesToday);
      await expect(seriousViolations(p)).resolves.toEqual([]);
      await screenshot(p, `today-${width}`);

      // The guided session: one exercise at a time.
      await p.getByRole('link', { name: 'Start the guided session' }).click();
      await p.getByText(`Exercise 1 of ${exercisesToday}`).waitFor();
      await p
        .getByRole('region', { name: 'Stop rules' })
        .getByText(/\d+\/10/)
        .first()
        .waitFor();
      await expect(seriousViolations(p)).resolves.toEqual([]);
      await screenshot(p, `guided-session-${width}`);

      let sawHold = false;
      let sawReps = false;
      for (let guard = 0; guard < 200; guard++) {
        if (await p.getByRole('heading', { name: 'Session done' }).isVisible()) break;
        const reps = p.getByRole('group', { name: 'Repetitions' });
        const hold = p.getByRole('group', { name: 'Hold timer' });
        if (!sawReps && (await reps.isVisible())) {
          // Rep counting: +1 and −1.
          const count = reps.getByText(/^\d+ of \d+ repetitions/);
          await reps.getByRole('button', { name: 'One more repetition' }).click();
          await expect(count.textContent()).resolves.toMatch(/^1 of/);
          await reps.getByRole('button', { name: 'One fewer repetition' }).click();
          await expect(count.textContent()).resolves.toMatch(/^0 of/);
          sawReps = true;
        }
        if (!sawHold && (await hold.isVisible())) {
          // The hold timer counts from the clock: jump the clock and the end is announced.
          await hold.getByRole('button', { name: 'Start' }).click();
          await p.clock.fastForward('01:00');
          await p
            .getByRole('status')
            .getByText(/Hold over|Time is up/)
            .waitFor();
          sawHold = true;
        }
        const done = p.getByRole('button', { name: /^Done: / });
        if (await done.isVisible()) await done.click();
        else await p.getByRole('button', { name: /^(Next|Set done: rest)$/ }).click();
      }
      expect(sawHold || sawReps).toBe(true);
      await p.getByRole('heading', { name: 'Session done' }).waitFor();

      // The check-in is filled in: the exercises as one session, done.
      await p.getByRole('link', { name: 'Daily check-in' }).click();
      await p.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();
      await expect(p.getByLabel('Sessions planned today').inputValue()).resolves.toBe(
        String(planned),
      );
      await expect(p.getByLabel('Sessions done').inputValue()).resolves.toBe('1');
      await choosePain(p, 'Pain during', 1);
      await choosePain(p, 'Pain straight after', 1);
      await choosePain(p, 'Pain this morning', 1);
      await p.getByRole('button', { name: 'Save check-in' }).click();
      await p.getByRole('heading', { name: /Check-in saved/ }).waitFor();
      await expect(storedCheckIns(api, saved.id)).resolves.toEqual([
        expect.objectContaining({ sessionsDone: 1, sessionsPlanned: planned }),
      ]);

      // The plan's week view opens on this week, with today marked.
      await p.goto(`/plans/${saved.id}`);
      const todayDay = p.locator('[aria-current="date"]');
      await todayDay.waitFor();
      await expect(todayDay.textContent()).resolves.toContain('Today');
      await expect(todayDay.textContent()).resolves.toContain(`Day ${day.day}`);
      await expect(seriousViolations(p)).resolves.toEqual([]);
      await context.close();
    },
  );

  it.each([320, 375])(
    'is phone-first at %i px: one-line header, bottom tabs, 44 px targets, no sideways scroll',
    async (width) => {
      const api = new ApiClient(baseURL);
      await api.register(uniqueEmail(`phone-${width}`), 'a long enough password');
      const assessment = await api.assess();
      const saved = await api.savePlan(assessment.id, utcDate(-8));
      const context = await browser.newContext({ viewport: { width, height: 740 } });
      await context.addCookies(api.browserCookies());
      page = await context.newPage();
      const p = page;
      screenshotOnFailure(() => page, `phone-${width}`);

      const pages = [
        '/today',
        `/plans/${saved.id}`,
        `/plans/${saved.id}/check-in`,
        `/plans/${saved.id}/progress`,
        '/training',
        '/account',
      ];
      for (const path of pages) {
        await p.goto(path);
        await p.getByRole('heading', { level: 1 }).waitFor();
        await p.getByRole('navigation', { name: 'Tabs' }).waitFor();
        const box = await p.evaluate(() => ({
          header: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect({ path, ...box }).toEqual({ path, ...box, scrollWidth: box.innerWidth });
        // One line: the brand and the menu button, at most one 44 px row plus padding.
        expect(box.header, path).toBeLessThan(64);
        const tabs = p.getByRole('navigation', { name: 'Tabs' }).getByRole('link');
        await expect(tabs.allTextContents()).resolves.toEqual([
          'Today',
          'Plan',
          'Check-in',
          'Training',
          'Account',
        ]);
        for (const tab of await tabs.all()) {
          const b = await tab.boundingBox();
          expect(b?.height ?? 0).toBeGreaterThanOrEqual(44);
          expect(b?.width ?? 0).toBeGreaterThanOrEqual(44);
        }
        await screenshot(
          p,
          `phone-${width}${path.replace(/\/plans\/[^/]+/, '/plan').replaceAll('/', '-')}`,
        );
      }

      // The 0–10 buttons on the check-in page: every one at least 44 × 44.
      await p.goto(`/plans/${saved.id}/check-in`);
      const steps = p.locator('.scale__step span');
      await steps.first().waitFor();
      for (const step of await steps.all()) {
        const b = await step.boundingBox();
        expect(b?.width ?? 0).toBeGreaterThanOrEqual(44);
        expect(b?.height ?? 0).toBeGreaterThanOrEqual(44);
      }
      await expect(seriousViolations(p)).resolves.toEqual([]);

      // The week tabs: 44 px targets, none off-screen.
      await p.goto(`/plans/${saved.id}`);
      const weekTabs = p.getByRole('tab');
      await weekTabs.first().waitFor();
      for (const tab of await weekTabs.all()) {
        const b = await tab.boundingBox();
        expect(b?.width ?? 0).toBeGreaterThanOrEqual(44);
        expect(b?.height ?? 0).toBeGreaterThanOrEqual(44);
        expect((b?.x ?? 0) + (b?.width ?? 0)).toBeLessThanOrEqual(width);
      }
      await expect(seriousViolations(p)).resolves.toEqual([]);
      // The menu holds every link of the header.
      await p.getByText('Menu', { exact: true }).click();
      await p
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Progress' })
        .waitFor();
      await context.close();
    },
  );

  it('works offline: today, the session and a check-in, sent exactly once when back online', async () => {
    const { api, saved, planned } = await runnerWithExercisesToday('offline');
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    await context.addCookies(api.browserCookies());
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'today-offline');

    // Online once: the service worker installs and caches the shell; a reload puts the page under it.
    await p.goto('/today');
    await p.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await p.reload();
    await p.getByRole('list', { name: 'Cues' }).first().waitFor();
    await expect(p.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
    const manifest = await p.request.get('/manifest.webmanifest');
    expect(await manifest.json()).toMatchObject({ start_url: '/today', display: 'standalone' });

    await context.setOffline(true);
    // The guided session, offline: every exercise done.
    await p.getByRole('link', { name: 'Start the guided session' }).click();
    for (let guard = 0; guard < 200; guard++) {
      if (await p.getByRole('heading', { name: 'Session done' }).isVisible()) break;
      const done = p.getByRole('button', { name: /^Done: / });
      if (await done.isVisible()) await done.click();
      else await p.getByRole('button', { name: /^(Next|Set done: rest)$/ }).click();
    }
    await p.getByRole('heading', { name: 'Session done' }).waitFor();

    // A check-in, offline: kept on the device.
    await p.getByRole('link', { name: 'Daily check-in' }).click();
    await expect(p.getByLabel('Sessions done').inputValue()).resolves.toBe('1');
    await choosePain(p, 'Pain during', 2);
    await choosePain(p, 'Pain straight after', 1);
    await choosePain(p, 'Pain this morning', 1);
    // Pain newly past the knee: the warning-sign re-check (HAZ-25) is asked for offline too.
    await p.getByRole('radio', { name: LEG_PAIN_LABELS.below_knee }).check();
    await p.getByRole('button', { name: 'Save check-in' }).click();
    const kept = p.locator('.card', {
      has: p.getByRole('heading', { name: /Check-in kept on this device/ }),
    });
    await kept.waitFor();
    await kept.getByText(LEG_PAIN_RECHECK.heading).waitFor();
    await expect(
      kept.getByRole('link', { name: 'Answer the warning-sign questions' }).count(),
    ).resolves.toBe(1);
    await expect(seriousViolations(p)).resolves.toEqual([]);
    await expect(storedCheckIns(api, saved.id)).resolves.toEqual([]);

    // A reload, still offline, still shows today.
    await p.goto('/today');
    await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await p.getByRole('region', { name: 'Exercises' }).getByRole('img').first().waitFor();
    await screenshot(p, 'today-offline-375');

    // Back online: sent once. Offline and online again, and a reload: still once.
    await context.setOffline(false);
    await expect
      .poll(() => storedCheckIns(api, saved.id), { timeout: 15_000 })
      .toEqual([
        expect.objectContaining({
          sessionsDone: 1,
          sessionsPlanned: planned,
          legPain: 'below_knee',
        }),
      ]);
    await context.setOffline(true);
    await context.setOffline(false);
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await expect(
      p.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('backtrack-offline', 1);
            open.onsuccess = () => {
              const req = open.result.transaction('checkins').objectStore('checkins').count();
              req.onsuccess = () => {
                resolve(req.result);
              };
            };
          }),
      ),
    ).resolves.toBe(0);
    await expect(storedCheckIns(api, saved.id)).resolves.toHaveLength(1);

    // Logging out empties the offline copies of the account's plans (a shared phone).
    const dataCached = () =>
      p.evaluate(async () => {
        const cache = await caches.open('backtrack-data-v1');
        return (await cache.keys()).length;
      });
    await expect(dataCached()).resolves.toBeGreaterThan(0);
    await p.goto('/account');
    await p.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect.poll(dataCached, { timeout: 10_000 }).toBe(0);
    await context.close();
  });
});

describe('signing in and the tab bar', () => {
  it('lands on today with a saved plan (the account page without one); the tab of every route is highlighted', async () => {
    const password = 'a long enough password';
    const withPlan = new ApiClient(baseURL);
    const email = uniqueEmail('landing');
    await withPlan.register(email, password);
    const assessment = await withPlan.assess();
    const saved = await withPlan.savePlan(assessment.id, utcDate(-3));
    const withoutPlan = new ApiClient(baseURL);
    const planless = uniqueEmail('landing-no-plan');
    await withoutPlan.register(planless, password);

    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'landing');
    const logIn = async (address: string) => {
      await p.goto('/account');
      const form = p.getByRole('form', { name: 'Log in' });
      await form.getByLabel('Email').fill(address);
      await form.getByLabel('Password').fill(password);
      await form.getByRole('button', { name: 'Log in' }).click();
    };

    // Without a plan: the account page, signed in.
    await logIn(planless);
    await p.getByText(`Signed in as ${planless}`).waitFor();
    expect(new URL(p.url()).pathname).toBe('/account');
    await p.getByRole('button', { name: 'Log out', exact: true }).click();
    await p.getByRole('form', { name: 'Log in' }).waitFor();

    // With a saved plan: today.
    await logIn(email);
    await p.waitForURL(/\/today$/);
    await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

    // The bottom tab bar marks the tab each page belongs to.
    const activity = await withPlan.importActivities([
      { name: path.basename(RUN_FILE), data: readFileSync(RUN_FILE) },
    ]);
    const activityId = activity.activities[0]?.id;
    expect(activityId).toBeTruthy();
    const routes: [string, string][] = [
      ['/today', 'Today'],
      ['/today/session', 'Today'],
      [`/plans/${saved.id}`, 'Plan'],
      ['/plan', 'Plan'],
      [`/plans/${saved.id}/check-in`, 'Check-in'],
      [`/plans/${saved.id}/progress`, 'Check-in'],
      ['/training', 'Training'],
      [`/training/activities/${activityId ?? ''}`, 'Training'],
      ['/account', 'Account'],
    ];
    const tabs = p.getByRole('navigation', { name: 'Tabs' });
    for (const [path, tab] of routes) {
      await p.goto(path);
      await p.getByRole('heading', { level: 1 }).first().waitFor();
      await expect
        .poll(() => tabs.locator('a[aria-current="page"]').allTextContents(), { message: path })
        .toEqual([tab]);
    }
    await screenshot(p, 'tab-bar-account-375');
    await context.close();
  });
});
