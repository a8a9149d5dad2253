/**
 * Registration that does not reveal which emails have accounts (the account
 * exists once the mailed link is opened), password
 * reset by mail, password change, and the sessions list with "log out
 * everywhere".
 */
import { createRepositories } from '@backtrack/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import { RESET_REQUESTED_MESSAGE } from './password-reset.js';
import { REGISTER_MESSAGE } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://backtrack.example' });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';

/** Registers and opens the mailed link in the same browser: a signed-in account. */
async function register(browser: TestBrowser, email: string, password = 'the first password') {
  return t.register(browser, email, password);
}

/** Only starts a registration (no link opened). */
async function startRegistration(browser: TestBrowser, email: string, password: string) {
  return browser.post('/api/auth/register', { email, password });
}

async function login(
  browser: TestBrowser,
  email: string,
  password: string,
  userAgent = CHROME_LINUX,
) {
  return browser.post(
    '/api/auth/login',
    { email, password },
    { headers: { 'user-agent': userAgent } },
  );
}

const CONFIRM_SUBJECT = /Finish creating your Backtrack account/;

/**
 * Waits for the mails to `to` (sent in the background) and returns them;
 * registration links are left out unless `links` is set.
 */
async function mailTo(to: string, count: number, links = false) {
  return vi.waitFor(
    async () => {
      const mails = (await t.mail()).filter(
        (m) => m.to === to && CONFIRM_SUBJECT.test(m.subject) === links,
      );
      expect(mails).toHaveLength(count);
      return mails;
    },
    { timeout: 5000, interval: 50 },
  );
}

function tokenIn(text: string): string {
  const match = /#reset=([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in:\n${text}`);
  return match[1];
}

describe('registration', () => {
  it('answers an existing email exactly as a new one: same status, body and cookies, nobody signed in', async () => {
    await register(t.browser(), 'fresh@example.org');
    const newcomer = t.browser();
    const fresh = await startRegistration(newcomer, 'brand-new@example.org', 'a password here');
    const again = t.browser();
    const existing = await startRegistration(again, 'FRESH@example.org', 'another password');
    expect(fresh.status).toBe(202);
    expect(existing.status).toBe(fresh.status);
    expect(existing.text).toBe(fresh.text);
    expect(existing.body).toEqual({ message: REGISTER_MESSAGE });
    expect(existing.cookies.map((c) => c.split('=')[0])).toEqual(
      fresh.cookies.map((c) => c.split('=')[0]),
    );
    expect((await again.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await newcomer.get('/api/auth/me')).body).toEqual({ user: null });
    // The owner is told; the newcomer gets a link; no account exists yet.
    const [note] = await mailTo('fresh@example.org', 1);
    expect(note?.subject).toMatch(/tried to create a Backtrack account/);
    expect(note?.text).toContain('https://backtrack.example/account');
    await mailTo('brand-new@example.org', 1, true);
    const repos = createRepositories(t.database.db);
    expect(await repos.users.findByEmail('brand-new@example.org')).toBeUndefined();
    // Logging in before the link is opened answers like a wrong password.
    expect((await login(t.browser(), 'brand-new@example.org', 'a password here')).status).toBe(401);
    // The owner's password did not change.
    expect((await login(t.browser(), 'fresh@example.org', 'the first password')).status).toBe(200);
  });

  it('creates the account from the mailed link, signs in, and claims the registering browser’s assessment', async () => {
    const phone = t.browser();
    const started = await phone.post('/api/assessments', {});
    const assessmentId = (started.body as { id: string }).id;
    await startRegistration(phone, 'new@example.org', 'a password for new');
    const [mail] = await mailTo('new@example.org', 1, true);
    expect(mail?.text).toContain('https://backtrack.example/account#confirm=');
    const token = await t.confirmToken('new@example.org');
    expect(JSON.stringify(await t.database.db.query.pendingRegistrations.findMany())).not.toContain(
      token,
    );
    // Opened in another browser (a mail app), the assessment still comes along.
    const laptop = t.browser();
    const confirmed = await laptop.post('/api/auth/register/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ user: { email: 'new@example.org' } });
    expect(laptop.cookies.get('bt_session')).toBeTruthy();
    expect((await laptop.get(`/api/assessments/${assessmentId}`)).status).toBe(200);
    // The link works once.
    const reused = await t.browser().post('/api/auth/register/confirm', { token });
    expect(reused.status).toBe(400);
    expect((reused.body as { error: { details: string[] } }).error.details).toEqual(['token']);
  });

  it('gives each link its own password, so that a stranger who registered the address first cannot share the account', async () => {
    const stranger = t.browser();
    await startRegistration(stranger, 'victim@example.org', 'the stranger password');
    const strangerToken = await t.confirmToken('victim@example.org');
    const owner = t.browser();
    await startRegistration(owner, 'victim@example.org', 'the owner password');
    const ownerToken = await t.confirmToken('victim@example.org');
    expect((await owner.post('/api/auth/register/confirm', { token: ownerToken })).status).toBe(
      200,
    );
    // Every other link of the address stops working; the stranger's password never did.
    const late = await stranger.post('/api/auth/register/confirm', { token: strangerToken });
    expect(late.status).toBe(400);
    expect((await login(t.browser(), 'victim@example.org', 'the stranger password')).status).toBe(
      401,
    );
    expect((await login(t.browser(), 'victim@example.org', 'the owner password')).status).toBe(200);
  });

  it('refuses an expired or made-up link with a 400 naming the token, and bounds the mails to one address', async () => {
    await startRegistration(t.browser(), 'slow@example.org', 'a slow password');
    const token = await t.confirmToken('slow@example.org');
    t.clock.advance(25 * 60 * 60 * 1000);
    try {
      const expired = await t.browser().post('/api/auth/register/confirm', { token });
      expect(expired.status).toBe(400);
      expect(expired.text).toMatch(/expired/);
    } finally {
      t.clock.set('2026-03-02T09:00:00.000Z');
    }
    const madeUp = await t.browser().post('/api/auth/register/confirm', { token: 'not a token' });
    expect(madeUp.status).toBe(400);
    expect((madeUp.body as { error: { details: string[] } }).error.details).toEqual(['token']);
    for (let i = 0; i < 5; i++)
      expect(
        (await startRegistration(t.browser(), 'busy@example.org', 'a busy password')).status,
      ).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await mailTo('busy@example.org', 3, true);
  });

  it('refuses a next page off this site', async () => {
    const res = await t.browser().post('/api/auth/register', {
      email: 'next@example.org',
      password: 'a next password',
      next: '//evil.example/',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/next/);
  });
});

describe('password reset', () => {
  it('answers 202 with the same body for an unknown address and mails only real accounts', async () => {
    await register(t.browser(), 'owner@example.org');
    const known = await t
      .browser()
      .post('/api/auth/password-reset', { email: 'owner@example.org' });
    const unknown = await t
      .browser()
      .post('/api/auth/password-reset', { email: 'nobody@example.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    expect(known.body).toEqual({ message: RESET_REQUESTED_MESSAGE });
    await mailTo('owner@example.org', 1);
    expect((await t.mail()).filter((m) => m.to === 'nobody@example.org')).toHaveLength(0);
  });

  it('lets a locked-out owner in: a single-use link sets the password, ends every session and lifts the lock', async () => {
    const owner = t.browser();
    await register(owner, 'locked@example.org');
    const attacker = t.browser();
    for (let i = 0; i < 10; i++) await login(attacker, 'locked@example.org', `wrong guess ${i}`);
    expect((await login(t.browser(), 'locked@example.org', 'the first password')).status).toBe(429);

    await t.browser().post('/api/auth/password-reset', { email: 'locked@example.org' });
    const [mail] = await mailTo('locked@example.org', 1);
    expect(mail?.text).toContain('https://backtrack.example/account#reset=');
    const token = tokenIn(mail?.text ?? '');
    const stored = await t.database.db.query.passwordResets.findMany();
    expect(JSON.stringify(stored)).not.toContain(token);

    const confirmed = await t
      .browser()
      .post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
    expect(confirmed.status).toBe(204);
    // Every session ended, the old password is gone, the lock is lifted.
    expect((await owner.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await login(t.browser(), 'locked@example.org', 'the first password')).status).toBe(401);
    expect((await login(t.browser(), 'locked@example.org', 'a brand new password')).status).toBe(
      200,
    );
    // The link works once.
    const reused = await t
      .browser()
      .post('/api/auth/password-reset/confirm', { token, password: 'yet another password' });
    expect(reused.status).toBe(400);
    expect((reused.body as { error: { details: string[] } }).error.details).toEqual(['token']);
  });

  it('refuses an expired link and a made-up one with a 400 naming the token', async () => {
    await register(t.browser(), 'late@example.org');
    await t.browser().post('/api/auth/password-reset', { email: 'late@example.org' });
    const token = tokenIn((await mailTo('late@example.org', 1))[0]?.text ?? '');
    t.clock.advance(61 * 60 * 1000);
    try {
      const late = await t
        .browser()
        .post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
      expect(late.status).toBe(400);
      expect(late.text).toMatch(/expired/);
    } finally {
      t.clock.set('2026-03-02T09:00:00.000Z');
    }
    const madeUp = await t.browser().post('/api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      password: 'long enough pw',
    });
    expect(madeUp.status).toBe(400);
  });

  it('sends at most three mails per address per hour, answering the same', async () => {
    await register(t.browser(), 'flood@example.org');
    const answers = [];
    // From different addresses: the per-address limit (ten) is not what stops this.
    for (let i = 0; i < 5; i++)
      answers.push(
        await t.browser().post('/api/auth/password-reset', { email: 'flood@example.org' }),
      );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    await mailTo('flood@example.org', 3);
  });
});

describe('password reset throttling per address', () => {
  it('answers 429 with retry-after after ten requests from one address in an hour', async () => {
    const own = await createTestApp();
    try {
      const statuses = [];
      for (let i = 0; i < 10; i++)
        statuses.push(
          (await own.browser().post('/api/auth/password-reset', { email: `p${i}@example.org` }))
            .status,
        );
      expect(statuses).toEqual(Array.from({ length: 10 }, () => 202));
      const limited = await own
        .browser()
        .post('/api/auth/password-reset', { email: 'p99@example.org' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
    } finally {
      await own.close();
    }
  }, 60_000);
});

describe('password change', () => {
  it('needs the current password and ends the other sessions, not this one', async () => {
    const here = t.browser();
    await register(here, 'change@example.org');
    const elsewhere = t.browser();
    await login(elsewhere, 'change@example.org', 'the first password');
    // Signed in there (on the embedded database this puts the session in the memory cache).
    expect((await elsewhere.get('/api/auth/me')).body).toMatchObject({
      user: { email: 'change@example.org' },
    });
    const wrong = await here.post('/api/auth/password', {
      current: 'not my password',
      new: 'a second password',
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { error: { details: string[] } }).error.details).toEqual(['current']);
    const ok = await here.post('/api/auth/password', {
      current: 'the first password',
      new: 'a second password',
    });
    expect(ok.status).toBe(204);
    expect((await here.get('/api/auth/me')).body).toMatchObject({
      user: { email: 'change@example.org' },
    });
    expect((await elsewhere.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await login(t.browser(), 'change@example.org', 'a second password')).status).toBe(200);
    expect(
      (await t.browser().post('/api/auth/password', { current: 'x', new: 'long enough pw' }))
        .status,
    ).toBe(401);
  });
});

describe('sessions', () => {
  it('lists my sessions with the browser and the current one, ends one, and logs out everywhere', async () => {
    await register(t.browser(), 'many@example.org');
    const laptop = t.browser();
    const phone = t.browser();
    await login(laptop, 'many@example.org', 'the first password', CHROME_LINUX);
    t.clock.advance(60_000);
    await login(phone, 'many@example.org', 'the first password', FIREFOX_ANDROID);
    try {
      const listed = await laptop.get('/api/auth/sessions');
      expect(listed.status).toBe(200);
      const sessions = (
        listed.body as {
          sessions: { id: string; browser: string; current: boolean; createdAt: string }[];
        }
      ).sessions;
      // The registration's session, the laptop's and the phone's.
      expect(sessions).toHaveLength(3);
      expect(sessions.filter((s) => s.current).map((s) => s.browser)).toEqual(['Chrome on Linux']);
      const phoneSession = sessions.find((s) => s.browser === 'Firefox on Android');
      // The phone is signed in (and, on the embedded database, its session is cached).
      expect((await phone.get('/api/auth/me')).body).toMatchObject({
        user: { email: 'many@example.org' },
      });
      expect(phoneSession?.current).toBe(false);
      expect(JSON.stringify(sessions)).not.toMatch(/[0-9a-f]{64}/);

      // Someone else cannot end my session.
      const stranger = t.browser();
      await register(stranger, 'stranger@example.org');
      expect((await stranger.delete(`/api/auth/sessions/${phoneSession?.id ?? ''}`)).status).toBe(
        404,
      );
      expect((await laptop.delete(`/api/auth/sessions/${phoneSession?.id ?? ''}`)).status).toBe(
        204,
      );
      expect((await phone.get('/api/auth/me')).body).toEqual({ user: null });
      expect((await laptop.delete('/api/auth/sessions/not-a-uuid')).status).toBe(400);

      const all = await laptop.post('/api/auth/logout-all', {});
      expect(all.status).toBe(204);
      expect(laptop.cookies.has('bt_session')).toBe(false);
      const rows = await createRepositories(t.database.db).users.findByEmail('many@example.org');
      const left = await createRepositories(t.database.db).sessions.listForUser(
        rows?.id ?? '',
        t.clock.now(),
      );
      expect(left).toHaveLength(0);
      expect((await laptop.get('/api/auth/sessions')).status).toBe(401);
    } finally {
      t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it('notes when a session was last used, at most every five minutes', async () => {
    const browser = t.browser();
    await register(browser, 'seen@example.org');
    t.clock.advance(10 * 60 * 1000);
    try {
      const first = (await browser.get('/api/auth/sessions')).body as {
        sessions: { lastSeenAt: string }[];
      };
      expect(first.sessions[0]?.lastSeenAt).toBe('2026-03-02T09:10:00.000Z');
      t.clock.advance(60_000);
      const second = (await browser.get('/api/auth/sessions')).body as {
        sessions: { lastSeenAt: string }[];
      };
      expect(second.sessions[0]?.lastSeenAt).toBe('2026-03-02T09:10:00.000Z');
    } finally {
      t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});
