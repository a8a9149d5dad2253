/**
 * The importer's last check: nothing leaves it that the core's `ZActivity`
 * rejects (regression: a mutated TCX gave a lap a negative duration and the
 * server stored it), and no date outside the core's `DATE_RANGE`.
 */
import { describe, expect, it } from 'vitest';
import { ZActivity, type Activity } from '@backtrack/core';
import { checkActivity } from './validate-activity.js';

const good: Activity = {
  id: '0123456789abcdef',
  source: 'tcx',
  sport: 'running',
  startTime: '2026-03-02T07:00:00.000Z',
  durationS: 1800,
  distanceM: 5000,
  laps: [
    { durationS: 900, distanceM: 2500 },
    { durationS: 900, distanceM: 2500 },
  ],
  series: {
    intervalS: 10,
    points: [
      { timeS: 0, distanceM: 0 },
      { timeS: 10, distanceM: 30 },
    ],
  },
  warnings: [],
};

function activityOf(result: ReturnType<typeof checkActivity>): Activity {
  if ('error' in result) throw new Error(result.error);
  return result.activity;
}

describe('checkActivity', () => {
  it('passes a valid activity unchanged', () => {
    expect(activityOf(checkActivity(good))).toEqual(good);
  });

  it('leaves out a negative lap duration with a warning (mutated TCX)', () => {
    const bad = { ...good, laps: [{ durationS: -12, distanceM: 2500 }, { durationS: 900 }] };
    const out = activityOf(checkActivity(bad));
    expect(ZActivity.safeParse(out).success).toBe(true);
    expect(out.laps).toEqual([{ distanceM: 2500 }, { durationS: 900 }]);
    expect(out.warnings.join(' ')).toMatch(/left out: lap 1 durationS/);
  });

  it('leaves out bad series points, averages and dynamics fields', () => {
    const bad: Activity = {
      ...good,
      avgHeartRateBpm: 0,
      dynamics: { groundContactTimeMs: -1, stepLengthMm: 1100 },
      series: { intervalS: 10, points: [{ timeS: 0, distanceM: -5 }] },
    };
    const out = activityOf(checkActivity(bad));
    expect(ZActivity.safeParse(out).success).toBe(true);
    expect(out.avgHeartRateBpm).toBeUndefined();
    expect(out.dynamics).toEqual({ stepLengthMm: 1100 });
    expect(out.series?.points).toEqual([{ timeS: 0 }]);
  });

  it('drops a start outside 1900–2199 and keeps the rest', () => {
    const out = activityOf(
      checkActivity({
        ...good,
        startTime: '9999-12-31T00:00:00.000Z',
        laps: [{ startTime: '0001-01-01T00:00:00.000Z', durationS: 60 }],
      }),
    );
    expect(out.startTime).toBeUndefined();
    expect(out.laps).toEqual([{ durationS: 60 }]);
    expect(out.warnings.join(' ')).toMatch(/startTime/);
  });

  it('refuses an activity whose required parts are wrong', () => {
    const result = checkActivity({ ...good, distanceM: -1 });
    expect(result).toEqual({ error: expect.stringMatching(/distanceM/) as unknown });
  });

  it('keeps the importer’s own extra fields', () => {
    const out = checkActivity({ ...good, sportStated: true });
    expect('activity' in out && out.activity.sportStated).toBe(true);
  });
});
