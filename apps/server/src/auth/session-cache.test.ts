import type { SessionRow } from '@backtrack/db';
import { describe, expect, it } from 'vitest';
import { sessionCache, type FoundSession } from './session-cache.js';

const NOW = new Date('2026-03-02T09:00:00.000Z');

function found(id: string, expiresAt = new Date('2026-03-30T00:00:00.000Z')): FoundSession {
  const session = { id, idHash: `hash-${id}`, userId: null, expiresAt } as unknown as SessionRow;
  return { session, user: null };
}

describe('the session cache', () => {
  it('hands back what it was given until cleared', () => {
    const cache = sessionCache();
    cache.set('a', found('a'), cache.generation());
    expect(cache.get('a', NOW)?.session.id).toBe('a');
    cache.clear();
    expect(cache.get('a', NOW)).toBeUndefined();
  });

  it('drops a look-up that began before a clear (the row it read may be gone)', () => {
    const cache = sessionCache();
    const since = cache.generation();
    cache.clear(); // a logout lands while the look-up is in flight
    cache.set('a', found('a'), since);
    expect(cache.get('a', NOW)).toBeUndefined();
    expect(cache.size()).toBe(0);
  });

  it('never hands back a session that has expired, nor one older than its time to live', async () => {
    const cache = sessionCache({ ttlMs: 20 });
    cache.set('soon', found('soon', new Date('2026-03-02T09:00:01.000Z')), cache.generation());
    expect(cache.get('soon', NOW)?.session.id).toBe('soon');
    expect(cache.get('soon', new Date('2026-03-02T09:00:01.000Z'))).toBeUndefined();
    cache.set('b', found('b'), cache.generation());
    await new Promise((r) => setTimeout(r, 40));
    expect(cache.get('b', NOW)).toBeUndefined();
  });

  it('holds at most max sessions, forgetting the oldest', () => {
    const cache = sessionCache({ max: 2 });
    for (const id of ['a', 'b', 'c']) cache.set(id, found(id), cache.generation());
    expect(cache.size()).toBe(2);
    expect(cache.get('a', NOW)).toBeUndefined();
    expect(cache.get('c', NOW)?.session.id).toBe('c');
  });
});
