/** Saving a plan and checking in against it, in a temporary BACKTRACK_HOME. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckInReport } from './checkin-command.js';
import { ZCliState } from '../../store/plan-state.js';
import { CASES, runInMemory } from '../../testing.js';

// Wednesday 8 January 2025; the plans below start on Monday 13 January.
const NOW = new Date(2025, 0, 8, 9, 30);
const START = '2025-01-13';

let home: string;
let env: Record<string, string>;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'backtrack-home-'));
  // A folder that does not exist yet: --save creates it.
  env = { BACKTRACK_HOME: join(home, 'state') };
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const statePath = () => join(home, 'state', 'cli-state.json');

async function save(answers: string = CASES.selfCare) {
  return runInMemory(['plan', '--answers', answers, '--save', '--start', START], { env, now: NOW });
}

async function checkin(args: string[], now: Date = NOW) {
  return runInMemory(['checkin', ...args], { env, now });
}

async function checkinJson(args: string[], now?: Date): Promise<CheckInReport> {
  const { code, stdout, stderr } = await checkin([...args, '--json'], now);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as CheckInReport;
}

const calm = ['--during', '1', '--after', '1', '--morning', '0', '--done', '2'];

describe('plan --save', () => {
  it('stores answers, profile, start date, plan and no check-ins, privately', async () => {
    const { code, stdout } = await save();
    expect(code).toBe(0);
    expect(stdout).toContain(`Saved the plan (day 1: Mon 13 Jan 2025) to ${statePath()}`);
    const state = ZCliState.parse(JSON.parse(await readFile(statePath(), 'utf8')));
    expect(state.startDate).toBe(START);
    expect(state.plan.weeks.length).toBeGreaterThan(0);
    expect(state.answers.shoe_worn).toBe('yes');
    expect(state.profile.units).toBe('km');
    expect(state.checkIns).toEqual([]);
    if (process.platform !== 'win32') {
      expect((await stat(statePath())).mode & 0o777).toBe(0o600);
      expect((await stat(join(home, 'state'))).mode & 0o777).toBe(0o700);
    }
  });

  it('keeps the previous state when a new plan replaces it', async () => {
    await save();
    await checkin([...calm, '--day', '1']);
    const { stdout } = await save();
    expect(stdout).toContain('with its 1 check-ins, was kept in');
    const previous = ZCliState.parse(
      JSON.parse(await readFile(join(home, 'state', 'cli-state.previous.json'), 'utf8')),
    );
    expect(previous.checkIns).toHaveLength(1);
  });

  it('a start after 2199: exit 2 before anything is written (regression: a stack trace after saving)', async () => {
    const run = await runInMemory(
      ['plan', '--answers', CASES.selfCare, '--save', '--start', '9999-12-31'],
      { env, now: NOW },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--start must be a date from 1900-01-01 to 2199-12-31');
    await expect(readFile(statePath(), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('saves nothing when triage forbids a plan', async () => {
    const { code, stdout } = await save(CASES.emergency);
    expect(code).toBe(0);
    expect(stdout).toContain('Nothing saved: there is no plan to check in against.');
    await expect(stat(statePath())).rejects.toThrow(/ENOENT/);
  });
});

describe('checkin', () => {
  it('without a saved plan: exit 2 and how to save one', async () => {
    const { code, stdout, stderr } = await checkin([...calm]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`no saved plan in ${statePath()}`);
    expect(stderr).toContain('backtrack plan --answers FILE --save');
  });

  it('save → check-ins → the adapted next week (progress)', async () => {
    await save();
    const first = await checkinJson([...calm, '--day', '1']);
    expect(first.checkIn).toMatchObject({ day: 1, painDuring: 1, sessionsDone: 2 });
    expect(first.date).toBe(START);
    expect(first.week).toBe(1);
    const second = await checkinJson([...calm, '--date', '2025-01-15']);
    expect(second.checkIn.day).toBe(3);
    expect(second.checkInsThisWeek).toBe(2);
    expect(second.adaptation.decision).toBe('hold');
    expect(second.adaptation.reason).toContain('too few');
    const third = await checkinJson([...calm, '--day', '5']);
    expect(third.checkInsThisWeek).toBe(3);
    expect(third.adaptation.decision).toBe('progress');
    expect(third.adaptation.toLevel).toBe(third.adaptation.fromLevel + 1);
    expect(third.adaptation.nextWeek.week).toBe(2);
    expect(third.adaptation.nextWeek.level).toBe(third.adaptation.toLevel);
    const state = ZCliState.parse(JSON.parse(await readFile(statePath(), 'utf8')));
    expect(state.checkIns.map((c) => c.day)).toEqual([1, 3, 5]);
  });

  it('next-morning pain above the runner’s own first morning steps the next week back', async () => {
    // This case gives no pain_now: the first morning check-in is the baseline, not an assumed 3/10.
    await save();
    await checkinJson([
      '--during',
      '1',
      '--after',
      '1',
      '--morning',
      '2',
      '--done',
      '1',
      '--day',
      '1',
    ]);
    const report = await checkinJson([
      '--during',
      '3',
      '--after',
      '3',
      '--morning',
      '3',
      '--done',
      '1',
      '--day',
      '2',
    ]);
    expect(report.adaptation.decision).toBe('step_back');
    expect(report.adaptation.reason).toContain('3/10, above your own starting level of 2/10');
    expect(report.adaptation.toLevel).toBeLessThan(report.adaptation.fromLevel);
    expect(report).not.toHaveProperty('safetyStop');
  });

  it('pain of 9/10 stops running, asks for a re-screen and advises a clinician', async () => {
    await save();
    const args = ['--during', '9', '--after', '9', '--morning', '9', '--done', '1', '--day', '2'];
    const report = await checkinJson(args);
    expect(report.adaptation.decision).toBe('stop_running');
    expect(report.safetyStop).toMatchObject({ week: 1, rescreen: true });
    const next = report.adaptation.nextWeek.days.flatMap((d) => d.items);
    expect(next.filter((i) => i.kind === 'run' || i.kind === 'run_walk')).toEqual([]);
    expect(next.some((i) => i.kind === 'cross_train')).toBe(true);
    const text = await checkin([
      '--during',
      '9',
      '--after',
      '9',
      '--morning',
      '9',
      '--done',
      '1',
      '--day',
      '3',
    ]);
    expect(text.stdout).toContain('Running stopped: see a clinician');
    expect(text.stdout).toMatch(/backtrack\s+assess/);
  });

  it('regression: check-ins in weeks 1 and 4 give the same levels in either order', async () => {
    const week1 = ['1', '3', '5'];
    const week4 = ['22', '24', '26'];
    const levelsAfter = async (days: string[]) => {
      await rm(home, { recursive: true, force: true });
      await save();
      for (const day of days) await checkinJson([...calm, '--day', day]);
      // Entering the last day again gives week 4's decision over the full set of check-ins.
      const report = await checkinJson([...calm, '--day', '26']);
      return [report.adaptation.fromLevel, report.adaptation.toLevel];
    };
    const forwards = await levelsAfter([...week1, ...week4]);
    const backwards = await levelsAfter([...week4, ...week1]);
    expect(backwards).toEqual(forwards);
    // Week 1 moved week 2 up; weeks 2 and 3 had no check-ins and held; week 4 moves week 5 up.
    expect(forwards).toEqual([1, 2]);
  });

  it('the day defaults to today, and a second check-in of a day replaces the first', async () => {
    await save();
    const wednesday = new Date(2025, 0, 15, 20, 0);
    const first = await checkinJson([...calm], wednesday);
    expect(first.checkIn.day).toBe(3);
    const again = await checkinJson(
      ['--during', '4', '--after', '4', '--morning', '0', '--done', '1'],
      wednesday,
    );
    expect(again.replaced).toBe(true);
    expect(again.checkInsThisWeek).toBe(1);
    expect(again.adaptation.decision).toBe('hold');
  });

  it('a week-2 check-in adapts from the level week 1 set', async () => {
    await save();
    for (const day of ['1', '3', '5']) await checkinJson([...calm, '--day', day]);
    const week2 = await checkinJson([...calm, '--day', '8']);
    expect(week2.week).toBe(2);
    expect(week2.adaptation.fromLevel).toBe(1);
    expect(week2.adaptation.nextWeek.week).toBe(3);
  });

  it('prints the decision, the reason and next week day by day', async () => {
    await save();
    await checkin([...calm, '--day', '3']);
    await checkin([...calm, '--day', '5']);
    const { code, stdout } = await checkin([...calm, '--day', '1']);
    expect(code).toBe(0);
    expect(stdout).toContain('Saved the check-in for day 1 (Mon 13 Jan 2025), week 1');
    expect(stdout).toContain('How week 2 adapts');
    expect(stdout).toContain('Progress: next week moves up one step');
    expect(stdout).toContain('Week 2 ·');
    expect(stdout).toContain('Day 1 · Mon 20 Jan 2025');
    expect(stdout).toContain('not a diagnosis');
  });

  it.each([
    [['--after', '1', '--morning', '0', '--done', '1'], ['--during: missing']],
    [
      [...calm.slice(2), '--during', 'lots'],
      ['--during: must be a whole number', '"lots"'],
    ],
    [
      ['--during', '11', '--after', '1', '--morning', '0', '--done', '1'],
      ['--during: 11 is outside 0–10'],
    ],
    [
      ['--during', '1', '--after', '1', '--morning', '12', '--done', '1'],
      ['--morning: 12 is outside 0–10'],
    ],
    [
      ['--during', '1', '--after', '1', '--morning', '1', '--done', '5', '--planned', '2'],
      ['--done: sessionsDone cannot exceed sessionsPlanned'],
    ],
    [
      ['--during', '1', '--after', '1', '--morning', '1', '--done', '5'],
      ['--done:', 'planned on day'],
    ],
    [[...calm, '--day', '0'], ['--day must be a day of the plan']],
    [[...calm, '--day', '99'], ['--day must be a day of the plan']],
    [[...calm, '--date', '2025-01-12'], ['2025-01-12 is before the plan starts']],
    [[...calm, '--date', '2025-13-01'], ['--date must be a date YYYY-MM-DD']],
    [[...calm, '--date', '2025-01-14', '--day', '2'], ['--date and --day cannot be used together']],
  ])('bad values %j exit 2 naming the field', async (args, messages) => {
    await save();
    const before = await readFile(statePath(), 'utf8');
    // Checked in on a day of the plan, unless the case is about the day itself.
    const day = args.some((a) => a === '--day' || a === '--date') ? [] : ['--day', '2'];
    const { code, stdout, stderr } = await checkin([...args, ...day]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const m of messages) expect(stderr).toContain(m);
    expect(await readFile(statePath(), 'utf8')).toBe(before);
  });

  it('today before the plan starts: exit 2', async () => {
    await save();
    const { code, stderr } = await checkin([...calm]);
    expect(code).toBe(2);
    expect(stderr).toContain('today (2025-01-08) is before the plan starts (Mon 13 Jan 2025)');
  });
});

describe('a corrupt state file is reported and never overwritten', () => {
  it.each([
    ['not JSON', '{"version": 1, "plan": ', 'not valid JSON'],
    ['wrong shape', '{"version": 1, "plan": {"kind": "plan"}}', 'not a Backtrack state file'],
    ['future version', '{"version": 2}', 'version'],
  ])('%s', async (_name, content, message) => {
    await save();
    await writeFile(statePath(), content);
    for (const run of [() => checkin([...calm, '--day', '1']), () => save()]) {
      const { code, stdout, stderr } = await run();
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`the state file ${statePath()} is corrupt`);
      expect(stderr).toContain(message);
      expect(stderr).toContain('left untouched');
      expect(await readFile(statePath(), 'utf8')).toBe(content);
    }
  });
});

describe('checkin help', () => {
  it('checkin --help lists the fields and the state file', async () => {
    const { code, stdout } = await runInMemory(['checkin', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--morning N');
    expect(stdout).toContain('$BACKTRACK_HOME/cli-state.json');
  });
});

describe('checkin --km, --leg, --note', () => {
  it('keeps what was run, where the pain reached and a note, and asks for the warning signs once', async () => {
    await save();
    const first = await checkinJson([
      ...calm,
      '--day',
      '1',
      '--km',
      '5.5',
      '--leg',
      'below_knee',
      '--note',
      'tight hamstring',
    ]);
    expect(first.checkIn).toMatchObject({
      distanceKm: 5.5,
      legPain: 'below_knee',
      note: 'tight hamstring',
    });
    expect(first.recheck?.questionIds).toContain('saddle_numbness');
    const again = await checkinJson([...calm, '--day', '2', '--leg', 'below_knee']);
    expect(again.recheck).toBeUndefined();
    const text = await checkin([...calm, '--day', '4', '--leg', 'above_knee']);
    expect(text.stdout).not.toContain('Check the warning signs again');
    const state = ZCliState.parse(JSON.parse(await readFile(statePath(), 'utf8')));
    expect(state.checkIns.find((c) => c.day === 1)).toMatchObject({ note: 'tight hamstring' });
  });

  it('names the option of a value it cannot keep', async () => {
    await save();
    const leg = await checkin([...calm, '--day', '1', '--leg', 'foot']);
    expect(leg.code).toBe(2);
    expect(leg.stderr).toMatch(/--leg: must be one of none, above_knee, below_knee/);
    const km = await checkin([...calm, '--day', '1', '--km', 'far']);
    expect(km.code).toBe(2);
    expect(km.stderr).toMatch(/--km: must be a number of kilometres/);
  });
});
