/**
 * Geometry of the Training page's charts: weekly distance as bars with
 * next-morning pain on a second axis, distance per pair of shoes with the
 * runner's reminder line, and one value per run over time (cadence,
 * ground-contact balance). Pure: the components only draw what these return.
 */
import { formatDayMonth } from '@backtrack/core';
import type { ChartBox } from '../../shared/lib/chart.js';
import { labelEvery, linearScale, niceTicks } from './scale.js';
import { localDate, type WeekLoadRow } from './training.js';
import { fromKm, type DistanceUnit } from '../../shared/lib/units.js';

export type { ChartBox };

const round = (n: number) => Math.round(n * 10) / 10;

/** "3 Mar" for `YYYY-MM-DD` (no weekday: axis labels are short); the core's calendar format. */
export const axisDate: (iso: string) => string = formatDayMonth;

/** A tick: its value and where it is drawn. */
export interface Tick {
  value: number;
  y: number;
}

/** What the weekly chart draws. */
export interface WeeklyLoadLayout {
  bars: { week: string; x: number; y: number; width: number; height: number; value: number }[];
  /** Pain points at the middle of their week; only weeks with pain. */
  pain: { week: string; x: number; y: number; value: number }[];
  /** Polylines of the pain line, broken where a week has no pain. */
  painSegments: string[];
  /** Distance ticks, in the display unit (left axis). */
  distanceTicks: Tick[];
  /** Pain ticks, 0–10 (right axis). */
  painTicks: Tick[];
  /** Week labels along the bottom (thinned out to fit). */
  labels: { x: number; text: string }[];
  baseline: number;
}

/**
 * Lays out weekly distance bars (left axis, in `unit`) and the weekly mean
 * next-morning pain (right axis, 0–10), one slot per week.
 */
export function layoutWeeklyLoad(
  rows: readonly WeekLoadRow[],
  box: ChartBox,
  unit: DistanceUnit,
): WeeklyLoadLayout {
  const innerW = box.width - box.left - box.right;
  const bottom = box.height - box.bottom;
  const values = rows.map((r) => fromKm(r.distanceKm, unit));
  const ticks = niceTicks(0, Math.max(0, ...values), 4);
  const top = ticks.at(-1) ?? 1;
  const y = linearScale([0, top], [bottom, box.top]);
  const painY = linearScale([0, 10], [bottom, box.top]);
  const slot = rows.length > 0 ? innerW / rows.length : innerW;
  const barWidth = Math.max(2, Math.min(48, slot * 0.62));
  const centre = (i: number) => box.left + slot * (i + 0.5);
  const bars = rows.map((r, i) => {
    const value = values[i] ?? 0;
    const yTop = y(value);
    return {
      week: r.week,
      x: round(centre(i) - barWidth / 2),
      y: round(yTop),
      width: round(barWidth),
      height: round(bottom - yTop),
      value,
    };
  });
  const pain: WeeklyLoadLayout['pain'] = [];
  const painSegments: string[] = [];
  let current: string[] = [];
  rows.forEach((r, i) => {
    if (r.pain === null) {
      if (current.length > 1) painSegments.push(current.join(' '));
      current = [];
      return;
    }
    const point = { week: r.week, x: round(centre(i)), y: round(painY(r.pain)), value: r.pain };
    pain.push(point);
    current.push(`${point.x},${point.y}`);
  });
  if (current.length > 1) painSegments.push(current.join(' '));
  const every = labelEvery(rows.length, innerW, 48);
  // Label from the last week backwards, so the current week always has its label.
  const labels = rows.flatMap((r, i) =>
    (rows.length - 1 - i) % every === 0 ? [{ x: round(centre(i)), text: axisDate(r.monday) }] : [],
  );
  return {
    bars,
    pain,
    painSegments,
    distanceTicks: ticks.map((value) => ({ value, y: round(y(value)) })),
    painTicks: [0, 5, 10].map((value) => ({ value, y: round(painY(value)) })),
    labels,
    baseline: bottom,
  };
}

/** One pair of shoes for the chart. */
export interface ShoeInput {
  name: string;
  distanceKm: number;
  reminderKm: number | null;
}

/** What the shoe chart draws. */
export interface ShoeLayout {
  height: number;
  rows: {
    name: string;
    /** Top of the row: the name is written here, the bar below it. */
    y: number;
    barY: number;
    barHeight: number;
    barWidth: number;
    value: number;
    /** x of the reminder line, or null without a reminder. */
    reminderX: number | null;
    reminder: number | null;
  }[];
  ticks: { value: number; x: number }[];
  axisY: number;
  left: number;
  right: number;
}

/** Horizontal bars of distance per shoe (in `unit`), each with its reminder mark, on one scale. */
export function layoutShoes(
  shoes: readonly ShoeInput[],
  width: number,
  unit: DistanceUnit,
  options: { rowHeight?: number; left?: number; right?: number; top?: number } = {},
): ShoeLayout {
  const rowHeight = options.rowHeight ?? 54;
  const left = options.left ?? 8;
  const right = width - (options.right ?? 16);
  const top = options.top ?? 6;
  const values = shoes.map((s) => fromKm(s.distanceKm, unit));
  const reminders = shoes.map((s) => (s.reminderKm === null ? null : fromKm(s.reminderKm, unit)));
  const max = Math.max(1, ...values, ...reminders.map((r) => r ?? 0));
  const ticks = niceTicks(0, max, width < 420 ? 3 : 5);
  const x = linearScale([0, ticks.at(-1) ?? max], [left, right]);
  const barHeight = 18;
  const rows = shoes.map((s, i) => {
    const y = top + i * rowHeight;
    const value = values[i] ?? 0;
    const reminder = reminders[i] ?? null;
    return {
      name: s.name,
      y,
      barY: y + 22,
      barHeight,
      barWidth: round(Math.max(0, x(value) - left)),
      value,
      reminderX: reminder === null ? null : round(x(reminder)),
      reminder,
    };
  });
  const axisY = top + shoes.length * rowHeight + 4;
  return {
    height: axisY + 24,
    rows,
    ticks: ticks.map((value) => ({ value, x: round(x(value)) })),
    axisY,
    left,
    right,
  };
}

/** One run's value for a chart over time. */
export interface TimePoint {
  startTime: string;
  value: number;
}

/** What a chart of run values over time draws. */
export interface TimeSeriesLayout {
  points: { x: number; y: number; value: number; startTime: string }[];
  line: string;
  yTicks: Tick[];
  xLabels: { x: number; text: string; anchor: 'start' | 'middle' | 'end' }[];
  /** y of the reference line (e.g. an even 50% balance), when one was asked for and is in range. */
  referenceY: number | null;
  baseline: number;
}

/**
 * Lays out one value per run against its date. The y range covers the
 * values (and `reference`, when given) with at least `minSpan` between its
 * ends, so small wobbles are not blown up to fill the chart.
 */
export function layoutTimeSeries(
  points: readonly TimePoint[],
  box: ChartBox,
  options: { reference?: number; minSpan?: number } = {},
): TimeSeriesLayout {
  const sorted = points
    .map((p) => ({ ...p, ms: Date.parse(p.startTime) }))
    .filter((p) => Number.isFinite(p.ms) && Number.isFinite(p.value))
    .sort((a, b) => a.ms - b.ms);
  const bottom = box.height - box.bottom;
  const values = sorted.map((p) => p.value);
  if (options.reference !== undefined) values.push(options.reference);
  let lo = values.length > 0 ? Math.min(...values) : 0;
  let hi = values.length > 0 ? Math.max(...values) : 1;
  const minSpan = options.minSpan ?? 0;
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const ticks = niceTicks(lo, hi, 4);
  const y = linearScale([ticks[0] ?? lo, ticks.at(-1) ?? hi], [bottom, box.top]);
  const first = sorted[0]?.ms ?? 0;
  const last = sorted.at(-1)?.ms ?? 0;
  const pad = 12;
  const x = linearScale([first, last], [box.left + pad, box.width - box.right - pad]);
  const placed = sorted.map((p) => ({
    x: round(x(p.ms)),
    y: round(y(p.value)),
    value: p.value,
    startTime: p.startTime,
  }));
  const label = (p: { startTime: string }) => {
    const day = localDate(p.startTime);
    return `${axisDate(day)} ${day.slice(0, 4)}`;
  };
  const xLabels: TimeSeriesLayout['xLabels'] = [];
  const firstPoint = placed[0];
  const lastPoint = placed.at(-1);
  if (firstPoint && lastPoint && placed.length === 1) {
    xLabels.push({ x: firstPoint.x, text: label(firstPoint), anchor: 'middle' });
  } else if (firstPoint && lastPoint) {
    xLabels.push({ x: box.left, text: label(firstPoint), anchor: 'start' });
    xLabels.push({ x: box.width - box.right, text: label(lastPoint), anchor: 'end' });
  }
  const reference = options.reference !== undefined ? round(y(options.reference)) : null;
  return {
    points: placed,
    line: placed.map((p) => `${p.x},${p.y}`).join(' '),
    yTicks: ticks.map((value) => ({ value, y: round(y(value)) })),
    xLabels,
    referenceY: reference,
    baseline: bottom,
  };
}

/**
 * Where the charts' weeks end by default: today, unless no run falls in the
 * weeks up to today (older files just imported), then the day of the last
 * run, so the default charts show the period that has runs instead of empty
 * weeks on a 0–1 km axis. `lastRunDay` is the local date of the last run,
 * `firstMonday` the first Monday of the weeks up to today; `undefined`
 * means today. The runner can still pick either.
 */
export function defaultChartEnd(
  lastRunDay: string | null,
  firstMonday: string | undefined,
): string | undefined {
  if (lastRunDay === null || firstMonday === undefined) return undefined;
  return lastRunDay < firstMonday ? lastRunDay : undefined;
}
