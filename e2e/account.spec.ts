/**
 * The account page: log in (with the CSRF token flow), opt in to check-in
 * reminders, download my data as JSON, and delete the account after
 * confirming; afterwards the login fails.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, uniqueEmail } from './support/api.js';
import { screenshotOnFailure } from './support/artifacts.js';
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

describe('account', () => {
  it('logs in, downloads my data and deletes the account', async () => {
    const email = uniqueEmail('account');
    const password = 'a long enough password';
    const api = new ApiClient(baseURL);
    await api.register(email, password);
    const assessment = await api.assess();
    await api.savePlan(assessment.id, '2025-03-03');

    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'account');

    // A wrong password is refused with a message; the right one signs in.
    await p.goto('/account');
    const login = p.getByRole('form', { name: 'Log in' });
    await login.getByLabel('Email').fill(email);
    await login.getByLabel('Password').fill('not the password');
    await login.getByRole('button', { name: 'Log in' }).click();
    await login.getByRole('alert').waitFor();
    await login.getByLabel('Password').fill(password);
    await login.getByRole('button', { name: 'Log in' }).click();
    // A runner with a saved plan lands on today's session.
    await p.waitForURL(/\/today$/);
    await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await p
      .getByRole('navigation', { name: 'Tabs' })
      .getByRole('link', { name: 'Account', exact: true })
      .click();
    await p.getByText(`Signed in as ${email}`).waitFor();
    await p.getByRole('link', { name: 'Plan starting Mon 3 Mar 2025' }).waitFor();

    // Check-in reminders: off by default; opting in sends this browser's time zone and the hour.
    const reminders = p.getByRole('region', { name: 'Reminders' });
    const daily = reminders.getByLabel(/daily check-in reminder/);
    await expect(daily.isChecked()).resolves.toBe(false);
    await daily.check();
    await reminders.getByLabel(/^At/).selectOption('7');
    await reminders.getByRole('button', { name: 'Save reminders' }).click();
    await reminders
      .getByRole('status')
      .getByText(/Check-in reminders at 07:00/)
      .waitFor();
    const stored = await p.request.get('/api/me/reminders');
    expect(await stored.json()).toEqual({
      timeZone: await p.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
      checkInHour: 7,
    });

    // Every state-changing request carried the token of the readable bt_csrf cookie.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'bt_csrf')?.httpOnly).toBe(false);
    expect(cookies.find((c) => c.name === 'bt_session')?.httpOnly).toBe(true);

    // The sessions: the API client's and this browser's; ending all signs this browser out.
    const sessions = p.getByRole('region', { name: 'Where you are signed in' });
    await sessions.getByText(/Chrom(e|ium) on Linux \(this browser\)/).waitFor();
    await expect(sessions.getByRole('listitem').count()).resolves.toBe(2);

    // Download my data.
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: 'Download my data (JSON)' }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(JSON.stringify(exported)).toContain(email);
    expect(JSON.stringify(exported)).toContain(assessment.id);

    // Delete: needs a confirmation first.
    await p.getByRole('button', { name: 'Delete my account' }).click();
    const confirm = p.getByRole('button', { name: 'Delete everything now' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await p.getByLabel('I understand that this cannot be undone').check();
    await confirm.click();
    await p.waitForURL(`${baseURL}/`);
    const me = await p.request.get('/api/auth/me');
    expect(((await me.json()) as { user: unknown }).user).toBeNull();

    // The account is gone: logging in again fails.
    await p.goto('/account');
    const again = p.getByRole('form', { name: 'Log in' });
    await again.getByLabel('Email').fill(email);
    await again.getByLabel('Password').fill(password);
    await again.getByRole('button', { name: 'Log in' }).click();
    await again.getByRole('alert').waitFor();
    await context.close();
  });

  it('signing up with an address that has an account answers as for a new one without signing in, and "log out everywhere" ends every session', async () => {
    const email = uniqueEmail('taken');
    const password = 'a long enough password';
    const api = new ApiClient(baseURL);
    await api.register(email, password);

    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'account-taken');
    await p.goto('/account');
    const signUp = p.getByRole('form', { name: 'Create an account' });
    await signUp.getByLabel('Email').fill(email);
    await signUp.getByLabel('Password').fill('some other password');
    await signUp.getByRole('button', { name: 'Create account' }).click();
    await p.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    const said = await p
      .getByRole('region', { name: 'Check your inbox' })
      .getByRole('status')
      .textContent();
    // A new address gets word for word the same answer.
    const other = await context.newPage();
    await other.goto('/account');
    const fresh = other.getByRole('form', { name: 'Create an account' });
    await fresh.getByLabel('Email').fill(uniqueEmail('fresh'));
    await fresh.getByLabel('Password').fill('some other password');
    await fresh.getByRole('button', { name: 'Create account' }).click();
    await other.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    expect(
      await other
        .getByRole('region', { name: 'Check your inbox' })
        .getByRole('status')
        .textContent(),
    ).toBe(said);
    await other.close();
    await p.getByRole('form', { name: 'Forgot your password?' }).waitFor();

    const login = p.getByRole('form', { name: 'Log in' });
    await login.getByLabel('Email').fill(email);
    await login.getByLabel('Password').fill(password);
    await login.getByRole('button', { name: 'Log in' }).click();
    // Without a saved plan the runner stays on the account page.
    await p.getByText(`Signed in as ${email}`).waitFor();
    await p.getByRole('button', { name: 'Log out everywhere' }).click();
    await p.getByRole('form', { name: 'Log in' }).waitFor();
    // The API client's session ended too.
    await expect(api.get('/api/plans')).rejects.toThrow(/401/);
    await context.close();
  });
});
