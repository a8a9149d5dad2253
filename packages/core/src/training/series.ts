/**
 * Series for one activity's page: at most so many points, evenly picked,
 * so the answer stays bounded whatever the file.
 */
import type { Series } from './activity.js';

/** Most points an activity's page gets (a 5-hour run at one point per 10 s is 1,800). */
export const MAX_PAGE_SERIES_POINTS = 2000;

/**
 * The series with at most `max` points: every point when there are few
 * enough, else evenly spaced ones that always keep the first and the last.
 */
export function thinSeries(series: Series, max: number = MAX_PAGE_SERIES_POINTS): Series {
  const { points } = series;
  if (points.length <= max || max < 2) return series;
  const step = (points.length - 1) / (max - 1);
  const picked = Array.from({ length: max }, (_, i) => points[Math.round(i * step)]).filter(
    (p) => p !== undefined,
  );
  return { ...series, points: picked };
}
