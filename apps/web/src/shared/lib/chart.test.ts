import { describe, expect, it } from 'vitest';
import { describeTrend, layoutChart, type PainPoint } from './chart.js';

const box = { width: 700, height: 300, left: 40, right: 20, top: 20, bottom: 40 };
const points: PainPoint[] = [
  { day: 3, painDuring: 4, painAfter: 3, painNextMorning: 2 },
  { day: 1, painDuring: 5, painAfter: 5, painNextMorning: 4 },
  { day: 9, painDuring: 2, painAfter: 1, painNextMorning: 1 },
];

describe('layoutChart', () => {
  const layout = layoutChart(points, 2, box);

  it('maps pain 0 to the bottom and 10 to the top, clamping outside values', () => {
    expect(layout.y(0)).toBe(260);
    expect(layout.y(10)).toBe(20);
    expect(layout.y(12)).toBe(20);
    expect(layout.y(-1)).toBe(260);
  });

  it('keeps every day inside the plotting area', () => {
    expect(layout.days).toBe(14);
    expect(layout.x(1)).toBeGreaterThan(box.left);
    expect(layout.x(14)).toBeLessThan(box.width - box.right);
  });

  it('draws each line in day order', () => {
    const days = layout.lines.painDuring.split(' ').map((p) => Number(p.split(',')[0]));
    expect(days).toEqual([layout.x(1), layout.x(3), layout.x(9)]);
  });

  it('has one band per week covering the x range', () => {
    expect(layout.weekBands.map((b) => b.week)).toEqual([1, 2]);
    const [w1, w2] = layout.weekBands;
    expect(w1?.x).toBe(box.left);
    expect((w2?.x ?? 0) + (w2?.width ?? 0)).toBeCloseTo(box.width - box.right, 0);
  });

  it('extends past the plan when check-ins go beyond it', () => {
    expect(
      layoutChart([{ day: 20, painDuring: 1, painAfter: 1, painNextMorning: 1 }], 2, box).days,
    ).toBe(20);
  });
});

describe('describeTrend', () => {
  it('summarises the first and last check-in', () => {
    expect(describeTrend(points)).toBe(
      '3 check-ins from plan day 1 to day 9. Pain during activity fell from 5 to 2; next-morning pain fell from 4 to 1 (out of 10).',
    );
    expect(describeTrend([])).toBe('No check-ins yet.');
  });
});
