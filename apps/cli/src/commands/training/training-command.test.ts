/** `backtrack training`: the report of the imported runs, shoe reminders, and pain against training. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACWR_CAVEATS, SHOE_MILEAGE_CAVEAT } from '@backtrack/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../io/dates.js';
import { CASES, hillyHistory, runInMemory, writeActivityStore } from '../../testing.js';
import type { TrainingOutput } from './render-training.js';

const NOW = new Date(2024, 2, 20, 12, 0);
const DAY_MS = 86_400_000;

let dir: string;
let home: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-training-'));
  home = join(dir, 'home');
  env = { BACKTRACK_HOME: home };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function trainingJson(args: string[] = []): Promise<TrainingOutput> {
  const { code, stdout, stderr } = await runInMemory(['training', ...args, '--json'], {
    env,
    now: NOW,
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as TrainingOutput;
}

describe('backtrack training', () => {
  it('without imported runs: exit 2 and how to import', async () => {
    const { code, stderr } = await runInMemory(['training'], { env, now: NOW });
    expect(code).toBe(2);
    expect(stderr).toContain('no imported activities');
    expect(stderr).toContain('backtrack import PATH...');
  });

  it('reports load, spikes, ACWR with caveats, hills, shoes with the reminder, and findings', async () => {
    await writeActivityStore(home, hillyHistory(NOW));
    const out = await trainingJson(['--shoe-reminder', 'Pegasus 40=300']);
    expect(out.activities.runs).toBe(25);
    expect(out.weekly.weeks).toHaveLength(12);
    expect(out.weekly.weeks.reduce((s, w) => s + w.runs, 0)).toBe(25);
    expect(out.weekly.changes).toHaveLength(11);
    expect(out.weekly.caveat).toMatch(/Buist 2008/);
    expect(out.longestRun30d).toMatchObject({ distanceM: 18_000, name: 'Long Sunday' });
    expect(out.spikes).toEqual([
      expect.objectContaining({ distanceM: 18_000, previousLongestM: 12_000, band: 'up_30_100' }),
    ]);
    expect(out.acuteChronic.caveats).toEqual(ACWR_CAVEATS);
    expect(out.hills.downhillShare).toBe(1);
    expect(out.cadence.unit).toBe('steps/min');
    expect(out.shoes.shoes).toEqual([
      expect.objectContaining({
        name: 'Pegasus 40',
        distanceM: 306_000,
        reminderKm: 300,
        pastReminder: true,
      }),
    ]);
    expect(out.shoes.caveat).toBe(SHOE_MILEAGE_CAVEAT);
    const ids = out.findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['long_run_spike', 'high_downhill_share', 'shoe_past_reminder']),
    );
    for (const f of out.findings) expect(f.text).toMatch(/^From your imported runs: /);
    expect(out.answersFromData.answers).toMatchObject({
      long_run_spike: 'up_30_plus',
      hills: 'lots',
    });
    expect(out.pain.status).toBe('no_plan');
    expect(out.store.activities).toBe(25);
  });

  it('--as-of leaves out later runs', async () => {
    await writeActivityStore(home, hillyHistory(NOW));
    const before = localDate(new Date(NOW.getTime() - 7 * DAY_MS));
    const out = await trainingJson(['--as-of', before]);
    expect(out.activities.afterAsOf).toBe(3);
    expect(out.longestRun30d?.distanceM).toBe(12_000);
    expect(out.spikes).toEqual([]);
    expect(out.findings.some((f) => f.id === 'long_run_spike')).toBe(false);
  });

  it('prints every section in words, with the caveats', async () => {
    await writeActivityStore(home, hillyHistory(NOW));
    const { code, stdout } = await runInMemory(['training', '--shoe-reminder', 'Pegasus 40=300'], {
      env,
      now: NOW,
    });
    expect(code).toBe(0);
    const text = stdout.replace(/\s+/g, ' ');
    for (const section of [
      'Weekly running (last 12 weeks)',
      'Long runs',
      'Acute:chronic load',
      'Hills, last 28 days',
      'Cadence (steps/min)',
      'Ground contact time balance',
      'Shoes',
      'What your runs tell the assessment',
      'Pain against training',
    ]) {
      expect(stdout).toContain(section);
    }
    expect(text).toContain('Longest run of the last 30 days: 18.0 km');
    expect(text).toContain('50% longer than 12.0 km');
    expect(text).toContain('does not classify your ratio into zones');
    expect(text).toContain('Pegasus 40: 306.0 km, 25 runs');
    expect(text).toContain('past your 300 km reminder');
    expect(text).toContain('Replacing shoes by mileage rests on weak evidence');
    expect(text).toContain('! From your imported runs: your longest run jumped 50%');
    expect(text).toContain('No check-ins yet');
    expect(stdout).toContain('not a diagnosis');
  });

  it('rejects a bad --shoe-reminder or --as-of', async () => {
    await writeActivityStore(home, hillyHistory(NOW));
    for (const args of [
      ['--shoe-reminder', 'Pegasus'],
      ['--shoe-reminder', 'Pegasus=-3'],
      ['--shoe-reminder', '=300'],
      ['--shoe-reminder', 'A=300', '--shoe-reminder', 'A=400'],
      ['--as-of', '2024-02-30'],
    ]) {
      const { code, stderr } = await runInMemory(['training', ...args], { env, now: NOW });
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/--shoe-reminder|--as-of/);
    }
  });

  it('refuses a corrupt store', async () => {
    await mkdir(home, { recursive: true });
    await writeFile(join(home, 'activities.jsonl'), '{"half": ');
    const { code, stderr } = await runInMemory(['training'], { env, now: NOW });
    expect(code).toBe(2);
    expect(stderr).toContain('is corrupt (line 1 is not valid JSON');
  });

  describe('pain against training', () => {
    const start = localDate(new Date(NOW.getTime() - 14 * DAY_MS));

    async function saveAndCheckIn(days: number[]): Promise<void> {
      const saved = await runInMemory(
        ['plan', '--answers', CASES.selfCare, '--save', '--start', start, '--no-training-data'],
        { env, now: NOW },
      );
      expect(saved.code, saved.stderr).toBe(0);
      for (const day of days) {
        const pain = String(day % 3);
        const res = await runInMemory(
          [
            'checkin',
            '--day',
            String(day),
            '--during',
            pain,
            '--after',
            pain,
            '--morning',
            pain,
            '--done',
            '0',
          ],
          { env, now: NOW },
        );
        expect(res.code, res.stderr).toBe(0);
      }
    }

    it('says there are no check-ins yet for a saved plan without them', async () => {
      await writeActivityStore(home, hillyHistory(NOW));
      await saveAndCheckIn([]);
      const out = await trainingJson();
      expect(out.pain.status).toBe('no_check_ins');
      expect(out.pain.note).toContain('backtrack checkin');
    });

    it('compares the check-ins of the saved plan, honest where there is not enough data', async () => {
      await writeActivityStore(home, hillyHistory(NOW));
      await saveAndCheckIn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      const out = await trainingJson();
      expect(out.pain.status).toBe('compared');
      expect(out.pain.checkIns).toBe(14);
      const runVsRest = out.pain.comparisons.find((c) => c.id === 'run_vs_rest');
      expect(runVsRest?.status).toBe('estimated');
      expect(runVsRest?.ci95).toHaveLength(2);
      const hills = out.pain.comparisons.find(
        (c) => c.id === 'hills' && c.outcome === 'pain_after',
      );
      expect(hills?.status).toBe('not_enough_data');
      expect(hills?.text).toMatch(/^Not enough data yet/);
      expect(out.pain.note).toMatch(/not proof of cause/);
      const { stdout } = await runInMemory(['training'], { env, now: NOW });
      expect(stdout).toContain('From 14 check-ins of your saved plan:');
      expect(stdout).toContain('Not enough data yet');
    });

    it('shows why when the state file is corrupt, and still reports training', async () => {
      await writeActivityStore(home, hillyHistory(NOW));
      await writeFile(join(home, 'cli-state.json'), 'nope');
      const out = await trainingJson();
      expect(out.pain.status).toBe('unavailable');
      expect(out.pain.note).toContain('is corrupt');
    });
  });
});
