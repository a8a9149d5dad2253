/**
 * The interactive `backtrack assess` with imported runs: answers the runs
 * imply are offered as defaults (Enter accepts, a typed answer wins), never
 * for warning-sign questions; accepted ones carry their provenance into the
 * report; `--no-training-data` turns it off; a corrupt store stops it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, runInterview, type Answers } from '@backtrack/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInterviewSession, scriptedInput, type SessionOutcome } from './interview-session.js';
import { createMemoryIo } from '../../io/memory-io.js';
import { runCli } from '../../run-cli.js';
import { createStyle } from '../../io/style.js';
import { hillyHistory, writeActivityStore, exampleAnswers } from '../../testing.js';
import { trainingDefaults } from './training-data.js';

const kb = loadKnowledgeBase();
const NOW = new Date(2024, 2, 20, 12, 0);
const desk = exampleAnswers('desk-runner');
const SPIKE = 'long_run_spike';

/** Output with runs of whitespace collapsed, so wrapped sentences match. */
const flat = (text: string) => text.replace(/[ \t]*\n[ \t]*(?=\S)/g, ' ');

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-interview-data-'));
  env = { BACKTRACK_HOME: join(dir, 'home') };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The lines for the desk runner's full interview, with `line` typed at the long-run spike question. */
function scriptWithSpikeLine(spike: Answers[string], line: string): string[] {
  const answers: Answers = { ...desk, [SPIKE]: spike };
  const lines = scriptedInput(kb, answers, { mode: 'full' });
  const at = runInterview(kb, (q) => answers[q.id], { mode: 'full' }).questionsAsked.indexOf(SPIKE);
  expect(at).toBeGreaterThanOrEqual(0);
  lines[at] = line;
  return lines;
}

async function assessInteractively(lines: string[], extra: string[] = []) {
  const memory = createMemoryIo({
    input: lines.map((l) => `${l}\n`).join(''),
    env,
    now: () => NOW,
  });
  const code = await runCli(['assess', '--full', ...extra], memory.io);
  return { code, stdout: flat(memory.stdout()), stderr: memory.stderr() };
}

describe('interactive assess with imported runs', () => {
  beforeEach(async () => {
    await writeActivityStore(env.BACKTRACK_HOME ?? '', hillyHistory(NOW));
  });

  it('offers the long-run spike from the runs, never a warning-sign question', async () => {
    const memory = createMemoryIo({ env, now: () => NOW });
    const data = await trainingDefaults(kb, memory.io, { use: true });
    expect(data?.defaults[SPIKE]?.value).toBe('up_30_plus');
    const redFlags = kb.questions.filter((q) => q.redFlag).map((q) => q.id);
    for (const id of redFlags) expect(data?.defaults).not.toHaveProperty(id);
  });

  it('shows the default, accepts it with Enter, and the report says where it came from', async () => {
    const { code, stdout, stderr } = await assessInteractively(
      scriptWithSpikeLine('up_30_plus', ''),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /From your imported runs: your longest run jumped 50%.* — press Enter to accept, or type your own answer\./,
    );
    expect(stdout).toContain('long_run_spike = up_30_plus');
    expect(stdout).toContain('your imported runs say "');
  });

  it('the accepted default carries its provenance into the explanation steps', async () => {
    const memory = createMemoryIo({ env, now: () => NOW });
    const data = await trainingDefaults(kb, memory.io, { use: true });
    const input = createMemoryIo({
      input: scriptWithSpikeLine('up_30_plus', '')
        .map((l) => `${l}\n`)
        .join(''),
    });
    const outcome: SessionOutcome = await runInterviewSession(kb, {
      mode: 'full',
      input: input.io.stdin,
      output: input.io.stdout,
      style: createStyle({ colour: false }),
      ...(data ? { defaults: data.defaults } : {}),
    });
    if (outcome.kind !== 'finished') throw new Error('cancelled');
    expect(outcome.answers[SPIKE]).toBe('up_30_plus');
    expect(Object.keys(outcome.fromImportedRuns)).toEqual([SPIKE]);
    const steps = outcome.result.contributors.flatMap((c) => c.explanation);
    const fromRuns = steps.filter((s) => s.from !== undefined);
    expect(fromRuns.length).toBeGreaterThan(0);
    for (const s of fromRuns) {
      expect(s.questionId).toBe(SPIKE);
      expect(s.from).toMatch(/^From your imported runs: /);
    }
  });

  it('a typed answer wins over the default', async () => {
    const { code, stdout } = await assessInteractively(scriptWithSpikeLine('no', '1'));
    expect(code).toBe(0);
    expect(stdout).toContain('press Enter to accept');
    expect(stdout).not.toContain('long_run_spike = up_30_plus');
    expect(stdout).not.toContain('your imported runs say "');
  });

  it('--no-training-data shows no default', async () => {
    const { code, stdout } = await assessInteractively(scriptedInput(kb, desk, { mode: 'full' }), [
      '--no-training-data',
    ]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('From your imported runs');
    expect(stdout).not.toContain('press Enter to accept');
  });

  it('a corrupt store stops before the first question (exit 2)', async () => {
    await writeFile(join(env.BACKTRACK_HOME ?? '', 'activities.jsonl'), '[1, 2]\n');
    const { code, stdout, stderr } = await assessInteractively(['34']);
    expect(code).toBe(2);
    expect(stderr).toContain('is corrupt');
    expect(stderr).toContain('--no-training-data');
    expect(stdout).not.toContain('Question 1');
  });
});

describe('interactive assess without imported runs', () => {
  it('offers no defaults', async () => {
    const { code, stdout } = await assessInteractively(scriptedInput(kb, desk, { mode: 'full' }));
    expect(code).toBe(0);
    expect(stdout).not.toContain('press Enter to accept');
  });
});
