import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { run } from '../training/test-support.js';
import { StoredActivityIndex } from './stored-activity-index.js';

describe('StoredActivityIndex', () => {
  const stored = run('2024-03-03', 10, { time: '07:00:00' });
  const index = new StoredActivityIndex([stored]);

  it('knows the same id', () => {
    expect(index.match(stored)).toEqual({ kind: 'same_id' });
  });
  it('finds the same run from another file: start within 2 minutes, distance within 2%', () => {
    const copy = { ...run('2024-03-03', 10.1, { time: '07:01:30' }), id: 'other-file' };
    expect(index.match(copy)).toEqual({ kind: 'same_run', id: stored.id });
  });
  it('keeps runs that only look alike apart', () => {
    expect(index.match(run('2024-03-03', 10, { time: '07:03:00' }))).toBeUndefined();
    expect(index.match(run('2024-03-03', 11, { time: '07:00:00' }))).toBeUndefined();
    const undated = { ...run('2024-03-03', 10), startTime: undefined, id: 'undated' };
    expect(index.match(undated)).toBeUndefined();
  });
  it('learns what is added', () => {
    const next = run('2024-03-05', 8);
    const idx = new StoredActivityIndex();
    expect(idx.match(next)).toBeUndefined();
    idx.add(next);
    expect(idx.match({ ...next, id: 'again' })).toEqual({ kind: 'same_run', id: next.id });
  });
  it('keeps its own copy of what it reads, not the activity with its laps and series', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const idx = new StoredActivityIndex();
    let added: ReturnType<typeof run> | undefined = run('2024-03-07', 12, { time: '06:30:00' });
    const weak = new WeakRef(added);
    const { id } = added;
    idx.add(added);
    // Changing the activity afterwards does not change what the index matches on.
    added.distanceM = 30_000;
    expect(idx.match({ ...run('2024-03-07', 12, { time: '06:30:30' }), id: 'other' })).toEqual({
      kind: 'same_run',
      id,
    });
    added = undefined;
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(weak.deref()).toBeUndefined();
  });
});
