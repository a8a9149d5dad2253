import { describe, expect, it } from 'vitest';
import { concurrencyLimit, DEFAULT_SCRYPT_COST, scryptPasswordHasher } from './passwords.js';

const fast = scryptPasswordHasher({ log2N: 10, r: 8, p: 1 });

describe('scrypt password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const stored = await fast.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await fast.verify('correct horse battery', stored)).toBe(true);
    expect(await fast.verify('correct horse batterY', stored)).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await fast.hash('same password')).not.toBe(await fast.hash('same password'));
  });
  it('verifies with the parameters stored in the hash, so the cost can change', async () => {
    const stored = await fast.hash('portable password');
    const stronger = scryptPasswordHasher({ log2N: 11, r: 8, p: 1 });
    expect(await stronger.verify('portable password', stored)).toBe(true);
  });
  it('rejects malformed or tampered hashes without throwing', async () => {
    const stored = await fast.hash('a password here');
    for (const bad of [
      '',
      'plain',
      'scrypt$10$8$1$$',
      stored.replace('scrypt$10', 'scrypt$40'),
      `${stored}$extra`,
    ]) {
      expect(await fast.verify('a password here', bad)).toBe(false);
    }
  });
  it('defaults to OWASP’s minimum cost (N = 2^17, r = 8, p = 1)', () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ log2N: 17, r: 8, p: 1 });
  });
  it('hashes at the default cost (128 MiB) within Node’s limits', async () => {
    const strong = scryptPasswordHasher();
    const stored = await strong.hash('memory hard password');
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await strong.verify('memory hard password', stored)).toBe(true);
  }, 20_000);
});

describe('concurrencyLimit', () => {
  it('never runs more than the limit at once, and runs every task in arrival order', async () => {
    const limited = concurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      limited(async () => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running -= 1;
        return i;
      }),
    );
    // Let the first two start, then open the gates one at a time.
    for (let opened = 0; opened < 6; opened += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gates.shift()?.();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const gate of gates) gate();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('frees its place when a task fails', async () => {
    const limited = concurrencyLimit(1);
    await expect(limited(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limited(() => Promise.resolve('next'))).toBe('next');
  });
});
