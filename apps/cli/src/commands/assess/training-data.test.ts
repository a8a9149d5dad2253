/**
 * `assess --answers` and `plan` with imported runs: the runs answer what the
 * answers file leaves unanswered, the runner's own answers win, explanation
 * steps say where an answer came from, and `--no-training-data` turns it off.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '@backtrack/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from './render-report.js';
import { CASES, hillyHistory, runInMemory, writeActivityStore } from '../../testing.js';
import type { TrainingDataUse } from './training-data.js';

const NOW = new Date(2024, 2, 20, 12, 0);

let dir: string;
let home: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-data-answers-'));
  home = join(dir, 'home');
  env = { BACKTRACK_HOME: home };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function assessJson(args: string[]): Promise<JsonReport> {
  const { code, stdout, stderr } = await runInMemory(['assess', ...args, '--json'], {
    env,
    now: NOW,
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as JsonReport;
}

function steps(report: JsonReport) {
  return report.contributors.flatMap((c) => c.explanation);
}

/** The self-care case card without the answers named. */
async function answersWithout(...ids: string[]): Promise<string> {
  const card = JSON.parse(await readFile(CASES.selfCare, 'utf8')) as {
    answers: Record<string, unknown>;
  };
  const answers = Object.fromEntries(
    Object.entries(card.answers).filter(([id]) => !ids.includes(id)),
  );
  const path = join(dir, `answers-without-${ids.join('-')}.json`);
  await writeFile(path, JSON.stringify({ answers }));
  return path;
}

describe('assess --answers with imported runs', () => {
  beforeEach(async () => {
    await writeActivityStore(home, hillyHistory(NOW));
  });

  it('fills the questions the file leaves unanswered, marked "from your imported runs"', async () => {
    const report = await assessJson(['--answers', CASES.selfCare]);
    const used = report.fromImportedRuns as TrainingDataUse;
    expect(Object.keys(used.filled).sort()).toEqual(['hills', 'long_run_spike']);
    expect(used.filled.long_run_spike).toMatchObject({
      value: 'up_30_plus',
      statement: expect.stringMatching(
        /^From your imported runs: your longest run jumped 50%/,
      ) as string,
    });
    expect(used.activities).toBe(25);
    const fromRuns = steps(report).filter((s) => s.from !== undefined);
    expect(fromRuns.length).toBeGreaterThan(0);
    expect(new Set(fromRuns.map((s) => s.questionId))).toEqual(
      new Set(['hills', 'long_run_spike']),
    );
    for (const s of fromRuns) expect(s.from).toMatch(/^From your imported runs: /);
  });

  it('keeps the runner’s own answers where the runs disagree', async () => {
    const report = await assessJson(['--answers', CASES.selfCare]);
    // The file says 30 km a week and no change; the runs say 37.5 km and a rise.
    expect(report.fromImportedRuns?.runnerAnswered).toEqual(
      expect.arrayContaining(['weekly_km', 'weekly_change', 'shoe_km']),
    );
    const weekly = steps(report).filter((s) => s.questionId === 'weekly_km');
    for (const s of weekly) expect(s.from).toBeUndefined();
  });

  it('--no-training-data leaves the runs out', async () => {
    const report = await assessJson(['--answers', CASES.selfCare, '--no-training-data']);
    expect(report).not.toHaveProperty('fromImportedRuns');
    expect(steps(report).some((s) => s.from !== undefined)).toBe(false);
    const withData = await assessJson(['--answers', CASES.selfCare]);
    expect(withData.contributors).not.toEqual(report.contributors);
  });

  it('says so in the text report', async () => {
    // Without the file's "no change" answers the runs' load rise reaches a contributor that
    // the text report explains in full (only likely and possible ones are).
    const answers = await answersWithout('weekly_change', 'training_changes');
    const { code, stdout } = await runInMemory(['assess', '--answers', answers], {
      env,
      now: NOW,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('From your imported runs');
    expect(stdout).toContain('long_run_spike = up_30_plus');
    expect(stdout).toContain('your imported runs say "');
    expect(stdout).toContain(
      'Your own answers were kept where your runs could also have answered:',
    );
  });

  it('answers the adaptive interview from the runs where the file is silent', async () => {
    const report = await assessJson(['--answers', CASES.selfCare, '--adaptive']);
    const used = report.fromImportedRuns as TrainingDataUse;
    for (const id of Object.keys(used.filled)) expect(report.questionsAsked).toContain(id);
    for (const s of steps(report).filter((x) => x.from !== undefined))
      expect(used.filled).toHaveProperty(s.questionId);
  });

  it('a corrupt store stops the assessment (exit 2) and names the way around it', async () => {
    await writeFile(join(home, 'activities.jsonl'), '[1, 2]\n');
    const { code, stderr } = await runInMemory(['assess', '--answers', CASES.selfCare], {
      env,
      now: NOW,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('is corrupt');
    expect(stderr).toContain('--no-training-data');
    const without = await runInMemory(
      ['assess', '--answers', CASES.selfCare, '--no-training-data'],
      { env, now: NOW },
    );
    expect(without.code).toBe(0);
  });
});

describe('without imported runs', () => {
  it('assesses the file alone', async () => {
    const report = await assessJson(['--answers', CASES.selfCare]);
    expect(report).not.toHaveProperty('fromImportedRuns');
  });
  it('an empty store is the same as none', async () => {
    await mkdir(home, { recursive: true });
    await writeFile(join(home, 'activities.jsonl'), '\n');
    const report = await assessJson(['--answers', CASES.selfCare]);
    expect(report).not.toHaveProperty('fromImportedRuns');
  });
});

describe('plan with imported runs', () => {
  beforeEach(async () => {
    await writeActivityStore(home, hillyHistory(NOW));
  });

  async function planJson(args: string[]): Promise<Plan & { fromImportedRuns?: TrainingDataUse }> {
    const { code, stdout, stderr } = await runInMemory(['plan', ...args, '--json'], {
      env,
      now: NOW,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return JSON.parse(stdout) as Plan & { fromImportedRuns?: TrainingDataUse };
  }

  it('builds the plan on the weekly distance of the runs when the file does not give one', async () => {
    const answers = await answersWithout('weekly_km');
    const withData = await planJson(['--answers', answers]);
    const without = await planJson(['--answers', answers, '--no-training-data']);
    expect(withData.fromImportedRuns?.filled.weekly_km?.value).toBe(37.5);
    expect(without).not.toHaveProperty('fromImportedRuns');
    expect(withData.basis.baseWeeklyKm).toBeGreaterThan(0);
    // Without the runs, the plan does not invent a distance: it withholds running doses.
    expect(without.basis.baseWeeklyKm).toBeNull();
    expect(without.missing.map((m) => m.field)).toContain('weekly_km');
    expect(withData.missing.map((m) => m.field)).not.toContain('weekly_km');
  });

  it('keeps the runner’s weekly distance when the file gives one', async () => {
    const plan = await planJson(['--answers', CASES.selfCare]);
    const own = await planJson(['--answers', CASES.selfCare, '--no-training-data']);
    expect(plan.fromImportedRuns?.filled).not.toHaveProperty('weekly_km');
    expect(plan.basis.baseWeeklyKm).toBe(own.basis.baseWeeklyKm);
  });

  it('lists the filled answers under the text plan', async () => {
    const { code, stdout } = await runInMemory(['plan', '--answers', CASES.selfCare], {
      env,
      now: NOW,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('From your imported runs');
    expect(stdout).toContain('hills = lots');
  });
});
