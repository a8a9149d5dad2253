/**
 * Login throttling that holds under concurrency and across processes, on
 * every database the tests reach (PGlite always; PostgreSQL when a server
 * answers, see scripts/setup-test-deps.sh): forty wrong passwords sent at
 * once for one account are counted before any is hashed, so at most the
 * limit reach the hash (regression: all forty were checked); two app
 * instances on one database share the count.
 */
import { testDatabaseKinds } from '@backtrack/db/testing';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';
import { scryptPasswordHasher, type PasswordHasher } from './passwords.js';

const kinds = await testDatabaseKinds();

/** A real (cheap) scrypt hasher that counts how many passwords it checked. */
function countingHasher(): PasswordHasher & { verified: number } {
  const inner = scryptPasswordHasher({ log2N: 10, r: 8, p: 1 });
  const counter = {
    verified: 0,
    hash: (password: string) => inner.hash(password),
    verify: (password: string, stored: string) => {
      counter.verified += 1;
      return inner.verify(password, stored);
    },
    get dummyHash() {
      return inner.dummyHash;
    },
  };
  return counter;
}

describe.each(kinds)('login throttling on $name', (kind) => {
  if (kind.unavailable !== undefined) {
    it.skip(`skipped: ${kind.unavailable}`, () => undefined);
    return;
  }

  it('checks at most ten of forty concurrent wrong passwords for one account, then lets the owner in after the window', async () => {
    const database = await kind.open();
    const passwords = countingHasher();
    const t = await createTestApp({ database, passwords });
    try {
      const owner = t.browser();
      expect((await t.register(owner, 'burst@example.org', 'the right password')).status).toBe(200);
      const attacker = t.browser();
      // Fetch the CSRF token first, as a page would, so that every guess below is a real one.
      await attacker.get('/api/auth/csrf');
      const before = passwords.verified;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          attacker.post('/api/auth/login', {
            email: 'burst@example.org',
            password: `wrong guess ${String(i)}`,
          }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(passwords.verified - before).toBe(10);
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      t.clock.advance(16 * 60 * 1000);
      const ok = await owner.post('/api/auth/login', {
        email: 'burst@example.org',
        password: 'the right password',
      });
      expect(ok.status).toBe(200);
    } finally {
      await t.close();
      await database.close();
    }
  }, 60_000);

  it('shares the count between two app instances on one database', async () => {
    const database = await kind.open();
    const one = countingHasher();
    const two = countingHasher();
    const first = await createTestApp({ database, passwords: one });
    const second = await createTestApp({ database, passwords: two });
    try {
      await first.register(first.browser(), 'shared@example.org', 'the right password');
      const [a, b] = [first.browser(), second.browser()];
      await Promise.all([a.get('/api/auth/csrf'), b.get('/api/auth/csrf')]);
      const [oneBefore, twoBefore] = [one.verified, two.verified];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? a : b).post('/api/auth/login', {
            email: 'shared@example.org',
            password: `wrong guess ${String(i)}`,
          }),
        ),
      );
      // Ten checked in all, and both instances did some of the checking.
      expect(one.verified - oneBefore + (two.verified - twoBefore)).toBe(10);
      expect(one.verified - oneBefore).toBeGreaterThan(0);
      expect(two.verified - twoBefore).toBeGreaterThan(0);
      expect(results.filter((r) => r.status === 429)).toHaveLength(10);
      // Either instance now refuses this account from this address.
      const again = await second.browser().post('/api/auth/login', {
        email: 'shared@example.org',
        password: 'the right password',
      });
      expect(again.status).toBe(429);
    } finally {
      await first.close();
      await second.close();
      await database.close();
    }
  }, 60_000);
});
