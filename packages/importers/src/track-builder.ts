/**
 * Turns a stream of samples (time, position, distance, altitude, heart rate,
 * cadence) into an activity's totals and a downsampled series, holding only
 * running sums and the series: never every sample. Shared by the GPX, TCX
 * and FIT readers.
 */
import { MAX_SERIES_POINTS, type SeriesPoint } from '@backtrack/core';

/** One sample from a file. Cadence is already in steps/min. */
export interface Sample {
  /** ms since the epoch; undefined when missing or not trustworthy. */
  timeMs?: number | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  /** Cumulative distance the device recorded, m. */
  distanceM?: number | undefined;
  altitudeM?: number | undefined;
  heartRateBpm?: number | undefined;
  cadenceSpm?: number | undefined;
}

/** Options of a {@link TrackBuilder}. */
export interface TrackBuilderOptions {
  /** One series point per this many seconds. Default 10. */
  seriesIntervalS?: number;
  /** …or per this many metres when there is no usable time. Default 100. */
  seriesIntervalM?: number;
  /**
   * Elevation changes smaller than this are treated as noise (hysteresis),
   * m. Default 2: on the FIT fixtures with barometric altitude this comes
   * closest to the devices' own session totals.
   */
  elevationHysteresisM?: number;
}

/** What a {@link TrackBuilder} measured. */
export interface TrackSummary {
  samples: number;
  firstTimeMs?: number;
  lastTimeMs?: number;
  /** Sum of time spans of the segments (pauses between segments excluded), s. */
  segmentTimeS?: number;
  distanceM: number;
  /** True when the distance came from the device's cumulative distance, false from positions. */
  distanceFromDevice: boolean;
  elevationGainM?: number;
  elevationLossM?: number;
  avgHeartRateBpm?: number;
  maxHeartRateBpm?: number;
  avgCadenceSpm?: number;
  series: { intervalS?: number; intervalM?: number; points: SeriesPoint[] };
  /** Position jumps too fast to be real (e.g. to 0,0 "null island"), left out of the distance. */
  implausibleJumps: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance between two positions, m. */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A step faster than this between two samples is a position error, m/s
 * (360 km/h: GPS "catch-up" steps after drift reach ~80 m/s and are kept).
 */
const MAX_PLAUSIBLE_SPEED = 100;
/** After this many impossible steps in a row, the new position is accepted (a real relocation). */
const MAX_OUTLIERS_IN_A_ROW = 3;
/** A jump between two consecutive samples longer than this without time is implausible, m. */
const MAX_JUMP_WITHOUT_TIME_M = 5000;

/** Accumulates samples into totals and a bounded series. */
export class TrackBuilder {
  readonly #intervalS: number;
  #intervalM: number;
  readonly #hysteresis: number;

  #samples = 0;
  #firstTime: number | undefined;
  #lastTime: number | undefined;
  #segmentStart: number | undefined;
  #segmentTime = 0;
  #hasSegmentTime = false;

  #gpsDistance = 0;
  #lastPos: { lat: number; lon: number; t: number | undefined } | undefined;
  #deviceDistance: number | undefined;
  #deviceBase = 0;
  #deviceLast: number | undefined;
  #implausible = 0;
  #outliersInARow = 0;

  #elevRef: number | undefined;
  #gain = 0;
  #loss = 0;
  #hasAltitude = false;

  #hrSum = 0;
  #hrN = 0;
  #hrMax = 0;
  #cadSum = 0;
  #cadN = 0;

  #points: SeriesPoint[] = [];
  #timeStep: number;
  #bucket = { alt: 0, altN: 0, hr: 0, hrN: 0, cad: 0, cadN: 0 };
  #lastEmitT: number | undefined;
  #lastEmitD: number | undefined;
  #pendingLast: { t: number | undefined; d: number } | undefined;

  constructor(options: TrackBuilderOptions = {}) {
    this.#intervalS = options.seriesIntervalS ?? 10;
    this.#timeStep = this.#intervalS;
    this.#intervalM = options.seriesIntervalM ?? 100;
    this.#hysteresis = options.elevationHysteresisM ?? 2;
  }

  /** Distance so far, m (device distance when the file has it, else from positions). */
  get distanceM(): number {
    return this.#deviceDistance ?? this.#gpsDistance;
  }

  /**
   * Marks a gap (a new GPX `trkseg` or TCX `Track`): no moving time across
   * it. The straight line across the gap still counts as distance, since a
   * gap is usually lost signal or an auto-pause at the same spot.
   */
  segmentBreak(): void {
    this.#closeSegment();
  }

  #closeSegment(): void {
    if (this.#segmentStart !== undefined && this.#lastTime !== undefined) {
      this.#segmentTime += (this.#lastTime - this.#segmentStart) / 1000;
      this.#hasSegmentTime = true;
    }
    this.#segmentStart = undefined;
  }

  /** Adds one sample. */
  add(s: Sample): void {
    this.#samples += 1;
    const t = s.timeMs;
    if (t !== undefined) {
      this.#firstTime ??= t;
      this.#segmentStart ??= t;
      if (this.#lastTime === undefined || t >= this.#lastTime) this.#lastTime = t;
    }

    if (s.distanceM !== undefined && Number.isFinite(s.distanceM) && s.distanceM >= 0) {
      // A device distance that restarts (a new lap file, a chained file) continues from where it was.
      if (this.#deviceLast !== undefined && s.distanceM + 1 < this.#deviceLast) {
        this.#deviceBase = this.#deviceDistance ?? 0;
      }
      this.#deviceLast = s.distanceM;
      this.#deviceDistance = Math.max(this.#deviceDistance ?? 0, this.#deviceBase + s.distanceM);
    }
    if (s.lat !== undefined && s.lon !== undefined) {
      const prev = this.#lastPos;
      if (prev) {
        const step = haversineM(prev.lat, prev.lon, s.lat, s.lon);
        const dt = prev.t !== undefined && t !== undefined ? (t - prev.t) / 1000 : undefined;
        const tooFast =
          dt !== undefined && dt > 0
            ? step / dt > MAX_PLAUSIBLE_SPEED
            : step > MAX_JUMP_WITHOUT_TIME_M;
        if (tooFast && this.#outliersInARow < MAX_OUTLIERS_IN_A_ROW) {
          // An outlier (e.g. a jump to 0,0): measure the next sample from the last good one.
          this.#implausible += 1;
          this.#outliersInARow += 1;
        } else {
          if (!tooFast) this.#gpsDistance += step;
          this.#outliersInARow = 0;
          this.#lastPos = { lat: s.lat, lon: s.lon, t };
        }
      } else this.#lastPos = { lat: s.lat, lon: s.lon, t };
    }

    if (s.altitudeM !== undefined && Number.isFinite(s.altitudeM)) {
      this.#hasAltitude = true;
      if (this.#elevRef === undefined) this.#elevRef = s.altitudeM;
      else if (s.altitudeM - this.#elevRef >= this.#hysteresis) {
        this.#gain += s.altitudeM - this.#elevRef;
        this.#elevRef = s.altitudeM;
      } else if (this.#elevRef - s.altitudeM >= this.#hysteresis) {
        this.#loss += this.#elevRef - s.altitudeM;
        this.#elevRef = s.altitudeM;
      }
      this.#bucket.alt += s.altitudeM;
      this.#bucket.altN += 1;
    }
    if (s.heartRateBpm !== undefined && s.heartRateBpm > 0 && s.heartRateBpm < 255) {
      this.#hrSum += s.heartRateBpm;
      this.#hrN += 1;
      this.#hrMax = Math.max(this.#hrMax, s.heartRateBpm);
      this.#bucket.hr += s.heartRateBpm;
      this.#bucket.hrN += 1;
    }
    if (s.cadenceSpm !== undefined && s.cadenceSpm > 0) {
      this.#cadSum += s.cadenceSpm;
      this.#cadN += 1;
      this.#bucket.cad += s.cadenceSpm;
      this.#bucket.cadN += 1;
    }
    this.#maybeEmit(t);
  }

  #maybeEmit(t: number | undefined): void {
    const d = this.distanceM;
    const start = this.#firstTime;
    const relT = t !== undefined && start !== undefined ? (t - start) / 1000 : undefined;
    const due =
      this.#points.length === 0 ||
      (relT !== undefined
        ? this.#lastEmitT === undefined || relT - this.#lastEmitT >= this.#timeStep
        : this.#lastEmitD === undefined || d - this.#lastEmitD >= this.#intervalM);
    if (!due) {
      this.#pendingLast = { t: relT, d };
      return;
    }
    this.#emit(relT, d);
  }

  #emit(relT: number | undefined, d: number): void {
    const b = this.#bucket;
    const p: SeriesPoint = { distanceM: round(d, 1) };
    if (relT !== undefined && relT >= 0) p.timeS = round(relT, 1);
    if (b.altN > 0) p.altitudeM = round(b.alt / b.altN, 1);
    if (b.hrN > 0) p.heartRateBpm = Math.round(b.hr / b.hrN);
    if (b.cadN > 0) p.cadenceSpm = Math.round(b.cad / b.cadN);
    // The last plausible position (5 decimals: about 1 m), so the route can be drawn.
    const pos = this.#lastPos;
    if (pos) {
      p.lat = round(pos.lat, 5);
      p.lon = round(pos.lon, 5);
    }
    this.#points.push(p);
    this.#bucket = { alt: 0, altN: 0, hr: 0, hrN: 0, cad: 0, cadN: 0 };
    this.#lastEmitT = relT;
    this.#lastEmitD = d;
    this.#pendingLast = undefined;
    if (this.#points.length >= MAX_SERIES_POINTS) {
      // Keep memory bounded: drop every other point and halve the resolution.
      this.#points = this.#points.filter((_, i) => i % 2 === 0);
      this.#timeStep *= 2;
      this.#intervalM *= 2;
    }
  }

  /** Totals and the series. The builder must not be used afterwards. */
  finish(): TrackSummary {
    this.#closeSegment();
    if (this.#pendingLast) this.#emit(this.#pendingLast.t, this.#pendingLast.d);
    const hasTime = this.#points.some((p) => p.timeS !== undefined);
    const summary: TrackSummary = {
      samples: this.#samples,
      distanceM: this.distanceM,
      distanceFromDevice: this.#deviceDistance !== undefined,
      series: hasTime
        ? { intervalS: this.#timeStep, points: this.#points }
        : { intervalM: this.#intervalM, points: this.#points },
      implausibleJumps: this.#implausible,
    };
    if (this.#firstTime !== undefined) summary.firstTimeMs = this.#firstTime;
    if (this.#lastTime !== undefined) summary.lastTimeMs = this.#lastTime;
    if (this.#hasSegmentTime) summary.segmentTimeS = this.#segmentTime;
    if (this.#hasAltitude) {
      summary.elevationGainM = this.#gain;
      summary.elevationLossM = this.#loss;
    }
    if (this.#hrN > 0) {
      summary.avgHeartRateBpm = this.#hrSum / this.#hrN;
      summary.maxHeartRateBpm = this.#hrMax;
    }
    if (this.#cadN > 0) summary.avgCadenceSpm = this.#cadSum / this.#cadN;
    return summary;
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
