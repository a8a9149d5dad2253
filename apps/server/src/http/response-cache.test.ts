import { describe, expect, it } from 'vitest';
import { matchesEtag, owns, prepare, responseCache } from './response-cache.js';

const alice = { userId: 'alice', sessionIdHash: null };
const bob = { userId: 'bob', sessionIdHash: null };
const kept = (userId: string, value: unknown) => ({
  owner: { userId, sessionId: null },
  prepared: prepare(value),
});

describe('responseCache', () => {
  it('gives an answer back to its owner only', () => {
    const cache = responseCache();
    cache.set('p1', 'day', kept('alice', { a: 1 }), cache.generation());
    expect(cache.get('p1', 'day', alice)?.body.toString()).toBe('{"a":1}');
    expect(cache.get('p1', 'day', bob)).toBeUndefined();
    expect(cache.get('p1', 'other day', alice)).toBeUndefined();
  });

  it('drops a record, or everything, and refuses a fill that began before a drop', () => {
    const cache = responseCache();
    cache.set('p1', 'v', kept('alice', 1), cache.generation());
    cache.set('p2', 'v', kept('alice', 2), cache.generation());
    const since = cache.generation();
    cache.drop('p1');
    expect(cache.get('p1', 'v', alice)).toBeUndefined();
    expect(cache.get('p2', 'v', alice)).toBeDefined();
    cache.set('p1', 'v', kept('alice', 1), since);
    expect(cache.get('p1', 'v', alice)).toBeUndefined();
    cache.drop();
    expect(cache.size()).toEqual({ records: 0, bytes: 0 });
  });

  it('keeps at most maxRecords records and about maxBytes, the least recently used leaving first', () => {
    const cache = responseCache({ maxRecords: 2, maxBytes: 1000 });
    cache.set('a', 'v', kept('alice', 'a'), cache.generation());
    cache.set('b', 'v', kept('alice', 'b'), cache.generation());
    cache.get('a', 'v', alice);
    cache.set('c', 'v', kept('alice', 'c'), cache.generation());
    expect(cache.get('b', 'v', alice)).toBeUndefined();
    expect(cache.get('a', 'v', alice)).toBeDefined();
    expect(cache.size().records).toBe(2);
    const bytes = responseCache({ maxBytes: 1000 });
    for (const id of ['a', 'b', 'c']) bytes.set(id, 'v', kept('alice', id), bytes.generation());
    bytes.set('big', 'v', kept('alice', 'x'.repeat(790)), bytes.generation());
    expect(bytes.size().records).toBeLessThan(4);
    expect(bytes.size().bytes).toBeLessThanOrEqual(1000);
    expect(bytes.get('big', 'v', alice)).toBeDefined();
    expect(bytes.get('a', 'v', alice)).toBeUndefined();
    // An answer larger than the whole budget is not kept at all.
    bytes.set('huge', 'v', kept('alice', 'x'.repeat(2000)), bytes.generation());
    expect(bytes.get('huge', 'v', alice)).toBeUndefined();
  });
});

describe('owns', () => {
  it('is the repositories’ rule: the user’s records, or a session’s unclaimed ones', () => {
    expect(owns(alice, { userId: 'alice', sessionId: null })).toBe(true);
    expect(owns(bob, { userId: 'alice', sessionId: null })).toBe(false);
    const anonymous = { userId: null, sessionIdHash: 's1' };
    expect(owns(anonymous, { userId: null, sessionId: 's1' })).toBe(true);
    expect(owns(anonymous, { userId: null, sessionId: 's2' })).toBe(false);
    expect(owns(anonymous, { userId: 'alice', sessionId: 's1' })).toBe(false);
    expect(owns({ userId: null, sessionIdHash: null }, { userId: null, sessionId: null })).toBe(
      false,
    );
  });
});

describe('matchesEtag', () => {
  it('matches a listed tag, weak or strong, or *', () => {
    const { etag } = prepare({ a: 1 });
    expect(matchesEtag(undefined, etag)).toBe(false);
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`"x", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
    expect(matchesEtag('"x"', etag)).toBe(false);
    expect(prepare({ a: 2 }).etag).not.toBe(etag);
  });
});
