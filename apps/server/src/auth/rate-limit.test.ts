import { describe, expect, it } from 'vitest';
import { fixedWindowLimiter } from './rate-limit.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, seconds));

describe('fixedWindowLimiter', () => {
  it('allows `limit` attempts per window, then says how long to wait', () => {
    const limiter = fixedWindowLimiter({ limit: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('k', at(i))).toBeUndefined();
      limiter.hit('k', at(i));
    }
    expect(limiter.retryAfter('k', at(10))).toBe(50);
    expect(limiter.retryAfter('other', at(10))).toBeUndefined();
    expect(limiter.retryAfter('k', at(60))).toBeUndefined();
  });
  it('forgets a key on reset', () => {
    const limiter = fixedWindowLimiter({ limit: 1, windowMs: 60_000 });
    limiter.hit('k', at(0));
    limiter.reset('k');
    expect(limiter.retryAfter('k', at(1))).toBeUndefined();
  });
  it('keeps at most maxKeys windows, dropping the oldest', () => {
    const limiter = fixedWindowLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.hit('a', at(0));
    limiter.hit('b', at(0));
    limiter.hit('c', at(0));
    expect(limiter.retryAfter('a', at(1))).toBeUndefined();
    expect(limiter.retryAfter('c', at(1))).toBeDefined();
  });
});
