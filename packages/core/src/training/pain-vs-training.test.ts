import { describe, expect, it } from 'vitest';
import type { Activity } from './activity.js';
import { comparePainWithTraining, type PainCheckIn } from './pain-vs-training.js';
import { run, seriesAlong } from './test-support.js';

const hillySeries = {
  intervalS: 10,
  points: seriesAlong(8, (d) => (d <= 4000 ? d * 0.05 : (8000 - d) * 0.05)),
};
const flatSeries = { intervalS: 10, points: seriesAlong(8, () => 20) };

function day(n: number): string {
  return new Date(Date.parse('2024-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}

describe('comparePainWithTraining', () => {
  it('estimates the difference after hilly runs with a 95% interval', () => {
    const activities: Activity[] = [];
    const checkIns: PainCheckIn[] = [];
    const hillyPain = [5, 4, 6, 5, 4, 5];
    const flatPain = [2, 3, 2, 1, 3, 2];
    for (let i = 0; i < 12; i++) {
      const hilly = i % 2 === 0;
      activities.push(
        run(day(i * 2), 8, {
          series: hilly ? hillySeries : flatSeries,
          shoe: i < 6 ? 'Old' : 'New',
        }),
      );
      checkIns.push({
        day: day(i * 2),
        painAfter: (hilly ? hillyPain : flatPain)[Math.floor(i / 2)] ?? 0,
      });
    }
    const out = comparePainWithTraining(checkIns, activities);
    const hills = out.find((c) => c.id === 'hills' && c.outcome === 'pain_after');
    expect(hills?.status).toBe('estimated');
    expect(hills?.a.n).toBe(6);
    expect(hills?.difference).toBeCloseTo(29 / 6 - 13 / 6, 6);
    expect(hills?.ci95?.[0]).toBeGreaterThan(0);
    expect(hills?.hedgesG).toBeGreaterThan(1);
    expect(hills?.text).toMatch(
      /^Pain after hilly runs averaged 4\.8\/10, against 2\.2\/10 after flatter runs: 2\.7 points higher \(95% CI/,
    );

    const shoe = out.find((c) => c.id === 'shoe:New' && c.outcome === 'pain_after');
    expect(shoe?.status).toBe('estimated');
    expect(shoe?.a.n).toBe(6);
  });

  it('says "not enough data yet" below 5 days per group', () => {
    const activities = [
      run(day(0), 8, { series: hillySeries }),
      run(day(1), 8, { series: flatSeries }),
    ];
    const out = comparePainWithTraining(
      [
        { day: day(0), painAfter: 5, painNextMorning: 3 },
        { day: day(1), painAfter: 2 },
        { day: day(2), painNextMorning: 1 },
      ],
      activities,
    );
    const hills = out.find((c) => c.id === 'hills' && c.outcome === 'pain_after');
    expect(hills?.status).toBe('not_enough_data');
    expect(hills?.difference).toBeUndefined();
    expect(hills?.text).toBe(
      'Not enough data yet to compare hilly runs with flatter runs: 1 and 1 days with a pain score; at least 5 of each are needed.',
    );
    const rest = out.find((c) => c.id === 'run_vs_rest');
    expect(rest?.a.n).toBe(1);
    expect(rest?.b.n).toBe(1);
  });

  it('compares pain after long-run spikes with other runs', () => {
    const activities: Activity[] = [];
    const checkIns: PainCheckIn[] = [];
    let longest = 10;
    for (let i = 0; i < 12; i++) {
      const spike = i % 2 === 1;
      const km = spike ? longest * 1.2 : 5;
      if (spike) longest = km;
      activities.push(run(day(i * 3), km));
      checkIns.push({ day: day(i * 3), painAfter: spike ? 4 + (i % 3) : 2 + (i % 2) });
    }
    activities.unshift(run(day(-2), 10));
    const c = comparePainWithTraining(checkIns, activities).find(
      (x) => x.id === 'spike' && x.outcome === 'pain_after',
    );
    expect(c?.a.n).toBe(6);
    expect(c?.status).toBe('estimated');
  });

  it('ignores scores outside 0–10 and malformed days', () => {
    const out = comparePainWithTraining(
      [
        { day: 'yesterday', painAfter: 3 },
        { day: day(0), painAfter: 11 },
      ],
      [run(day(0), 5)],
    );
    expect(out.find((c) => c.id === 'hills')?.b.n).toBe(0);
  });
});
