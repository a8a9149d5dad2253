/**
 * Geometry of the pain-over-time chart: plan days on x, pain 0–10 on y, one
 * line per measure, and a band per plan week. Pure, so it is tested without a
 * browser; the component only draws what this returns.
 */

/** One check-in's pain scores on a plan day. */
export interface PainPoint {
  day: number;
  painDuring: number;
  painAfter: number;
  painNextMorning: number;
}

/** The three measures, each with the dash pattern and marker that tell it apart without colour. */
export const SERIES = [
  { key: 'painDuring', label: 'During activity', dash: '', marker: 'circle' },
  { key: 'painAfter', label: 'After activity', dash: '6 4', marker: 'square' },
  { key: 'painNextMorning', label: 'Next morning', dash: '2 3', marker: 'triangle' },
] as const;

/** Key of a measure. */
export type SeriesKey = (typeof SERIES)[number]['key'];

/** Size of the drawing area. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What the component draws. */
export interface ChartLayout {
  x: (day: number) => number;
  y: (pain: number) => number;
  days: number;
  /** Polyline `points` attribute per measure, in day order. */
  lines: Record<SeriesKey, string>;
  weekBands: { week: number; x: number; width: number; labelX: number }[];
  yTicks: { value: number; y: number }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Lays the chart out for `weeks` plan weeks (at least one) and the points given. */
export function layoutChart(
  points: readonly PainPoint[],
  weeks: number,
  box: ChartBox,
): ChartLayout {
  const lastDay = Math.max(weeks * 7, ...points.map((p) => p.day), 7);
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  // Day d sits in the middle of its slot, so day 1 and the last day are not on the axes.
  const x = (day: number) => round(box.left + ((day - 0.5) / lastDay) * innerW);
  const y = (pain: number) => round(box.top + (1 - Math.min(10, Math.max(0, pain)) / 10) * innerH);
  const sorted = [...points].sort((a, b) => a.day - b.day);
  const line = (key: SeriesKey) => sorted.map((p) => `${x(p.day)},${y(p[key])}`).join(' ');
  const weekCount = Math.ceil(lastDay / 7);
  const weekBands = Array.from({ length: weekCount }, (_, i) => {
    const start = box.left + ((i * 7) / lastDay) * innerW;
    const end = box.left + (Math.min(lastDay, (i + 1) * 7) / lastDay) * innerW;
    return {
      week: i + 1,
      x: round(start),
      width: round(end - start),
      labelX: round((start + end) / 2),
    };
  });
  const yTicks = [0, 2, 4, 6, 8, 10].map((value) => ({ value, y: y(value) }));
  return {
    x,
    y,
    days: lastDay,
    lines: {
      painDuring: line('painDuring'),
      painAfter: line('painAfter'),
      painNextMorning: line('painNextMorning'),
    },
    weekBands,
    yTicks,
  };
}

/** A one-sentence summary of the trend, for the chart's description. */
export function describeTrend(points: readonly PainPoint[]): string {
  if (points.length === 0) return 'No check-ins yet.';
  const sorted = [...points].sort((a, b) => a.day - b.day);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return 'No check-ins yet.';
  const n = sorted.length;
  const checkIns = `${n} check-in${n === 1 ? '' : 's'} from plan day ${first.day} to day ${last.day}.`;
  if (n === 1) {
    return `${checkIns} Pain during ${first.painDuring}, after ${first.painAfter}, next morning ${first.painNextMorning} out of 10.`;
  }
  const change = (a: number, b: number) =>
    b < a ? `fell from ${a} to ${b}` : b > a ? `rose from ${a} to ${b}` : `stayed at ${a}`;
  return `${checkIns} Pain during activity ${change(first.painDuring, last.painDuring)}; next-morning pain ${change(first.painNextMorning, last.painNextMorning)} (out of 10).`;
}
