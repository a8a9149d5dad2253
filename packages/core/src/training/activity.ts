/**
 * The one normalised activity model: what every importer (FIT, GPX, TCX,
 * Strava export) produces and every training analytic reads. Units live in
 * the field names (`distanceM`, `durationS`, `avgCadenceSpm`), so a number
 * never travels without its unit; kilometres and miles are converted only
 * at the edges.
 */
import { z } from 'zod';

/** Where an activity came from: the file format, or `strava` for a Strava export row with no file. */
export const ACTIVITY_SOURCES = ['fit', 'gpx', 'tcx', 'strava'] as const;
/** Where an activity came from. */
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

/**
 * Sports, coarse on purpose. The finer label (treadmill, trail, open water)
 * goes in `subSport`. Multisport files keep every leg, each labelled.
 */
export const SPORTS = [
  'running',
  'walking',
  'hiking',
  'cycling',
  'swimming',
  'transition',
  'other',
] as const;
/** A sport label. */
export type Sport = (typeof SPORTS)[number];

/** Sports counted as running load by the analytics. */
export const RUNNING_SPORTS: readonly Sport[] = ['running'];

/** ISO 8601 date-time with an offset (importers write UTC, `…Z`). */
const ZDateTime = z.iso.datetime({ offset: true });
const nonNegative = z.number().nonnegative();
const positive = z.number().positive();

/**
 * Running dynamics, session averages. Each is absent when the file has no
 * value; devices write 0 for "no data", and importers drop those zeros.
 */
export const ZRunningDynamics = z.object({
  /** Ground contact time (FIT `stance_time`), ms. */
  groundContactTimeMs: positive.optional(),
  /** Ground contact time balance (FIT `stance_time_balance`), % spent on the LEFT foot. */
  gctBalanceLeftPct: z.number().gt(0).lt(100).optional(),
  /** Vertical oscillation of the trunk, mm. */
  verticalOscillationMm: positive.optional(),
  /** Step length (one foot strike to the next), mm. */
  stepLengthMm: positive.optional(),
  /** Vertical ratio: vertical oscillation / step length, %. */
  verticalRatioPct: positive.optional(),
});
/** Running dynamics, session averages. */
export type RunningDynamics = z.infer<typeof ZRunningDynamics>;

/** A lap (or a split the device recorded) summary. */
export const ZLap = z.object({
  startTime: ZDateTime.optional(),
  /** Elapsed time, s. */
  durationS: nonNegative.optional(),
  distanceM: nonNegative.optional(),
  elevationGainM: nonNegative.optional(),
  elevationLossM: nonNegative.optional(),
  avgHeartRateBpm: positive.optional(),
  avgCadenceSpm: positive.optional(),
});
/** A lap summary. */
export type Lap = z.infer<typeof ZLap>;

/**
 * One point of the downsampled series. Every field is optional because
 * files lack some channels (no HR, no altitude on a treadmill, no time when
 * timestamps are bogus).
 */
export const ZSeriesPoint = z.object({
  /** Seconds since the activity's start. */
  timeS: nonNegative.optional(),
  /** Cumulative distance since the start, m. */
  distanceM: nonNegative.optional(),
  altitudeM: z.number().optional(),
  heartRateBpm: positive.optional(),
  cadenceSpm: nonNegative.optional(),
  /** The last good position at this point, degrees (WGS 84), when the file has positions. */
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
/** One point of the downsampled series. */
export type SeriesPoint = z.infer<typeof ZSeriesPoint>;

/** Most points a series may hold (a 14-hour race at one point per 10 s fits). */
export const MAX_SERIES_POINTS = 6000;

/**
 * A downsampled series: at most one point per `intervalS` seconds (or per
 * `intervalM` metres when the file has no usable time), capped at
 * {@link MAX_SERIES_POINTS}, so memory stays bounded whatever the file.
 */
export const ZSeries = z.object({
  intervalS: positive.optional(),
  intervalM: positive.optional(),
  points: z.array(ZSeriesPoint).max(MAX_SERIES_POINTS),
});
/** A downsampled series. */
export type Series = z.infer<typeof ZSeries>;

/** One imported activity (one leg of a multisport file is one activity). */
export const ZActivity = z.object({
  /** Content hash computed by the importer (the same bytes give the same id). */
  id: z.string().min(8),
  source: z.enum(ACTIVITY_SOURCES),
  sport: z.enum(SPORTS),
  /** Finer label from the file: `treadmill`, `trail`, `open_water`, … */
  subSport: z.string().min(1).optional(),
  name: z.string().optional(),
  /** Start, UTC. Absent when the file has no trustworthy time (see `warnings`). */
  startTime: ZDateTime.optional(),
  /** Elapsed time from start to finish, s. Absent when timestamps are missing or bogus. */
  durationS: nonNegative.optional(),
  /** Moving or timer time (pauses excluded), s. */
  movingTimeS: nonNegative.optional(),
  distanceM: nonNegative,
  elevationGainM: nonNegative.optional(),
  elevationLossM: nonNegative.optional(),
  avgHeartRateBpm: positive.optional(),
  maxHeartRateBpm: positive.optional(),
  /** Steps per minute, both feet (FIT and TCX count strides per leg: doubled by the importer). */
  avgCadenceSpm: positive.optional(),
  avgPowerW: positive.optional(),
  dynamics: ZRunningDynamics.optional(),
  laps: z.array(ZLap),
  series: ZSeries.optional(),
  /** Shoe or gear name (from the file, a Strava export, or the runner). */
  shoe: z.string().min(1).optional(),
  /** Recording device or app. */
  device: z.string().min(1).optional(),
  /** The file it came from (a name, for the runner; not a path to read). */
  file: z.string().optional(),
  /** An id in another system, e.g. `strava:1234567`. */
  externalId: z.string().optional(),
  /** What the importer had to guess, repair or leave out, in plain words. */
  warnings: z.array(z.string()),
});
/** One imported activity. */
export type Activity = z.infer<typeof ZActivity>;

/** True for activities the analytics count as running load. */
export function isRun(activity: Pick<Activity, 'sport'>): boolean {
  return RUNNING_SPORTS.includes(activity.sport);
}

/**
 * Steps per minute from a FIT running cadence. FIT `cadence` counts strides
 * (cycles of one leg) per minute, with `fractional_cadence` adding the
 * fraction, so steps/min = 2 × (cadence + fractional_cadence). SOURCES.md: a
 * session `avg_cadence` of 83 is 166 steps/min.
 */
export function stepsPerMinuteFromStrides(stridesPerMin: number, fractional = 0): number {
  return 2 * (stridesPerMin + fractional);
}

/** Milliseconds since the epoch of an activity's start, or undefined when unknown. */
export function startMs(activity: Pick<Activity, 'startTime'>): number | undefined {
  if (activity.startTime === undefined) return undefined;
  const ms = Date.parse(activity.startTime);
  return Number.isFinite(ms) ? ms : undefined;
}
