/**
 * The activity store, format 2, on disk: written once and validated then,
 * read back with a cheap check, moved from format 1, and refused — naming
 * the file, touching nothing — when it is corrupt or of another version.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from '@backtrack/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hillyHistory, testRun, writeActivityStore } from '../testing.js';
import { openActivityStore, readActivityStore } from './activity-store.js';

let home: string;
let path: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'backtrack-store-'));
  path = join(home, 'activities');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const NOW = new Date('2026-03-01T08:00:00Z');

/** Every file of the store, name by name. */
async function files(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(path)).sort())
    out[name] = await readFile(join(path, name), 'utf8');
  return out;
}

async function storeOf(activities: readonly Activity[]): Promise<void> {
  const store = await openActivityStore(path);
  for (const a of activities) await store.put(a);
  await store.commit();
}

describe('activity store, format 2', () => {
  it('is empty when there is nothing, and gives back what was put, in order', async () => {
    expect(await readActivityStore(path)).toEqual({ path, activities: [] });
    const runs = hillyHistory(NOW);
    await storeOf(runs);
    expect((await readActivityStore(path)).activities).toEqual(runs);
    const index = JSON.parse(await readFile(join(path, 'index.json'), 'utf8')) as {
      format: string;
      version: number;
      activities: unknown[];
    };
    expect(index).toMatchObject({ format: 'backtrack-activity-store', version: 2 });
    expect(index.activities).toHaveLength(runs.length);
  });

  it('validates on write: an activity that is not one is refused and nothing is written', async () => {
    const store = await openActivityStore(path);
    const bad = { ...testRun(NOW, 5), distanceM: -1 };
    await expect(store.put(bad)).rejects.toThrow(/is not stored: it is not a valid activity/);
    expect(store.size).toBe(0);
  });

  it('replaces an activity put again with its id, and removes one', async () => {
    const [a, b] = [testRun(NOW, 5), testRun(NOW, 8)];
    await storeOf([a, b]);
    const store = await openActivityStore(path);
    await store.put({ ...a, name: 'Renamed' });
    await store.remove(b.id);
    await store.commit();
    expect((await readActivityStore(path)).activities).toEqual([{ ...a, name: 'Renamed' }]);
    expect(Object.keys(await files())).toEqual(['index.json', `${a.id}.json`]);
  });

  it('refuses a store of another version, naming the file and touching nothing', async () => {
    await storeOf([testRun(NOW, 5)]);
    const index = join(path, 'index.json');
    const text = await readFile(index, 'utf8');
    await writeFile(index, text.replace('"version":2', '"version":3'));
    const before = await files();
    await expect(readActivityStore(path)).rejects.toThrow(
      `the activity store ${index} has format version 3, and this backtrack reads version 2`,
    );
    expect(await files()).toEqual(before);
  });

  it.each([
    ['index.json', 'not json', /index\.json is corrupt \(not valid JSON/],
    [
      'index.json',
      '{"format":"backtrack-activity-store","version":2,"activities":[{}]}',
      /index\.json is corrupt \(an entry is not an activity\)/,
    ],
    ['RUN.json', '{"half": ', /RUN\.json is corrupt \(not valid JSON/],
    ['RUN.json', '{"id":"someone-else"}', /RUN\.json is corrupt \(not the activity RUN\)/],
  ])('refuses a corrupt %s, naming it', async (name, content, message) => {
    const run = testRun(NOW, 5);
    await storeOf([run]);
    const file = join(path, name.replace('RUN', run.id));
    await writeFile(file, content);
    const before = await files();
    await expect(readActivityStore(path)).rejects.toThrow(
      new RegExp(message.source.replaceAll('RUN', run.id)),
    );
    expect(await files()).toEqual(before);
  });

  it('names an activity the index lists but whose file is gone', async () => {
    const run = testRun(NOW, 5);
    await storeOf([run]);
    await rm(join(path, `${run.id}.json`));
    await expect(readActivityStore(path)).rejects.toThrow(
      `the activity ${run.id} listed in the index is missing`,
    );
  });

  it('moves a format-1 store (activities.jsonl) over, validated, and keeps it as a backup', async () => {
    const runs = hillyHistory(NOW);
    const legacy = await writeActivityStore(home, runs);
    const text = await readFile(legacy, 'utf8');
    expect((await readActivityStore(path)).activities).toEqual(runs);
    expect(await readFile(`${legacy}.v1-backup`, 'utf8')).toBe(text);
    // Once moved, the new store is what is read.
    expect((await readActivityStore(path)).activities).toEqual(runs);
  });

  it('leaves a corrupt format-1 store where it is and writes nothing', async () => {
    await mkdir(home, { recursive: true });
    const legacy = join(home, 'activities.jsonl');
    await writeFile(legacy, `${JSON.stringify(testRun(NOW, 5))}\n{"id":"x"}\n`);
    await expect(readActivityStore(path)).rejects.toThrow(
      `the activity store ${legacy} is corrupt (line 2 is not an activity)`,
    );
    expect(await readdir(home)).toEqual(['activities.jsonl']);
  });
});
