import { describe, expect, it } from 'vitest';
import type { Activity } from '../training/activity.js';
import { ACWR_CAVEATS } from '../training/load.js';
import { SHOE_MILEAGE_CAVEAT } from '../training/shoes.js';
import { run, seriesAlong } from '../training/test-support.js';
import { buildTrainingReport } from './training-report.js';

const asOf = '2024-03-10T20:00:00Z';

/** Three 10 km runs a week in "Pegasus" for 8 weeks from 8 January, then a 14 km run on 3 March. */
function history(): Activity[] {
  const runs: Activity[] = [];
  for (let day = 0; day < 56; day += 7) {
    for (const offset of [0, 2, 4]) {
      const date = new Date(Date.parse('2024-01-08T00:00:00Z') + (day + offset) * 86_400_000);
      runs.push(
        run(date.toISOString().slice(0, 10), 10, {
          shoe: 'Pegasus',
          avgCadenceSpm: 166,
          dynamics: { gctBalanceLeftPct: 52 },
          series: { intervalS: 10, points: seriesAlong(10, (d) => 600 - d / 20) },
        }),
      );
    }
  }
  runs.push(run('2024-03-03', 14, { shoe: 'Pegasus', name: 'Long one' }));
  runs.push(run('2024-03-20', 30));
  runs.push({ ...run('2024-01-01', 5), startTime: undefined });
  return runs;
}

describe('buildTrainingReport', () => {
  const report = buildTrainingReport(history(), {
    asOf,
    shoes: [{ name: 'Pegasus', reminderKm: 200 }],
  });

  it('counts what it used and what it left out', () => {
    expect(report.activities).toMatchObject({ runs: 26, undatedRuns: 1, afterAsOf: 1 });
    expect(report.activities.firstRun).toBe('2024-01-08T07:00:00.000Z');
    expect(report.activities.lastRun).toBe('2024-03-03T07:00:00.000Z');
  });

  it('gives 12 ISO weeks ending with the week of asOf, with changes and the caveat', () => {
    expect(report.weekly.weeks).toHaveLength(12);
    expect(report.weekly.weeks.at(-1)?.week).toBe('2024-W10');
    expect(report.weekly.weeks.find((w) => w.week === '2024-W02')?.distanceM).toBe(30_000);
    expect(report.weekly.changes).toHaveLength(11);
    expect(report.weekly.caveat).toMatch(/Buist 2008/);
  });

  it('finds the longest run of the last 30 days and the spike over the 30 days before it', () => {
    expect(report.longestRun30d).toMatchObject({ distanceM: 14_000, name: 'Long one' });
    expect(report.spikes).toHaveLength(1);
    expect(report.spikes[0]).toMatchObject({ band: 'up_30_100', hazardRateRatio: 1.52 });
  });

  it('keeps the ACWR caveats and describes no zones', () => {
    expect(report.acuteChronic.caveats).toEqual(ACWR_CAVEATS);
    expect(report.acuteChronic).not.toHaveProperty('zone');
  });

  it('measures downhill running, cadence and ground-contact balance', () => {
    expect(report.hills.days).toBe(28);
    expect(report.hills.downhillShare).toBe(1);
    expect(report.cadence.unit).toBe('steps/min');
    expect(report.cadence.runs.every((r) => r.value === 166)).toBe(true);
    expect(report.gctBalance.recentMeanLeftPct).toBe(52);
  });

  it('adds up shoes with the reminder and the weak-evidence caveat', () => {
    const pegasus = report.shoes.shoes.find((s) => s.name === 'Pegasus');
    expect(pegasus).toMatchObject({ distanceM: 254_000, runs: 25, pastReminder: true });
    expect(report.shoes.caveat).toBe(SHOE_MILEAGE_CAVEAT);
  });

  it('lists the findings with their statements and the answers they stand for', () => {
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.text).toMatch(/^From your imported runs: /);
    expect(report.answersFromData.answers.long_run_spike).toBe('up_30_plus');
    expect(report.answersFromData.answers.hills).toBe('lots');
  });

  it('counts weeks in the runner’s local time', () => {
    // 23:30 UTC on Sunday 10 March is already Monday 11 March at UTC+1.
    const late = [run('2024-03-10', 5, { time: '23:30:00' })];
    const utc = buildTrainingReport(late, { asOf: '2024-03-11T12:00:00Z', weeks: 2 });
    const plusOne = buildTrainingReport(late, {
      asOf: '2024-03-11T12:00:00Z',
      weeks: 2,
      utcOffsetMin: 60,
    });
    expect(utc.weekly.weeks.map((w) => w.distanceM)).toEqual([5000, 0]);
    expect(plusOne.weekly.weeks.map((w) => w.distanceM)).toEqual([0, 5000]);
  });

  it('refuses an asOf that is not an instant', () => {
    expect(() => buildTrainingReport([], { asOf: 'yesterday' })).toThrow(RangeError);
  });

  it('is empty but complete without activities', () => {
    const empty = buildTrainingReport([], { asOf });
    expect(empty.activities.runs).toBe(0);
    expect(empty.longestRun30d).toBeNull();
    expect(empty.acuteChronic.ratio).toBeNull();
    expect(empty.findings).toEqual([]);
    expect(empty.weekly.weeks.every((w) => w.distanceM === 0)).toBe(true);
  });
});
