import { describe, expect, it } from 'vitest';
import {
  axisDate,
  defaultChartEnd,
  layoutShoes,
  layoutTimeSeries,
  layoutWeeklyLoad,
} from './training-charts.js';
import type { WeekLoadRow } from './training.js';

const box = { width: 620, height: 300, left: 40, right: 40, top: 20, bottom: 40 };

const row = (monday: string, distanceKm: number, pain: number | null): WeekLoadRow => ({
  week: monday,
  monday,
  distanceKm,
  durationS: 0,
  runs: distanceKm > 0 ? 1 : 0,
  pain,
  painDays: pain === null ? 0 : 1,
});

describe('axisDate', () => {
  it('is day and month', () => {
    expect(axisDate('2025-03-03')).toBe('3 Mar');
  });
});

describe('layoutWeeklyLoad', () => {
  const rows = [
    row('2025-03-03', 20, 2),
    row('2025-03-10', 0, null),
    row('2025-03-17', 37, 4),
    row('2025-03-24', 30, 6),
  ];
  const layout = layoutWeeklyLoad(rows, box, 'km');

  it('puts the bars on the baseline, the tallest under the top tick', () => {
    expect(layout.baseline).toBe(260);
    for (const b of layout.bars) expect(b.y + b.height).toBeCloseTo(260, 0);
    expect(layout.distanceTicks.map((t) => t.value)).toEqual([0, 10, 20, 30, 40]);
    const tallest = layout.bars[2];
    expect(tallest?.value).toBe(37);
    expect(tallest?.y).toBeGreaterThan(box.top);
    expect(layout.bars[1]?.height).toBe(0);
  });

  it('keeps the bars inside the plot and in week order', () => {
    const xs = layout.bars.map((b) => b.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(xs[0]).toBeGreaterThanOrEqual(box.left);
    const last = layout.bars.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(box.width - box.right);
  });

  it('draws pain on its own 0–10 axis and breaks the line at weeks without pain', () => {
    expect(layout.painTicks).toEqual([
      { value: 0, y: 260 },
      { value: 5, y: 140 },
      { value: 10, y: 20 },
    ]);
    expect(layout.pain.map((p) => p.value)).toEqual([2, 4, 6]);
    expect(layout.pain[1]?.y).toBe(164);
    // Week 1 stands alone; weeks 3 and 4 are joined.
    expect(layout.painSegments).toHaveLength(1);
    expect(layout.painSegments[0]?.split(' ')).toHaveLength(2);
  });

  it('converts to miles', () => {
    const miles = layoutWeeklyLoad(rows, box, 'mi');
    expect(miles.bars[2]?.value).toBeCloseTo(37 / 1.609344, 6);
    expect(miles.distanceTicks.map((t) => t.value)).toEqual([0, 10, 20, 30]);
  });

  it('thins the week labels on a narrow chart, keeping the latest week', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      row(`2025-01-${String(6 + 7 * (i % 4)).padStart(2, '0')}`, i, null),
    );
    const narrow = layoutWeeklyLoad(many, { ...box, width: 340 }, 'km');
    expect(narrow.labels.length).toBeLessThan(12);
    expect(narrow.labels.at(-1)?.x).toBeCloseTo(
      (narrow.bars.at(-1)?.x ?? 0) + (narrow.bars.at(-1)?.width ?? 0) / 2,
      0,
    );
  });

  it('handles no weeks at all', () => {
    const empty = layoutWeeklyLoad([], box, 'km');
    expect(empty.bars).toEqual([]);
    expect(empty.distanceTicks.length).toBeGreaterThanOrEqual(2);
  });
});

describe('layoutShoes', () => {
  const layout = layoutShoes(
    [
      { name: 'Pegasus', distanceKm: 620, reminderKm: 700 },
      { name: 'Trail', distanceKm: 150, reminderKm: null },
    ],
    400,
    'km',
  );

  it('draws bars and reminder marks on one scale from the left edge', () => {
    const [a, b] = layout.rows;
    expect(layout.ticks[0]).toEqual({ value: 0, x: 8 });
    expect(a?.reminderX).toBeGreaterThan((a?.barWidth ?? 0) + layout.left);
    expect(a?.reminderX).toBeLessThanOrEqual(layout.right);
    expect(b?.reminderX).toBeNull();
    expect((b?.barWidth ?? 0) / (a?.barWidth ?? 1)).toBeCloseTo(150 / 620, 2);
  });

  it('stacks rows and leaves room for the axis', () => {
    expect(layout.rows.map((r) => r.y)).toEqual([6, 60]);
    expect(layout.height).toBeGreaterThan(layout.axisY);
  });

  it('converts distances and reminders to miles', () => {
    const mi = layoutShoes([{ name: 'A', distanceKm: 804.672, reminderKm: 804.672 }], 400, 'mi');
    expect(mi.rows[0]?.value).toBeCloseTo(500, 6);
    expect(mi.rows[0]?.reminder).toBeCloseTo(500, 6);
  });
});

describe('layoutTimeSeries', () => {
  const points = [
    { startTime: '2025-03-17T07:00:00Z', value: 163 },
    { startTime: '2025-03-03T07:00:00Z', value: 160 },
    { startTime: '2025-03-10T07:00:00Z', value: 166 },
  ];

  it('orders points by date and spreads them across the width', () => {
    const layout = layoutTimeSeries(points, box);
    expect(layout.points.map((p) => p.value)).toEqual([160, 166, 163]);
    expect(layout.points[0]?.x).toBeGreaterThan(box.left);
    expect(layout.points[2]?.x).toBeLessThan(box.width - box.right);
    expect(layout.points[1]?.x).toBeCloseTo(
      ((layout.points[0]?.x ?? 0) + (layout.points[2]?.x ?? 0)) / 2,
      0,
    );
    expect(layout.xLabels.map((l) => l.text)).toEqual(['3 Mar 2025', '17 Mar 2025']);
  });

  it('keeps every point within the ticks', () => {
    const layout = layoutTimeSeries(points, box);
    const top = layout.yTicks.at(-1)?.y ?? 0;
    const bottom = layout.yTicks[0]?.y ?? 0;
    for (const p of layout.points) {
      expect(p.y).toBeGreaterThanOrEqual(top);
      expect(p.y).toBeLessThanOrEqual(bottom);
    }
  });

  it('includes the reference line and a minimum span', () => {
    const layout = layoutTimeSeries(
      [
        { startTime: '2025-03-03T07:00:00Z', value: 50.4 },
        { startTime: '2025-03-10T07:00:00Z', value: 50.6 },
      ],
      box,
      { reference: 50, minSpan: 4 },
    );
    expect(layout.referenceY).not.toBeNull();
    const values = layout.yTicks.map((t) => t.value);
    expect((values.at(-1) ?? 0) - (values[0] ?? 0)).toBeGreaterThanOrEqual(4);
  });

  it('centres a single run', () => {
    const layout = layoutTimeSeries([points[0] as (typeof points)[number]], box);
    expect(layout.points[0]?.x).toBe((box.left + box.width - box.right) / 2);
    expect(layout.xLabels).toHaveLength(1);
  });
});

describe('defaultChartEnd', () => {
  it('ends the charts at the last run when no run falls in the weeks up to today', () => {
    // Regression: after importing 2018 runs the default "12 weeks up to today" was empty.
    expect(defaultChartEnd('2018-06-14', '2026-09-14')).toBe('2018-06-14');
  });
  it('keeps today when the last run is within the weeks', () => {
    expect(defaultChartEnd('2026-09-14', '2026-09-14')).toBeUndefined();
    expect(defaultChartEnd('2026-11-30', '2026-09-14')).toBeUndefined();
  });
  it('keeps today without runs or weeks', () => {
    expect(defaultChartEnd(null, '2026-09-14')).toBeUndefined();
    expect(defaultChartEnd('2018-06-14', undefined)).toBeUndefined();
  });
});
