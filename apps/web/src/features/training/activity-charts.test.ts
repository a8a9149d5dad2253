import { describe, expect, it } from 'vitest';
import {
  formatPace,
  layoutProfile,
  profileAtMarks,
  profileRows,
  routePolyline,
} from './activity-charts.js';

// 3 km at 5:00 /km, one point per 10 s (33.3 m), heading north-east, with a stop in the middle.
const points = Array.from({ length: 91 }, (_, i) => ({
  timeS: i * 10 + (i > 45 ? 120 : 0),
  distanceM: (i * 1000) / 30,
  heartRateBpm: 140 + (i % 5),
  altitudeM: 100 + i / 10,
  cadenceSpm: i === 40 ? undefined : 170,
  lat: 52 + i * 0.0002,
  lon: 13 + i * 0.0003,
}));

describe('routePolyline', () => {
  it('draws every position inside the box, north up', () => {
    const line = routePolyline(points, 300, 200)?.split(' ') ?? [];
    expect(line).toHaveLength(91);
    const xy = line.map((p) => p.split(',').map(Number));
    for (const [x, y] of xy) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(300);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(200);
    }
    // North-east: x grows, y (down the screen) shrinks.
    expect(xy[90]?.[0]).toBeGreaterThan(xy[0]?.[0] ?? 0);
    expect(xy[90]?.[1]).toBeLessThan(xy[0]?.[1] ?? 0);
  });
  it('is null without positions', () => {
    expect(routePolyline([{ distanceM: 0 }, { distanceM: 10 }], 300, 200)).toBeNull();
  });
});

describe('profileRows', () => {
  const rows = profileRows(points, 'km');
  it('gives the pace in seconds per km, smoothed, and none across the stop', () => {
    expect(rows[10]?.pace).toBeCloseTo(300, 5);
    // The 2-minute stop is inside the window of the points next to it: slower, not a spike.
    expect(rows[45]?.pace).toBeGreaterThan(300);
    expect(rows[40]?.cadence).toBeNull();
    expect(rows.at(-1)?.distance).toBeCloseTo(3, 5);
  });
  it('gives the pace per mile in miles', () => {
    expect(profileRows(points, 'mi')[10]?.pace).toBeCloseTo(300 * 1.609344, 3);
  });
  it('marks each whole km and the finish for the tables', () => {
    expect(profileAtMarks(rows).map((r) => Math.round(r.distance * 10) / 10)).toEqual([1, 2, 3]);
  });
});

describe('layoutProfile', () => {
  const box = { width: 400, height: 200, left: 40, right: 10, top: 10, bottom: 30 };
  const rows = profileRows(points, 'km');
  it('breaks the line where a measure is unknown', () => {
    expect(layoutProfile(rows, 'cadence', box).segments).toHaveLength(2);
    expect(layoutProfile(rows, 'heartRate', box).segments).toHaveLength(1);
  });
  it('draws faster pace higher up', () => {
    const layout = layoutProfile(rows, 'pace', box);
    const ticks = layout.yTicks;
    expect(ticks[0]?.y).toBeLessThan(ticks.at(-1)?.y ?? 0);
  });
});

describe('formatPace', () => {
  it('minutes and seconds', () => {
    expect(formatPace(307)).toBe('5:07');
    expect(formatPace(59.6)).toBe('1:00');
  });
});
