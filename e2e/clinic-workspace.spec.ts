/**
 * The clinician's workspace in a real browser, phone and desktop: a runner
 * assesses, saves the plan and books the free analysis sharing everything
 * (through the API); the clinician opens their appointments and the runner's
 * pre-visit summary, records the runner's pain and changes a dose of the
 * plan (an empty reason and a dose outside the bounds are refused next to
 * their fields first); the runner sees the change on their plan, records
 * their pain and sees the change judged against the minimal important change;
 * the runner sees the read in Sharing and revokes; the clinician then gets
 * "No access". axe scans each new page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, uniqueEmail } from './support/api.js';
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

interface Clinic {
  id: string;
  clinicians: { id: string }[];
  appointmentTypes: { id: string; key: string }[];
}

/** A clinic open every day 00:00–23:45 UTC (so a slot exists whenever the test runs), and a runner who booked its first free analysis. */
async function clinicWithBooking(label: string) {
  const clinician = new ApiClient(baseURL);
  const clinicianEmail = uniqueEmail(`${label}-clinician`);
  await clinician.register(clinicianEmail, 'a long enough password');
  const clinic = await clinician.post<Clinic>('/api/clinics', {
    name: `Workspace clinic ${label} ${String(Date.now())}`,
    address: 'Street 1',
    timeZone: 'UTC',
    bufferMinutes: 0,
    minNoticeMinutes: 0,
    displayName: 'Dr Test Physio',
  });
  await fetchPut(
    clinician,
    `/api/clinics/${clinic.id}/members/${clinic.clinicians[0]?.id ?? ''}/working-hours`,
    {
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:45' })),
    },
  );
  const typeId = clinic.appointmentTypes.find((a) => a.key === 'running_analysis')?.id ?? '';
  const runner = new ApiClient(baseURL);
  const runnerEmail = uniqueEmail(`${label}-runner`);
  await runner.register(runnerEmail, 'a long enough password');
  const assessment = await runner.assess();
  const today = new Date().toISOString().slice(0, 10);
  const plan = await runner.savePlan(assessment.id, today);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const slots = await runner.get<{ slots: { start: string }[] }>(
    `/api/clinics/${clinic.id}/slots?appointmentTypeId=${typeId}&from=${today}&to=${tomorrow}`,
  );
  const start = slots.slots.find((s) => Date.parse(s.start) > Date.now() + 3_600_000)?.start;
  await runner.post('/api/bookings', {
    clinicId: clinic.id,
    appointmentTypeId: typeId,
    start,
    assessmentId: assessment.id,
    share: { assessment: true, plan: true, checkins: true, training: true },
  });
  return { clinician, runner, runnerEmail, planId: plan.id, start: start ?? '' };
}

/** PUT through the API client's cookies (the client has no `put`). */
async function fetchPut(client: ApiClient, path: string, body: unknown): Promise<void> {
  const cookies = client.browserCookies();
  const csrf = decodeURIComponent(cookies.find((c) => c.name === 'bt_csrf')?.value ?? '');
  const res = await fetch(new URL(path, baseURL), {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrf,
      cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PUT ${path} → ${String(res.status)}: ${await res.text()}`);
}

describe('clinician workspace', () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`shows the pre-visit summary of a consenting runner and loses access on revocation (${size})`, async () => {
      const { clinician, runner, runnerEmail, planId } = await clinicWithBooking(size);

      const clinicianContext = await browser.newContext({ viewport });
      await clinicianContext.addCookies(clinician.browserCookies());
      page = await clinicianContext.newPage();
      const p = page;
      screenshotOnFailure(() => page, `clinic-workspace-${size}`);

      // The Clinic link is there for a member; the week's list links the summary.
      await p.goto('/');
      // On a phone the header's links sit under "Menu" (the bottom tabs hold the runner's pages).
      if (size === 'phone') await p.getByText('Menu', { exact: true }).click();
      await p
        .getByRole('navigation', { name: size === 'phone' ? 'Menu' : 'Main' })
        .getByRole('link', { name: 'Clinic' })
        .click();
      await p.getByRole('heading', { name: 'Your appointments', level: 1 }).waitFor();
      await p.getByRole('tab', { name: 'This week' }).click();
      await expect(seriousViolations(p)).resolves.toEqual([]);
      await screenshot(p, `clinic-appointments-${size}`);
      await p.getByRole('link', { name: `Pre-visit summary for ${runnerEmail}` }).click();
      await p.getByRole('heading', { name: `Pre-visit summary: ${runnerEmail}` }).waitFor();
      await p.getByRole('heading', { name: 'Weak links' }).waitFor();
      await p.getByRole('heading', { name: 'Triage' }).waitFor();
      await expect(seriousViolations(p)).resolves.toEqual([]);
      await screenshot(p, `clinic-summary-${size}`);
      const summaryUrl = p.url();

      // The clinician records the runner's pain; the summary shows it under outcome measures.
      const record = p.getByRole('region', { name: 'Record an outcome measure' });
      await record.getByLabel(/^Pain now \(0 = none/).selectOption('5');
      await record.getByRole('button', { name: 'Record' }).click();
      await record.getByText('Recorded for the runner.').waitFor();
      const outcomes = p.getByRole('region', { name: 'Outcome measures' });
      await outcomes.getByRole('heading', { name: 'Numeric pain rating scale (0–10)' }).waitFor();
      await expect(seriousViolations(p)).resolves.toEqual([]);

      // The clinician changes a dose of the plan: refused without a reason and outside the
      // bounds, each next to its field; then saved, and the summary lists the change.
      const change = p.getByRole('region', { name: 'Change the plan' });
      const exercise = await change.getByLabel('Exercise').locator('option:checked').innerText();
      const dose = change.getByRole('spinbutton').first();
      const [min, max, current] = await Promise.all([
        dose.getAttribute('min'),
        dose.getAttribute('max'),
        dose.inputValue(),
      ]);
      const save = change.getByRole('button', { name: 'Save the change' });
      await save.click();
      await change.getByText(/^reason: required/).waitFor();
      await expect(
        change.getByLabel('Reason (the runner reads it)').getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      await change.getByLabel('Reason (the runner reads it)').fill('Fewer while the back settles.');
      await dose.fill(String(Number(max) + 1));
      await save.click();
      await change.getByText(`at most ${String(max)} for ${exercise}.`, { exact: false }).waitFor();
      await expect(dose.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(seriousViolations(p)).resolves.toEqual([]);
      await dose.fill(current === min ? String(max) : String(min));
      await save.click();
      await change
        .getByRole('status')
        .getByText(/^Saved: /)
        .waitFor();
      await p
        .getByRole('region', { name: 'Plan', exact: true })
        .getByText(/^Changed by Dr Test Physio, .*: Fewer while the back settles\./)
        .waitFor();

      // The runner sees the read and revokes in Sharing.
      const runnerContext = await browser.newContext({ viewport });
      await runnerContext.addCookies(runner.browserCookies());
      const r = await runnerContext.newPage();
      // The runner sees the clinician's change on their plan.
      await r.goto(`/plans/${planId}`);
      await r.getByRole('heading', { name: 'Changes by your clinician' }).waitFor();
      await r
        .getByText(/^Changed by Dr Test Physio, .*: Fewer while the back settles\./)
        .first()
        .waitFor();
      await r.goto('/account');
      // "How are you doing?": the runner's own rating, judged against the clinician's.
      const doing = r.getByRole('region', { name: 'How are you doing?' });
      await doing.getByLabel(/^Pain now \(0 = none/).selectOption('2');
      await doing.getByRole('button', { name: 'Record' }).click();
      await doing
        .getByText(
          'Pain improved by 3 points (from 5 to 2): at least the 2-point change that matters to patients.',
        )
        .waitFor();
      const sharing = r.getByRole('region', { name: 'Sharing' });
      await sharing
        .getByText(/Dr Test Physio .* read your assessment/)
        .first()
        .waitFor();
      await sharing.getByText(/Dr Test Physio .* recorded your pain rating/).waitFor();
      await expect(seriousViolations(r)).resolves.toEqual([]);
      await sharing.getByRole('button', { name: /^Stop sharing with / }).click();
      await sharing.getByText(/revoked on/).waitFor();
      await runnerContext.close();

      // The clinician has no access any more.
      await p.goto(summaryUrl);
      await p.getByRole('heading', { name: 'No access', level: 1 }).waitFor();
      await clinicianContext.close();
      page = undefined;
    });
  }
});
