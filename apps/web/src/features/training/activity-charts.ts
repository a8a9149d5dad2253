/**
 * Geometry of one activity's page: the route drawn from the series'
 * positions (no map tiles), and pace, heart rate, elevation and cadence
 * over distance. Pure: the page only draws what these return.
 */
import type { ChartBox } from '../../shared/lib/chart.js';
import { fromKm, type DistanceUnit } from '../../shared/lib/units.js';
import { linearScale, niceTicks } from './scale.js';

const round = (n: number) => Math.round(n * 10) / 10;

/** A series point as the API sends it (core `SeriesPoint`). */
export interface ProfilePointInput {
  timeS?: number | undefined;
  distanceM?: number | undefined;
  altitudeM?: number | undefined;
  heartRateBpm?: number | undefined;
  cadenceSpm?: number | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
}

/** The route as an SVG polyline in a `width`×`height` box (north up), or null without two positions. */
export function routePolyline(
  points: readonly ProfilePointInput[],
  width: number,
  height: number,
  pad = 8,
): string | null {
  const pos = points.flatMap((p) =>
    p.lat !== undefined && p.lon !== undefined ? [{ lat: p.lat, lon: p.lon }] : [],
  );
  if (pos.length < 2) return null;
  const lats = pos.map((p) => p.lat);
  const lons = pos.map((p) => p.lon);
  const midLat = ((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180);
  // Equirectangular: a degree of longitude is cos(latitude) of a degree of latitude.
  const xs = lons.map((lon) => lon * Math.cos(midLat));
  const minX = Math.min(...xs);
  const maxY = Math.max(...lats);
  const spanX = Math.max(...xs) - minX;
  const spanY = maxY - Math.min(...lats);
  const scale = Math.min(
    (width - 2 * pad) / (spanX || Number.EPSILON),
    (height - 2 * pad) / (spanY || Number.EPSILON),
  );
  // Centre the drawing in the box.
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return pos
    .map(
      (p, i) =>
        `${round(offX + ((xs[i] ?? 0) - minX) * scale)},${round(offY + (maxY - p.lat) * scale)}`,
    )
    .join(' ');
}

/** The measures drawn over distance. */
export type ProfileKey = 'pace' | 'heartRate' | 'altitude' | 'cadence';

/** One point of the profile: distance in the display unit and each measure (null where unknown). */
export interface ProfileRow {
  distance: number;
  /** Seconds per display unit (km or mile); null where standing or unknown. */
  pace: number | null;
  heartRate: number | null;
  altitude: number | null;
  cadence: number | null;
}

/** Slower than this (s/km) is standing or walking, left out of the pace line. */
const SLOWEST_PACE_S_PER_KM = 20 * 60;

/**
 * The profile over distance, in `unit`. Pace is smoothed over `window`
 * points either side (about a minute at one point per 10 s), so GPS jitter
 * does not draw spikes.
 */
export function profileRows(
  points: readonly ProfilePointInput[],
  unit: DistanceUnit,
  window = 3,
): ProfileRow[] {
  const withDistance = points.filter((p) => p.distanceM !== undefined);
  return withDistance.map((p, i) => {
    const a = withDistance[Math.max(0, i - window)];
    const b = withDistance[Math.min(withDistance.length - 1, i + window)];
    let pace: number | null = null;
    if (a?.timeS !== undefined && b?.timeS !== undefined) {
      const dKm = ((b.distanceM ?? 0) - (a.distanceM ?? 0)) / 1000;
      const perKm = dKm > 0 ? (b.timeS - a.timeS) / dKm : Infinity;
      if (perKm > 0 && perKm <= SLOWEST_PACE_S_PER_KM) pace = perKm / fromKm(1, unit);
    }
    return {
      distance: fromKm((p.distanceM ?? 0) / 1000, unit),
      pace,
      heartRate: p.heartRateBpm ?? null,
      altitude: p.altitudeM ?? null,
      cadence: p.cadenceSpm ?? null,
    };
  });
}

/** "5:07" for 307 seconds. */
export function formatPace(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** What one profile chart draws. */
export interface ProfileLayout {
  /** Polylines, broken where the measure is unknown. */
  segments: string[];
  yTicks: { value: number; y: number }[];
  xTicks: { value: number; x: number }[];
  baseline: number;
}

/**
 * Lays out one measure over distance. Pace is drawn with faster (smaller)
 * values up, as runners read it.
 */
export function layoutProfile(
  rows: readonly ProfileRow[],
  key: ProfileKey,
  box: ChartBox,
): ProfileLayout {
  const bottom = box.height - box.bottom;
  const values = rows.flatMap((r) => (r[key] === null ? [] : [r[key]]));
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 4);
  const lo = ticks[0] ?? 0;
  const hi = ticks.at(-1) ?? 1;
  const y = linearScale(key === 'pace' ? [hi, lo] : [lo, hi], [bottom, box.top]);
  const maxD = Math.max(0, ...rows.map((r) => r.distance));
  const xTicks = niceTicks(0, maxD, box.width < 420 ? 3 : 6);
  const x = linearScale([0, xTicks.at(-1) ?? 1], [box.left, box.width - box.right]);
  const segments: string[] = [];
  let current: string[] = [];
  for (const r of rows) {
    const v = r[key];
    if (v === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      continue;
    }
    current.push(`${round(x(r.distance))},${round(y(v))}`);
  }
  if (current.length > 1) segments.push(current.join(' '));
  return {
    segments,
    yTicks: ticks.map((value) => ({ value, y: round(y(value)) })),
    xTicks: xTicks.map((value) => ({ value, x: round(x(value)) })),
    baseline: bottom,
  };
}

/**
 * The profile at each whole kilometre or mile (and the finish), for the
 * "show the numbers" tables: the row nearest each mark.
 */
export function profileAtMarks(rows: readonly ProfileRow[]): ProfileRow[] {
  const out: ProfileRow[] = [];
  let next = 1;
  for (const r of rows) {
    if (r.distance >= next) {
      out.push(r);
      next = Math.floor(r.distance) + 1;
    }
  }
  const last = rows.at(-1);
  if (last && out.at(-1) !== last) out.push(last);
  return out;
}
