/**
 * Hill exposure: elevation gain and loss, and the share of running done
 * downhill, measured from each activity's downsampled series. Downhill
 * running increases lumbar extension (Levine 2007, lab study of 5°
 * gradients; the project's shared research notes, §5.9), which matters for
 * extension-sensitive back pain.
 */
import { isRun, startMs, type Activity } from './activity.js';

/** Options for {@link hillProfile}. */
export interface HillOptions {
  /** Grades below this count as downhill, %. Default −2. */
  downhillGradePct?: number;
  /** Grades above this count as uphill, %. Default 2. */
  uphillGradePct?: number;
  /**
   * Shortest stretch a grade is measured over, m. Default 100: shorter
   * stretches turn altitude noise (a few metres) into steep false grades.
   */
  minSegmentM?: number;
}

/** Distance by grade for one activity or a set of them. */
export interface HillProfile {
  downhillM: number;
  uphillM: number;
  flatM: number;
  /** Distance where both distance and altitude were known. */
  measuredM: number;
  /** downhillM / measuredM; null when nothing could be measured. */
  downhillShare: number | null;
}

/**
 * Distance run downhill, uphill and on the flat, from the series (points
 * with both distance and altitude). Consecutive points are joined into
 * stretches of at least `minSegmentM` before the grade is computed.
 */
export function hillProfile(activity: Activity, options: HillOptions = {}): HillProfile {
  const down = options.downhillGradePct ?? -2;
  const up = options.uphillGradePct ?? 2;
  const minSeg = options.minSegmentM ?? 100;
  const profile: HillProfile = {
    downhillM: 0,
    uphillM: 0,
    flatM: 0,
    measuredM: 0,
    downhillShare: null,
  };
  let anchor: { d: number; alt: number } | undefined;
  for (const p of activity.series?.points ?? []) {
    if (p.distanceM === undefined || p.altitudeM === undefined) continue;
    if (!anchor || p.distanceM < anchor.d) {
      anchor = { d: p.distanceM, alt: p.altitudeM };
      continue;
    }
    const dd = p.distanceM - anchor.d;
    if (dd < minSeg) continue;
    const grade = ((p.altitudeM - anchor.alt) / dd) * 100;
    if (grade < down) profile.downhillM += dd;
    else if (grade > up) profile.uphillM += dd;
    else profile.flatM += dd;
    profile.measuredM += dd;
    anchor = { d: p.distanceM, alt: p.altitudeM };
  }
  profile.downhillShare = profile.measuredM > 0 ? profile.downhillM / profile.measuredM : null;
  return profile;
}

/** Hill exposure of a set of runs. */
export interface HillExposure extends HillProfile {
  runs: number;
  /** Runs with no usable altitude series (treadmill, files without altitude). */
  runsWithoutProfile: number;
  distanceM: number;
  elevationGainM: number;
  elevationLossM: number;
  /** Elevation gain per km run; null without distance. */
  gainPerKmM: number | null;
}

/** Options for {@link hillExposure}. */
export interface HillExposureOptions extends HillOptions {
  /** Only runs starting at or after this instant (ISO). */
  from?: string;
  /** Only runs starting before this instant (ISO). */
  to?: string;
}

/** Sums hill exposure over the runs between `from` and `to`. */
export function hillExposure(
  activities: readonly Activity[],
  options: HillExposureOptions = {},
): HillExposure {
  const fromMs = options.from !== undefined ? Date.parse(options.from) : -Infinity;
  const toMs = options.to !== undefined ? Date.parse(options.to) : Infinity;
  const total: HillExposure = {
    downhillM: 0,
    uphillM: 0,
    flatM: 0,
    measuredM: 0,
    downhillShare: null,
    runs: 0,
    runsWithoutProfile: 0,
    distanceM: 0,
    elevationGainM: 0,
    elevationLossM: 0,
    gainPerKmM: null,
  };
  for (const activity of activities) {
    const ms = startMs(activity);
    if (!isRun(activity) || ms === undefined || ms < fromMs || ms >= toMs) continue;
    const p = hillProfile(activity, options);
    total.runs += 1;
    if (p.measuredM === 0) total.runsWithoutProfile += 1;
    total.downhillM += p.downhillM;
    total.uphillM += p.uphillM;
    total.flatM += p.flatM;
    total.measuredM += p.measuredM;
    total.distanceM += activity.distanceM;
    total.elevationGainM += activity.elevationGainM ?? 0;
    total.elevationLossM += activity.elevationLossM ?? 0;
  }
  total.downhillShare = total.measuredM > 0 ? total.downhillM / total.measuredM : null;
  total.gainPerKmM = total.distanceM > 0 ? total.elevationGainM / (total.distanceM / 1000) : null;
  return total;
}
