/**
 * From the interview to a plan without a hand-written file:
 * `backtrack assess --save-answers FILE`, then `backtrack plan --answers FILE`.
 */
import { readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess, loadKnowledgeBase } from '@backtrack/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../io/memory-io.js';
import { runCli } from '../../run-cli.js';
import { exampleAnswers } from '../../testing.js';
import { LineReader } from '../../io/line-reader.js';
import { scriptedInput } from './interview-session.js';
import { offerToSave, SAVE_HINT } from './save-answers.js';

const kb = loadKnowledgeBase();
const desk = exampleAnswers('desk-runner');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-save-answers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(input = '') {
  return createMemoryIo({ input, cwd: dir, env: { BACKTRACK_HOME: join(dir, 'home') } });
}

describe('assess --save-answers', () => {
  it('writes the answers given in the interview, and plan reads them to the same result', async () => {
    const lines = scriptedInput(kb, desk, { mode: 'full' });
    const run = io(lines.map((l) => `${l}\n`).join(''));
    expect(await runCli(['assess', '--full', '--save-answers', 'mine.json'], run.io)).toBe(0);
    expect(run.stdout()).toContain('backtrack plan --answers mine.json');
    const saved = JSON.parse(await readFile(join(dir, 'mine.json'), 'utf8')) as {
      answers: Record<string, unknown>;
    };
    // Every answer typed is in the file, as typed.
    expect(Object.keys(saved.answers).length).toBeGreaterThan(10);
    for (const [id, value] of Object.entries(saved.answers)) expect(value).toEqual(desk[id]);
    const plan = io();
    expect(await runCli(['plan', '--answers', 'mine.json', '--json'], plan.io)).toBe(0);
    const out = JSON.parse(plan.stdout()) as { assessment?: { triage: { tier: string } } };
    const expected = assess(kb, saved.answers as typeof desk).triage.tier;
    expect(JSON.stringify(out)).toContain(`"tier":"${expected}"`);
  });

  it('at a terminal, offerToSave asks for a file name; a name in use is explained and asked again', async () => {
    await writeFile(join(dir, 'taken.json'), '{"answers": {}}');
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const reader = new LineReader(input, output);
    input.end('taken.json\nfresh.json\n');
    const path = await offerToSave(reader, output, desk, { cwd: dir, except: ['age'] });
    reader.close();
    expect(path).toBe(join(dir, 'fresh.json'));
    expect(written).toMatch(/taken\.json already exists; choose a new file name/);
    expect(written).toContain('Next: backtrack plan --answers fresh.json');
    // The file in use is untouched; the new one holds the answers, less those from the runs.
    await expect(readFile(join(dir, 'taken.json'), 'utf8')).resolves.toBe('{"answers": {}}');
    const saved = JSON.parse(await readFile(join(dir, 'fresh.json'), 'utf8')) as {
      answers: Record<string, unknown>;
    };
    expect(saved.answers).toEqual(
      Object.fromEntries(Object.entries(desk).filter(([id]) => id !== 'age')),
    );
    expect(desk.age).toBeDefined();
  });

  it('offerToSave: an empty line or the end of the input saves nothing and says how to next time', async () => {
    for (const text of ['\n', '']) {
      const input = new PassThrough();
      const output = new PassThrough();
      let written = '';
      output.on('data', (chunk: Buffer) => (written += chunk.toString()));
      const reader = new LineReader(input, output);
      input.end(text);
      await expect(offerToSave(reader, output, desk, { cwd: dir })).resolves.toBeUndefined();
      reader.close();
      expect(written).toContain(`Not saved. ${SAVE_HINT}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with answers piped in, lines left after the interview are never taken for a file name', async () => {
    const lines = scriptedInput(kb, desk, { mode: 'full' });
    const run = io([...lines, '1', 'mine.json'].map((l) => `${l}\n`).join(''));
    expect(await runCli(['assess', '--full'], run.io)).toBe(0);
    expect(run.stdout()).toContain(SAVE_HINT);
    expect(run.stdout()).not.toContain('File name');
    expect(readdirSync(dir).filter((f) => f !== 'home')).toEqual([]);
  });

  it('refuses, before the first question, a file that exists or a folder that does not', async () => {
    await writeFile(join(dir, 'taken.json'), '{"answers": {}}');
    const taken = io('');
    expect(await runCli(['assess', '--save-answers', 'taken.json'], taken.io)).toBe(2);
    expect(taken.stderr()).toMatch(/taken\.json already exists/);
    expect(taken.stdout()).not.toMatch(/\?/); // no question was asked
    expect(await readFile(join(dir, 'taken.json'), 'utf8')).toBe('{"answers": {}}');
    const nowhere = io('');
    expect(await runCli(['assess', '--save-answers', 'no/such/dir/a.json'], nowhere.io)).toBe(2);
    expect(nowhere.stderr()).toMatch(/cannot write in .*no\/such\/dir/);
  });

  it('is for the interactive interview only, and needs a name', async () => {
    const both = io();
    expect(
      await runCli(['assess', '--answers', 'a.json', '--save-answers', 'b.json'], both.io),
    ).toBe(2);
    expect(both.stderr()).toMatch(/--save-answers is for the interactive interview/);
    const empty = io();
    expect(await runCli(['assess', '--save-answers', ''], empty.io)).toBe(2);
    expect(empty.stderr()).toMatch(/--save-answers needs a file name/);
  });
});
