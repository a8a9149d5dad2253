import { describe, expect, it } from 'vitest';
import {
  describeRunValues,
  describeSpike,
  describeWeeklyLoad,
  formatBytes,
  formatDuration,
  formatSignedPercent,
  mergePainDiaries,
  mondayOf,
  uploadPercent,
  weeklyLoadRows,
  type WeekInput,
} from './training.js';

const weeks: WeekInput[] = [
  { week: '2025-W10', monday: '2025-03-03', distanceM: 20_000, durationS: 7200, runs: 3 },
  { week: '2025-W11', monday: '2025-03-10', distanceM: 0, durationS: 0, runs: 0 },
  { week: '2025-W12', monday: '2025-03-17', distanceM: 32_500, durationS: 11_000, runs: 4 },
];

describe('mondayOf', () => {
  it('gives the Monday of the ISO week', () => {
    expect(mondayOf('2025-03-03')).toBe('2025-03-03');
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(mondayOf('2025-03-10')).toBe('2025-03-10');
    expect(mondayOf('2024-12-31')).toBe('2024-12-30');
    expect(mondayOf('1970-01-01')).toBe('1969-12-29');
  });

  it('rejects what is not a date', () => {
    expect(mondayOf('3 March')).toBeUndefined();
  });
});

describe('weeklyLoadRows', () => {
  it('joins distance with the mean next-morning pain of each week', () => {
    const rows = weeklyLoadRows(weeks, [
      { date: '2025-03-04', painNextMorning: 2 },
      { date: '2025-03-09', painNextMorning: 4 },
      { date: '2025-03-18', painNextMorning: 1 },
      { date: '2025-03-19', painNextMorning: null },
      { date: '2025-04-01', painNextMorning: 9 },
      { date: '2025-03-20', painNextMorning: 11 },
    ]);
    expect(rows.map((r) => [r.distanceKm, r.pain, r.painDays])).toEqual([
      [20, 3, 2],
      [0, null, 0],
      [32.5, 1, 1],
    ]);
  });
});

describe('describeWeeklyLoad', () => {
  it('names the span, the total, the biggest week and the pain range', () => {
    const rows = weeklyLoadRows(weeks, [
      { date: '2025-03-04', painNextMorning: 2 },
      { date: '2025-03-18', painNextMorning: 4 },
    ]);
    expect(describeWeeklyLoad(rows, 'km')).toBe(
      '3 weeks from Mon 3 Mar to the week of Mon 17 Mar: 52.5 km in 7 runs; the biggest week was 32.5 km (week of Mon 17 Mar). Next-morning pain recorded in 2 of the weeks, averaging 2.0 to 4.0 out of 10.',
    );
  });

  it('respects miles and says when there is no pain or no running', () => {
    const rows = weeklyLoadRows(weeks, []);
    expect(describeWeeklyLoad(rows, 'mi')).toContain('32.6 mi in 7 runs');
    expect(describeWeeklyLoad(rows, 'mi')).toContain('No next-morning pain recorded');
    expect(describeWeeklyLoad(weeklyLoadRows([weeks[1] as WeekInput], []), 'km')).toContain(
      'no runs.',
    );
    expect(describeWeeklyLoad([], 'km')).toBe('No weeks to show yet.');
  });
});

describe('describeRunValues', () => {
  it('summarises a series of runs', () => {
    const text = describeRunValues(
      [
        { startTime: '2025-03-10T07:00:00Z', value: 166 },
        { startTime: '2025-03-03T07:00:00Z', value: 160 },
        { startTime: '2025-03-17T07:00:00Z', value: 163 },
      ],
      (v) => `${v} steps/min`,
    );
    expect(text).toBe(
      '3 runs from Mon 3 Mar to Mon 17 Mar: from 160 steps/min to 166 steps/min; the latest 163 steps/min.',
    );
    expect(describeRunValues([], String)).toBe('No runs with this measure yet.');
  });
});

describe('formats', () => {
  it('durations', () => {
    expect(formatDuration(47 * 60 + 10)).toBe('47 min');
    expect(formatDuration(2 * 3600 + 24 * 60)).toBe('2 h 24 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatDuration(undefined)).toBe('–');
  });

  it('file sizes', () => {
    expect(formatBytes(850)).toBe('850 B');
    expect(formatBytes(121_839)).toBe('119 KB');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
  });

  it('upload percentages stay within 0–100 and are 0 while the total is unknown', () => {
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(50, 200)).toBe(25);
    expect(uploadPercent(199, 200)).toBe(99);
    expect(uploadPercent(200, 200)).toBe(100);
    expect(uploadPercent(300, 200)).toBe(100);
  });

  it('signed percentages', () => {
    expect(formatSignedPercent(12.4)).toBe('+12%');
    expect(formatSignedPercent(-8)).toBe('−8%');
    expect(formatSignedPercent(0.2)).toBe('0%');
  });
});

describe('describeSpike', () => {
  it('gives the run, the increase, the baseline and the hazard ratio', () => {
    expect(
      describeSpike(
        {
          startTime: '2025-03-15T08:00:00Z',
          distanceM: 16_000,
          previousLongestM: 10_000,
          increasePct: 60,
          hazardRateRatio: 1.52,
          band: 'up_30_100',
        },
        'km',
      ),
    ).toBe(
      'Sat 15 Mar: 16 km, 60% longer than your longest run of the 30 days before (10 km). In a study of 5,205 runners, runs 30–100% longer than the 30-day longest went with 1.52 times the rate of overuse injury (Frandsen 2025).',
    );
  });
});

describe('mergePainDiaries', () => {
  it('keeps one score per date, the newer plan winning, sorted by date', () => {
    expect(
      mergePainDiaries([
        {
          createdAt: '2025-03-20T00:00:00Z',
          points: [
            { date: '2025-03-21', painNextMorning: 5 },
            { date: '2025-03-22', painNextMorning: 1 },
          ],
        },
        {
          createdAt: '2025-03-01T00:00:00Z',
          points: [
            { date: '2025-03-22', painNextMorning: 7 },
            { date: '2025-03-02', painNextMorning: 3 },
          ],
        },
      ]),
    ).toEqual([
      { date: '2025-03-02', painNextMorning: 3 },
      { date: '2025-03-21', painNextMorning: 5 },
      { date: '2025-03-22', painNextMorning: 1 },
    ]);
  });
});
