/**
 * Booking from the report, at a phone and a desktop size, against the demo
 * clinic (`BACKTRACK_DEMO_CLINIC=1`, started by global-setup): a runner whose
 * triage says "see a clinician" books the free running analysis with consent,
 * gets the confirmation with a calendar file that parses, reschedules and
 * cancels; an emergency report offers no booking; a slot taken meanwhile
 * (409) shows a clear message and fresh times with the choices kept. axe
 * scans every booking page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, uniqueEmail } from './support/api.js';
import type { ApiQuestion } from './support/answers.js';
import { screenshot, screenshotOnFailure, seriousViolations } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';
import { finishRegistration } from './support/mail.js';

const baseURL = inject('baseURL');
let browser: TestBrowser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
});

afterAll(async () => {
  await browser.close();
});

/** Answers that end in `see_clinician`: shooting pain below the knee (the nerve-root rule). */
function nerveRootAnswer(q: ApiQuestion) {
  if (q.id === 'leg_nerve_symptoms') return 'yes';
  if (q.type === 'body_regions') return ['low_back_centre', 'below_knee_left'];
  return undefined;
}

/** A signed-in runner with a finished assessment, and a browser context carrying its cookies. */
async function runner(
  viewport: { width: number; height: number },
  answer: (q: ApiQuestion) => string | string[] | undefined = nerveRootAnswer,
): Promise<{ api: ApiClient; id: string; tier: string; context: BrowserContext; p: Page }> {
  const api = new ApiClient(baseURL);
  await api.register(uniqueEmail('booking'), 'correct horse battery');
  const done = await api.assess(answer);
  const context = await browser.newContext({ viewport });
  await context.addCookies(api.browserCookies());
  const p = await context.newPage();
  page = p;
  return { api, id: done.id, tier: done.result?.triage.tier ?? '', context, p };
}

async function expectAxeClean(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p), name).toEqual([]);
}

const h1 = (p: Page, name: string | RegExp) => p.getByRole('heading', { level: 1, name }).waitFor();

describe.each(Object.entries(VIEWPORTS))('booking on %s', (size, viewport) => {
  it('assess → choose a time → consent → confirmed, .ics, reschedule, cancel', async () => {
    screenshotOnFailure(() => page, `booking-${size}`);
    const { id, tier, context, p } = await runner(viewport);
    expect(tier).toBe('see_clinician');

    await p.goto(`/report/${id}`);
    await h1(p, 'Your report');
    const entry = p.getByRole('region', {
      name: 'Book a physiotherapist within the next two weeks',
    });
    await entry.waitFor();
    await expect(entry.getByText(/earliest free times in the next 14 days/).count()).resolves.toBe(
      1,
    );
    await expectAxeClean(p, `booking-report-${size}`);

    // Tap 1: from the report to the free times (clinic and type preselected).
    await entry.getByRole('link', { name: 'Choose a time with a physiotherapist' }).click();
    await h1(p, 'Choose a time');
    // The focus moved to the page's heading.
    await expect(p.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
    await expect(p.getByLabel('Appointment').inputValue()).resolves.not.toBe('');
    // The runner (UTC) is told the clinic is in Copenhagen.
    await p.getByText(/The clinic is in Europe\/Copenhagen/).waitFor();
    await p.getByLabel('Appointment').selectOption({ label: 'Free running performance analysis' });
    await p.getByRole('heading', { name: /^Free running performance analysis at / }).waitFor();
    await expectAxeClean(p, `booking-slots-${size}`);
    // Touch targets: every time is at least 44 px tall.
    const times = p.locator('.slot-time');
    const box = await times.first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

    // Tap 2: a time.
    await times.first().click();
    await h1(p, 'Check and confirm');
    const consent = p.getByRole('group', { name: /may see$/ });
    for (const label of [
      'My assessment',
      'My exercise plan',
      'My check-ins',
      'My imported training',
    ]) {
      await expect(consent.getByRole('checkbox', { name: label }).isChecked()).resolves.toBe(false);
    }
    await p.getByText(/Without your assessment the clinic gets no pre-visit summary/).waitFor();
    await consent.getByRole('checkbox', { name: 'My assessment' }).check();
    await consent.getByRole('checkbox', { name: 'My check-ins' }).check();
    await expectAxeClean(p, `booking-consent-${size}`);

    // Tap 3: confirm.
    await p.getByRole('button', { name: 'Confirm the appointment' }).click();
    await h1(p, 'Your appointment is booked');
    await p.getByText('Free running performance analysis').first().waitFor();
    await p.getByText(/Demo Street 1/).waitFor();
    await p
      .getByText(/physiotherapist/)
      .first()
      .waitFor();
    await expectAxeClean(p, `booking-confirmation-${size}`);

    // The calendar file parses.
    const href = await p.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/bookings\/[0-9a-f-]+\/ics$/);
    const ics = await context.request.get(href ?? '');
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toMatch(/text\/calendar/);
    const text = await ics.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    expect(text).toMatch(/END:VCALENDAR\r\n?$/);

    // The consent was stored item by item.
    const bookingId = href?.split('/')[3] ?? '';
    const stored = await context.request.get(`/api/bookings/${bookingId}`);
    expect((await stored.json()) as unknown).toMatchObject({
      status: 'booked',
      tier: 'see_clinician',
      share: { assessment: true, plan: false, checkins: true, training: false },
    });

    // Reschedule to another time.
    await p.getByRole('link', { name: 'Reschedule' }).click();
    await h1(p, 'Choose a new time');
    await expectAxeClean(p, `booking-reschedule-${size}`);
    await p.locator('.slot-time').nth(1).click();
    await p.getByRole('button', { name: 'Move my appointment' }).click();
    await h1(p, 'Your appointment has moved');
    const movedHref = await p
      .getByRole('link', { name: 'Add to calendar (.ics)' })
      .getAttribute('href');
    expect(movedHref).not.toBe(href);

    // My appointments: upcoming, then cancel with a confirmation.
    await p.getByRole('link', { name: 'My appointments' }).click();
    await h1(p, 'My appointments');
    const upcoming = p.getByRole('region', { name: 'Upcoming' });
    await upcoming.getByRole('listitem').first().waitFor();
    await expect(upcoming.getByRole('listitem').count()).resolves.toBe(1);
    await expectAxeClean(p, `booking-appointments-${size}`);
    await upcoming.getByRole('button', { name: 'Cancel…' }).click();
    await expectAxeClean(p, `booking-cancel-confirm-${size}`);
    await upcoming.getByRole('button', { name: 'Yes, cancel it' }).click();
    await p.getByText(/No upcoming appointments/).waitFor();
    await p
      .getByRole('region', { name: 'Past and cancelled' })
      .getByText(/— cancelled$/)
      .waitFor();
    await context.close();
  });
});

describe('what the triage allows', () => {
  it('an emergency report offers no booking, only what to do now', async () => {
    screenshotOnFailure(() => page, 'booking-emergency');
    const { tier, id, context, p } = await runner(VIEWPORTS.phone, (q) =>
      q.id === 'saddle_numbness' ? 'yes' : undefined,
    );
    expect(tier).toBe('emergency');
    await p.goto(`/report/${id}`);
    await h1(p, 'Your report');
    await p
      .getByRole('region', { name: 'Get emergency care now, not a physiotherapy appointment' })
      .waitFor();
    await expect(p.getByRole('link', { name: /book|choose a time/i }).count()).resolves.toBe(0);
    await expect(p.getByRole('button', { name: /book/i }).count()).resolves.toBe(0);
    await expectAxeClean(p, 'booking-emergency-report-phone');
    // Even the booking page, opened directly, has nothing to book.
    await p.goto(`/book/${id}`);
    await h1(p, 'Get emergency care now, not a physiotherapy appointment');
    await expect(p.getByRole('button').count()).resolves.toBe(0);
    await expect(p.locator('.slot-time').count()).resolves.toBe(0);
    await expectAxeClean(p, 'booking-emergency-book-phone');
    await context.close();
  });

  it('a slot taken meanwhile (409) says so and shows fresh times, choices kept', async () => {
    screenshotOnFailure(() => page, 'booking-409');
    const { id, context, p } = await runner(VIEWPORTS.phone);
    await p.goto(`/book/${id}`);
    await h1(p, 'Choose a time');
    await p.getByLabel('Appointment').selectOption({ label: 'Free running performance analysis' });
    await p.getByRole('heading', { name: /^Free running performance analysis at / }).waitFor();
    const typeId = await p.getByLabel('Appointment').inputValue();
    await p.locator('.slot-time').first().click();
    await h1(p, 'Check and confirm');
    await p.getByRole('checkbox', { name: 'My assessment' }).check();
    const chosen = new URL(p.url());
    const start = chosen.searchParams.get('start') ?? '';
    const clinicianId = chosen.searchParams.get('clinician') ?? '';

    // Someone else books that very slot first.
    const other = new ApiClient(baseURL);
    await other.register(uniqueEmail('booking-other'), 'correct horse battery');
    await other.post('/api/bookings', {
      clinicId: chosen.searchParams.get('clinic'),
      appointmentTypeId: typeId,
      start,
      clinicianId,
      share: { assessment: false, plan: false, checkins: false, training: false },
    });

    await p.getByRole('button', { name: 'Confirm the appointment' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'That time is no longer free' });
    await alert.waitFor();
    await alert
      .getByText('That time has just been booked by someone else.', { exact: false })
      .waitFor();
    await h1(p, 'Choose a time');
    // The choices are kept: the same appointment type, and the consent given.
    await expect(p.getByLabel('Appointment').inputValue()).resolves.toBe(typeId);
    // The fresh list no longer offers the taken slot with that clinician.
    await p.locator('.slot-time').first().waitFor();
    const remaining = await p.evaluate(() => location.search);
    expect(remaining).not.toContain('start=');
    await expectAxeClean(p, 'booking-409-phone');
    await p.locator('.slot-time').first().click();
    await expect(p.getByRole('checkbox', { name: 'My assessment' }).isChecked()).resolves.toBe(
      true,
    );
    await context.close();
  });

  it('fits a 320 px phone: no sideways scrolling on the times and the consent', async () => {
    screenshotOnFailure(() => page, 'booking-320');
    const { id, context, p } = await runner({ width: 320, height: 640 });
    const overflow = () =>
      p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await p.goto(`/book/${id}`);
    await h1(p, 'Choose a time');
    await p.locator('.slot-time').first().waitFor();
    await expect(overflow()).resolves.toBe(0);
    await screenshot(p, 'booking-slots-320');
    await p.locator('.slot-time').first().click();
    await h1(p, 'Check and confirm');
    await expect(overflow()).resolves.toBe(0);
    const confirm = await p.getByRole('button', { name: 'Confirm the appointment' }).boundingBox();
    expect(confirm?.height ?? 0).toBeGreaterThanOrEqual(44);
    await screenshot(p, 'booking-consent-320');
    await context.close();
  });

  it('an anonymous runner signs in and comes back to the same step with the assessment', async () => {
    screenshotOnFailure(() => page, 'booking-anonymous');
    const anon = new ApiClient(baseURL);
    const done = await anon.assess(nerveRootAnswer);
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    await context.addCookies(anon.browserCookies());
    const p = await context.newPage();
    page = p;
    await p.goto(`/book/${done.id}`);
    await h1(p, 'Choose a time');
    await p.locator('.slot-time').first().click();
    await h1(p, 'Check and confirm');
    const step = p.url();
    await p.getByRole('link', { name: 'Sign in or create an account' }).click();
    await h1(p, /account/i);
    const email = uniqueEmail('booking-anon');
    await p.getByLabel('Email').first().fill(email);
    await p.getByLabel('Password').first().fill('correct horse battery');
    await p.getByRole('button', { name: 'Create account' }).click();
    await finishRegistration(p, email);
    await h1(p, 'Check and confirm');
    expect(p.url()).toBe(step);
    await p.getByRole('checkbox', { name: 'My assessment' }).check();
    await p.getByRole('button', { name: 'Confirm the appointment' }).click();
    await h1(p, 'Your appointment is booked');
    const href = await p.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href');
    const stored = await context.request.get(href?.replace(/\/ics$/, '') ?? '');
    expect((await stored.json()) as unknown).toMatchObject({ assessmentId: done.id });
    await context.close();
  });
});
