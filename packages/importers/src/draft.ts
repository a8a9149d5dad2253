/**
 * What a reader produces before the importer gives it an id and a source,
 * plus the small helpers the readers share: sport labels and time checks.
 */
import type { Activity, Series, Sport } from '@backtrack/core';

/** An activity without the id (a content hash the importer computes) and source. */
export type DraftActivity = Omit<Activity, 'id' | 'source'>;

/** One activity read from a file. */
export interface ParsedActivity {
  draft: DraftActivity;
  /** False when the file did not say which sport and the reader guessed. */
  sportStated: boolean;
}

/** What a reader got from one file. */
export interface ParseResult {
  activities: ParsedActivity[];
  /** A problem with the file as a whole; `activities` still hold what could be read before it. */
  error?: string;
}

/** Sport and finer label from a file's or an app's sport name (FIT, TCX, GPX `<type>`, Strava). */
export function sportFromLabel(
  label: string | undefined,
): { sport: Sport; subSport?: string } | undefined {
  if (label === undefined) return undefined;
  const l = label.toLowerCase().replace(/[\s_-]+/g, '');
  if (l.includes('treadmill') || l === 'virtualrun')
    return { sport: 'running', subSport: 'treadmill' };
  if (l.includes('trailrun')) return { sport: 'running', subSport: 'trail' };
  if (l.includes('run')) return { sport: 'running' };
  if (l.includes('walk')) return { sport: 'walking' };
  if (l.includes('hik')) return { sport: 'hiking' };
  if (l.includes('bik') || l.includes('cycl') || l.includes('ride')) return { sport: 'cycling' };
  if (l.includes('swim')) return { sport: 'swimming' };
  if (l.includes('transition')) return { sport: 'transition' };
  return undefined;
}

/** Sports whose cadence counts steps (FIT/TCX/GPX store strides per leg: doubled). */
export function isFootSport(sport: Sport): boolean {
  return sport === 'running' || sport === 'walking' || sport === 'hiking';
}

const EARLIEST_MS = Date.UTC(1990, 0, 1);

/**
 * True for a time a recording could have: after 1990 (the FIT epoch is
 * 1989-12-31; a 1901 date is a 32-bit underflow) and not more than two days
 * after `nowMs`.
 */
export function plausibleTime(ms: number, nowMs: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= nowMs + 2 * 86_400_000;
}

/** A guessed sport from average speed, for files that do not say (m/s). */
export function sportFromSpeed(speedMs: number | undefined): Sport {
  if (speedMs === undefined || !Number.isFinite(speedMs)) return 'running';
  if (speedMs >= 7) return 'cycling';
  if (speedMs >= 1.9) return 'running';
  return 'walking';
}

/** Options every reader takes. */
export interface ReadOptions {
  /** "Now" for timestamp plausibility, ms. */
  nowMs: number;
  /** One series point per this many seconds. Default 10. */
  seriesIntervalS?: number;
  /** The most bytes one file may hold after decompression. Default `MAX_FILE_BYTES` (64 MiB). */
  maxFileBytes?: number;
  /**
   * The FIT decoder: `fast` walks records into typed arrays and falls back to
   * the SDK for anything it does not reproduce exactly; `sdk` decodes with
   * `@garmin/fitsdk` alone. Default `fast` (or `BACKTRACK_FIT_DECODER=sdk`).
   */
  fitDecoder?: 'fast' | 'sdk';
}

/** The series without cadence (a bike's cadence is in rpm, not steps). */
export function withoutCadence(series: Series): Series {
  return {
    ...series,
    points: series.points.map((p) => {
      const q = { ...p };
      delete q.cadenceSpm;
      return q;
    }),
  };
}
