import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KM_PER_MILE, formatDistance, type Plan, type PlanOutcome } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDose } from '@backtrack/documents';
import { CASES, runInMemory } from '../../testing.js';

// A Wednesday: the default start date is the following Monday.
const NOW = new Date(2025, 0, 8, 9, 30);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-plan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function planJson(args: string[]): Promise<PlanOutcome> {
  const { code, stdout, stderr } = await runInMemory(['plan', ...args, '--json'], { now: NOW });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as PlanOutcome;
}

function asPlan(outcome: PlanOutcome): Plan {
  if (outcome.kind !== 'plan') throw new Error(`expected a plan, got ${outcome.kind}`);
  return outcome;
}

describe('plan --json', () => {
  it('self-care case: weeks of days of items, each item linked to a targeted weak link', async () => {
    const plan = asPlan(await planJson(['--answers', CASES.selfCare]));
    expect(plan.tier).toBe('self_care');
    expect(plan.weeks.length).toBeGreaterThanOrEqual(4);
    const targets = new Set(plan.targets.map((t) => t.id));
    expect(targets.size).toBeGreaterThan(0);
    for (const week of plan.weeks) {
      expect(week.days).toHaveLength(7);
      for (const day of week.days) {
        for (const item of day.items) {
          expect(item.targets.length).toBeGreaterThan(0);
          for (const t of item.targets) expect(targets.has(t)).toBe(true);
        }
      }
    }
    const items = plan.weeks.flatMap((w) => w.days.flatMap((d) => d.items));
    expect(items.some((i) => i.kind === 'exercise')).toBe(true);
    expect(plan.runningRules.length).toBeGreaterThan(0);
    expect(plan.whenToSeekHelp.length).toBeGreaterThan(0);
    expect(plan.disclaimer).toMatch(/not a diagnosis/);
  });

  it.each([
    ['emergency (pv03)', CASES.emergency, 'emergency'],
    ['urgent (pv05)', CASES.urgent, 'urgent_doctor'],
  ])('%s: no plan, no weeks, but the reason and what to do now', async (_name, path, tier) => {
    const outcome = await planJson(['--answers', path]);
    expect(outcome.kind).toBe('no_plan');
    expect(outcome.tier).toBe(tier);
    expect(outcome).not.toHaveProperty('weeks');
    if (outcome.kind !== 'no_plan') return;
    expect(outcome.reason.length).toBeGreaterThan(20);
    expect(outcome.whatToDoNow.length).toBeGreaterThan(20);
    expect(outcome.disclaimer).toMatch(/not a diagnosis/);
  });

  it('see-clinician case: a conservative plan with the advice to book', async () => {
    const plan = asPlan(await planJson(['--answers', CASES.seeClinician]));
    expect(plan.conservative).toBe(true);
    expect(plan.adviceToBook).toBeDefined();
  });

  it('a profile changes the running: fewer running days, fewer runs', async () => {
    const profile = await file('two-days.json', JSON.stringify({ runningDaysPerWeek: 2 }));
    const plan = asPlan(await planJson(['--answers', CASES.selfCare, '--profile', profile]));
    const runs = plan.weeks[0]?.days.flatMap((d) => d.items.filter((i) => i.kind === 'run'));
    expect(runs).toHaveLength(2);
  });
});

describe('plan text', () => {
  it('triage first, then weak links, week by day, rules, when to seek help, disclaimer', async () => {
    const { code, stdout } = await runInMemory(['plan', '--answers', CASES.selfCare], { now: NOW });
    expect(code).toBe(0);
    const order = [
      'SELF-CARE',
      'What to do now:',
      'Weak links this plan works on',
      'Your 6-week plan, starting Mon 13 Jan 2025',
      'Week 1 ·',
      'Day 1 · Mon 13 Jan 2025',
      'Day 7 · Sun 19 Jan 2025',
      'Week 2 ·',
      'Running rules',
      'Evidence (',
      'When to seek help',
      'not a diagnosis',
    ].map((s) => [s, stdout.indexOf(s)] as const);
    for (const [s, i] of order) expect(i, s).toBeGreaterThanOrEqual(0);
    expect(order.map(([, i]) => i)).toEqual(order.map(([, i]) => i).sort((a, b) => a - b));
    expect(stdout).not.toContain('\u001b[');
  });

  it('says what it cannot dose when an answer is missing, instead of assuming one', async () => {
    // The self-care case gives no pain_now: no starting pain is made up.
    const { stdout } = await runInMemory(['plan', '--answers', CASES.selfCare], { now: NOW });
    expect(stdout).toContain('What this plan cannot dose yet');
    expect(stdout).toMatch(/did not say how much your back hurts now/);
    const json = asPlan(await planJson(['--answers', CASES.selfCare]));
    expect(json.missing.map((m) => m.field)).toContain('pain_now');
    expect(json.basis.baselinePain).toBeNull();
  });

  it('colours only a terminal without NO_COLOR', async () => {
    const args = ['plan', '--answers', CASES.selfCare];
    expect((await runInMemory(args, { now: NOW, tty: true })).stdout).toContain('\u001b[');
    expect(
      (await runInMemory(args, { now: NOW, tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
  });

  it('conservative plan: the advice to book', async () => {
    const { stdout } = await runInMemory(['plan', '--answers', CASES.seeClinician], { now: NOW });
    expect(stdout).toContain('SEE A CLINICIAN');
    expect(stdout).toContain('Book an appointment');
  });

  it('emergency: the banner, why there is no plan, no weeks', async () => {
    const { code, stdout } = await runInMemory(['plan', '--answers', CASES.emergency], {
      now: NOW,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('EMERGENCY: WHAT TO DO NOW');
    expect(stdout).toContain('No plan');
    expect(stdout).not.toContain('Week 1');
    expect(stdout).toContain('not a diagnosis');
  });

  it('distances in miles when the profile says so (the plan itself stays in km)', async () => {
    const profile = await file('miles.json', JSON.stringify({ units: 'mi', weeklyKm: 40 }));
    const text = await runInMemory(
      ['plan', '--answers', CASES.selfCare, '--profile', profile, '--start', '2025-03-03'],
      { now: NOW },
    );
    expect(text.stdout).toMatch(/Run \d+(\.\d)? mi/);
    expect(text.stdout).not.toMatch(/Run \d+(\.\d)? km/);
    expect(text.stdout).toContain('Day 1 · Mon 3 Mar 2025');
    const plan = asPlan(await planJson(['--answers', CASES.selfCare, '--profile', profile]));
    const run = plan.weeks[0]?.days.flatMap((d) => d.items).find((i) => i.kind === 'run');
    expect(run?.kind).toBe('run');
    if (run?.kind !== 'run') return;
    expect(text.stdout).toContain(formatDistance(run.distanceKm, 'mi'));
  });
});

describe('plan: bad input exits 2 naming the problem', () => {
  it.each([
    [[], 'missing --answers FILE'],
    [['--answers', ''], '--answers needs a file name'],
    [['--answers', 'x.json', '--start', '2025-02-30'], '--start must be a date YYYY-MM-DD'],
    [['--answers', 'x.json', '--start', 'monday'], '--start must be a date YYYY-MM-DD'],
    [
      ['--answers', 'x.json', '--start', '9999-12-31'],
      '--start must be a date from 1900-01-01 to 2199-12-31, got "9999-12-31"',
    ],
    [['--answers', 'x.json', '--pdf'], "option '--pdf <value>' argument missing"],
    [['--answers', 'x.json', '--weeks', '3'], "unknown option '--weeks'"],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await runInMemory(['plan', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`backtrack: ${message}`);
  });

  it('a named pipe as the profile file: exit 2 at once, not blocked for ever', async () => {
    const fifo = join(dir, 'profile.fifo');
    execFileSync('mkfifo', [fifo]);
    const { code, stderr } = await runInMemory([
      'plan',
      '--answers',
      CASES.selfCare,
      '--profile',
      fifo,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('it is not a regular file (a pipe or a device)');
  });

  it.each([
    ['not-json.json', '{"units": ', 'is not valid JSON'],
    ['bad-units.json', '{"units": "furlongs"}', 'units:'],
    ['bad-days.json', '{"runningDaysPerWeek": 9}', 'runningDaysPerWeek:'],
    ['unknown.json', '{"shoeSize": 42}', 'shoeSize'],
  ])('profile %s', async (name, content, message) => {
    const path = await file(name, content);
    const { code, stdout, stderr } = await runInMemory([
      'plan',
      '--answers',
      CASES.selfCare,
      '--profile',
      path,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(name);
    expect(stderr).toContain(message);
  });

  it.each([
    ['empty.json', '{"answers": {}}', 'saddle_numbness: numbness around the saddle area'],
    ['age-only.json', '{"answers": {"age": 40}}', 'fever: fever, shivers or sweats'],
  ])(
    'an unfinished warning-sign screen: %s gives no plan and names what is missing (HAZ-01)',
    async (name, content, line) => {
      const path = await file(name, content);
      const pdf = join(dir, `${name}.pdf`);
      const { code, stdout, stderr } = await runInMemory(['plan', '--answers', path, '--pdf', pdf]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('the warning-sign questions are not finished');
      expect(stderr).toContain(line);
      await expect(readFile(pdf)).rejects.toThrow();
    },
  );

  it('a missing profile file and an unwritable output are named', async () => {
    const missing = await runInMemory([
      'plan',
      '--answers',
      CASES.selfCare,
      '--profile',
      join(dir, 'nope.json'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    const out = join(dir, 'no-such-folder', 'plan.ics');
    const unwritable = await runInMemory(['plan', '--answers', CASES.selfCare, '--ics', out]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain(`cannot write ${out}: its folder does not exist`);
  });

  it('plan --help and help plan print the usage', async () => {
    for (const argv of [
      ['plan', '--help'],
      ['help', 'plan'],
    ]) {
      const { code, stdout } = await runInMemory(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('backtrack plan --answers FILE [--profile FILE] [--json]');
    }
  });
});

describe('describing doses and distances', () => {
  it.each([
    [{ sets: 2, reps: 10, perSide: false }, '2 × 10'],
    [{ sets: 3, reps: 8, holdSeconds: 5, perSide: true }, '3 × 8 each side, hold 5 s'],
    [{ sets: 3, holdSeconds: 30, perSide: false }, '3 × 30 s hold'],
    [{ sets: 1, minutes: 10, perSide: false }, '1 × 10 min'],
  ])('%j → %s', (dose, text) => {
    expect(describeDose(dose)).toBe(text);
  });

  it('converts km to miles only for display', () => {
    expect(formatDistance(10, 'km')).toBe('10 km');
    expect(formatDistance(KM_PER_MILE * 5, 'mi')).toBe('5 mi');
    expect(formatDistance(8, 'mi')).toBe('5 mi');
  });

  it('keeps the JSON output free of display units', async () => {
    const profile = await file('miles-json.json', JSON.stringify({ units: 'mi' }));
    const json = JSON.stringify(
      await planJson(['--answers', CASES.selfCare, '--profile', profile]),
    );
    expect(json).toContain('distanceKm');
    expect(json).not.toMatch(/\d mi\b/);
  });
});
