/** Accounts, sessions, cookies, CSRF and rate limiting over HTTP. */
import { createRepositories } from '@backtrack/db';
import { databaseLimiter } from './rate-limit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewDto } from '../assessments/dto.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('accounts and sessions', () => {
  it('issues a CSRF token in a cookie the page can read, and reuses it', async () => {
    const browser = t.browser();
    const first = await browser.get('/api/auth/csrf');
    const token = (first.body as { token: string }).token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = first.cookies.find((c) => c.startsWith('bt_csrf='));
    expect(cookie).toContain(`bt_csrf=${token}`);
    expect(cookie).not.toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(((await browser.get('/api/auth/csrf')).body as { token: string }).token).toBe(token);
  });

  it('stores a scrypt hash, never the password, and treats the email case-insensitively', async () => {
    const browser = t.browser();
    expect((await t.register(browser, 'Case@Example.org', 'a long password')).status).toBe(200);
    const row = await createRepositories(t.database.db).users.findByEmail('case@example.org');
    expect(row?.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(row?.passwordHash).not.toContain('a long password');
    const other = t.browser();
    expect(
      (
        await other.post('/api/auth/login', {
          email: 'case@example.org',
          password: 'a long password',
        })
      ).status,
    ).toBe(200);
  });

  it('logs in, claims the anonymous assessments, and retires the anonymous session', async () => {
    const owner = t.browser();
    await t.register(owner, 'claim@example.org', 'a long password');
    await owner.post('/api/auth/logout', {});
    expect((await owner.get('/api/auth/me')).body).toEqual({ user: null });

    const browser = t.browser();
    const started = (await browser.post('/api/assessments', {})).body as InterviewDto;
    const anonymousCookie = browser.cookies.get('bt_session') ?? '';
    const login = await browser.post('/api/auth/login', {
      email: 'claim@example.org',
      password: 'a long password',
    });
    expect(login.status).toBe(200);
    expect(browser.cookies.get('bt_session')).not.toBe(anonymousCookie);
    // The assessment now belongs to the account: visible from another browser signed in to it.
    const elsewhere = t.browser();
    await elsewhere.post('/api/auth/login', {
      email: 'claim@example.org',
      password: 'a long password',
    });
    expect((await elsewhere.get(`/api/assessments/${started.id}`)).status).toBe(200);
    // The old anonymous token no longer works.
    const replay = t.browser();
    replay.cookies.set('bt_session', anonymousCookie);
    expect((await replay.get(`/api/assessments/${started.id}`)).status).toBe(404);
  });

  it('logs out: the session ends and its cookie is cleared', async () => {
    const browser = t.browser();
    await t.register(browser, 'bye@example.org', 'a long password');
    const token = browser.cookies.get('bt_session') ?? '';
    const res = await browser.post('/api/auth/logout', {});
    expect(res.status).toBe(204);
    expect(browser.cookies.has('bt_session')).toBe(false);
    const replay = t.browser();
    replay.cookies.set('bt_session', token);
    expect((await replay.get('/api/auth/me')).body).toEqual({ user: null });
  });

  it('expires sessions after 30 days', async () => {
    const browser = t.browser();
    await t.register(browser, 'old@example.org', 'a long password');
    t.clock.advance(31 * 24 * 60 * 60 * 1000);
    try {
      expect((await browser.get('/api/auth/me')).body).toEqual({ user: null });
    } finally {
      t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it('slows down password guessing: 429 with retry-after after ten wrong passwords, open again later', async () => {
    const browser = t.browser();
    await t.register(browser, 'guess@example.org', 'the right password');
    const attacker = t.browser();
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await attacker.post('/api/auth/login', {
            email: 'guess@example.org',
            password: `wrong guess ${i}`,
          })
        ).status,
      ).toBe(401);
    }
    const limited = await attacker.post('/api/auth/login', {
      email: 'guess@example.org',
      password: 'the right password',
    });
    expect(limited.status).toBe(429);
    expect((limited.body as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(16 * 60 * 1000);
    try {
      expect(
        (
          await attacker.post('/api/auth/login', {
            email: 'guess@example.org',
            password: 'the right password',
          })
        ).status,
      ).toBe(200);
    } finally {
      t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});

describe('Secure cookies', () => {
  it('are Secure on https requests', async () => {
    const res = await t.app.request('https://backtrack.example/api/auth/csrf');
    expect(res.headers.getSetCookie().join('\n')).toMatch(/bt_csrf=.*; Secure/);
  });

  it('are always Secure in production', async () => {
    const prod = await createTestApp({ cookies: 'always', database: t.database });
    try {
      const res = await prod.app.request('http://localhost/api/auth/csrf');
      expect(res.headers.getSetCookie().join('\n')).toMatch(/; Secure/);
    } finally {
      await prod.close();
    }
  });

  it('takes back an attempt that turned out not to count (a correct password)', async () => {
    const limiter = databaseLimiter(createRepositories(t.database.db).rateLimits, {
      limit: 2,
      windowMs: 60_000,
    });
    const now = new Date('2026-03-02T09:00:00Z');
    expect(await limiter.hit('k', now)).toBeUndefined();
    expect(await limiter.hit('k', now)).toBeUndefined();
    expect(await limiter.hit('k', now)).toBe(60);
    await limiter.release('k', now);
    await limiter.release('k', now);
    expect(await limiter.hit('k', now)).toBeUndefined();
    // A new window after the last one ended.
    expect(await limiter.hit('k', new Date(now.getTime() + 60_000))).toBeUndefined();
  });
});
