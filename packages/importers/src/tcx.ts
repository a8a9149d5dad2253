/**
 * Garmin TrainingCenterDatabase (TCX), streamed: one activity per
 * `<Activity>`, wherever it sits (also inside a multisport session). Laps
 * give the file's own totals (time, distance); trackpoints give the series,
 * elevation, HR and cadence (`RunCadence` from ActivityExtension v2 or the
 * plain `<Cadence>` Polar and Suunto write, both strides per minute,
 * doubled to steps). Duplicate laps (same start, time and distance) are
 * counted once, with a warning.
 */
import type { Lap } from '@backtrack/core';
import {
  isFootSport,
  plausibleTime,
  sportFromLabel,
  withoutCadence,
  type ParsedActivity,
  type ReadOptions,
} from './draft.js';
import { TrackBuilder } from './track-builder.js';
import type { XmlHandler } from './xml.js';

interface LapState {
  startText?: string;
  startMs?: number;
  totalS?: number;
  distanceM?: number;
  avgHr?: number;
  maxHr?: number;
  avgRunCadence?: number;
  duplicate: boolean;
}

interface PointState {
  timeText?: string;
  lat?: number;
  lon?: number;
  latText?: string;
  lonText?: string;
  alt?: number;
  dist?: number;
  hr?: number;
  cad?: number;
}

interface ActivityState {
  sportLabel?: string;
  idText?: string;
  device?: string;
  builder: TrackBuilder;
  laps: LapState[];
  lapKeys: Set<string>;
  duplicateLaps: number;
  points: number;
  badPositions: number;
  badPositionExample?: string;
  implausibleTime: number;
  implausibleExample?: string;
}

function num(text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Collects the activities of one TCX document. */
export class TcxHandler implements XmlHandler {
  readonly activities: ParsedActivity[] = [];
  #activity: ActivityState | undefined;
  #lap: LapState | undefined;
  #point: PointState | undefined;
  #stack: string[] = [];
  readonly #options: ReadOptions;

  constructor(options: ReadOptions) {
    this.#options = options;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.#stack.push(name);
    if (name === 'Activity') {
      this.#activity = {
        builder: new TrackBuilder({
          elevationHysteresisM: 3,
          ...(this.#options.seriesIntervalS
            ? { seriesIntervalS: this.#options.seriesIntervalS }
            : {}),
        }),
        laps: [],
        lapKeys: new Set(),
        duplicateLaps: 0,
        points: 0,
        badPositions: 0,
        implausibleTime: 0,
      };
      const sport = attributes.Sport;
      if (sport !== undefined) this.#activity.sportLabel = sport;
    } else if (name === 'Lap' && this.#activity) {
      const startText = attributes.StartTime;
      const lap: LapState = { duplicate: false };
      if (startText !== undefined) {
        lap.startText = startText;
        const ms = Date.parse(startText);
        if (plausibleTime(ms, this.#options.nowMs)) lap.startMs = ms;
      }
      this.#lap = lap;
    } else if (name === 'Track') {
      this.#activity?.builder.segmentBreak();
    } else if (name === 'Trackpoint') {
      this.#point = {};
    }
  }

  close(name: string, text: string): void {
    this.#stack.pop();
    const parent = this.#stack.at(-1);
    const grand = this.#stack.at(-2);
    const a = this.#activity;
    const lap = this.#lap;
    const p = this.#point;
    if (p) {
      const v = num(text);
      switch (name) {
        case 'Time':
          if (parent === 'Trackpoint') p.timeText = text;
          break;
        case 'LatitudeDegrees':
          p.latText = text;
          if (v !== undefined) p.lat = v;
          break;
        case 'LongitudeDegrees':
          p.lonText = text;
          if (v !== undefined) p.lon = v;
          break;
        case 'AltitudeMeters':
          if (v !== undefined) p.alt = v;
          break;
        case 'DistanceMeters':
          if (parent === 'Trackpoint' && v !== undefined) p.dist = v;
          break;
        case 'Value':
          if (parent === 'HeartRateBpm' && v !== undefined) p.hr = v;
          break;
        case 'Cadence':
        case 'RunCadence':
          if (v !== undefined) p.cad = v;
          break;
        case 'Trackpoint':
          if (a && !(lap?.duplicate ?? false)) this.#addPoint(a, p);
          this.#point = undefined;
          break;
        default:
          break;
      }
      return;
    }
    if (lap && a) {
      if (parent === 'Lap' && name === 'TotalTimeSeconds') {
        const v = num(text);
        if (v !== undefined) lap.totalS = v;
        this.#checkDuplicate(a, lap);
      } else if (parent === 'Lap' && name === 'DistanceMeters') {
        const v = num(text);
        if (v !== undefined) lap.distanceM = v;
        this.#checkDuplicate(a, lap);
      } else if (name === 'Value' && parent === 'AverageHeartRateBpm' && grand === 'Lap') {
        const v = num(text);
        if (v !== undefined) lap.avgHr = v;
      } else if (name === 'Value' && parent === 'MaximumHeartRateBpm' && grand === 'Lap') {
        const v = num(text);
        if (v !== undefined) lap.maxHr = v;
      } else if (name === 'AvgRunCadence') {
        const v = num(text);
        if (v !== undefined) lap.avgRunCadence = v;
      } else if (name === 'Lap') {
        if (!lap.duplicate) a.laps.push(lap);
        this.#lap = undefined;
      }
      return;
    }
    if (a) {
      if (name === 'Id' && parent === 'Activity') a.idText = text;
      else if (name === 'Name' && parent === 'Creator') a.device = text;
      else if (name === 'Activity') {
        this.#finish(a);
        this.#activity = undefined;
      }
    }
  }

  #checkDuplicate(a: ActivityState, lap: LapState): void {
    if (lap.totalS === undefined || lap.distanceM === undefined || lap.duplicate) return;
    const key = `${lap.startText ?? ''}|${lap.totalS}|${lap.distanceM}`;
    if (a.lapKeys.has(key)) {
      lap.duplicate = true;
      a.duplicateLaps += 1;
    } else a.lapKeys.add(key);
  }

  #addPoint(a: ActivityState, p: PointState): void {
    a.points += 1;
    let timeMs: number | undefined;
    if (p.timeText !== undefined) {
      const ms = Date.parse(p.timeText);
      if (plausibleTime(ms, this.#options.nowMs)) timeMs = ms;
      else {
        a.implausibleTime += 1;
        a.implausibleExample ??= p.timeText;
      }
    }
    let lat = p.lat;
    let lon = p.lon;
    const hasPositionText = p.latText !== undefined || p.lonText !== undefined;
    const validPos =
      lat !== undefined &&
      lon !== undefined &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180 &&
      !(lat === 0 && lon === 0);
    if (hasPositionText && !validPos) {
      a.badPositions += 1;
      a.badPositionExample ??= `${p.latText ?? '?'}, ${p.lonText ?? '?'}`;
      lat = undefined;
      lon = undefined;
    }
    a.builder.add({
      timeMs,
      lat,
      lon,
      distanceM: p.dist,
      altitudeM: p.alt,
      heartRateBpm: p.hr,
      cadenceSpm: p.cad !== undefined ? p.cad * 2 : undefined,
    });
  }

  #finish(a: ActivityState): void {
    const s = a.builder.finish();
    const warnings: string[] = [];
    const stated = sportFromLabel(a.sportLabel);
    const sport = stated?.sport ?? 'other';
    if (!stated)
      warnings.push(`Unknown sport "${a.sportLabel ?? ''}" in the file; kept as "other".`);
    if (a.duplicateLaps > 0) {
      warnings.push(
        `${a.duplicateLaps} lap(s) repeated another lap exactly (same start, time and distance) and were counted once.`,
      );
    }
    if (a.badPositions > 0) {
      warnings.push(
        `${a.badPositions} trackpoint positions were invalid (e.g. ${a.badPositionExample ?? ''}) and were ignored.`,
      );
    }
    if (s.implausibleJumps > 0) {
      warnings.push(
        `${s.implausibleJumps} position jumps were too fast to be real and were left out of the distance.`,
      );
    }
    if (a.implausibleTime > 0) {
      warnings.push(
        `${a.implausibleTime} trackpoints have an impossible time (e.g. ${a.implausibleExample ?? ''}) and were ignored.`,
      );
    }

    const laps: Lap[] = a.laps.map((l) => {
      const lap: Lap = {};
      if (l.startMs !== undefined) lap.startTime = new Date(l.startMs).toISOString();
      if (l.totalS !== undefined) lap.durationS = l.totalS;
      if (l.distanceM !== undefined) lap.distanceM = l.distanceM;
      if (l.avgHr !== undefined && l.avgHr > 0) lap.avgHeartRateBpm = l.avgHr;
      if (l.avgRunCadence !== undefined && l.avgRunCadence > 0 && isFootSport(sport)) {
        lap.avgCadenceSpm = l.avgRunCadence * 2;
      }
      return lap;
    });
    const lapDistance = a.laps.reduce((sum, l) => sum + (l.distanceM ?? 0), 0);
    const lapTime = a.laps.reduce((sum, l) => sum + (l.totalS ?? 0), 0);
    const lapStarts = a.laps.flatMap((l) => (l.startMs !== undefined ? [l.startMs] : []));
    const lapEnds = a.laps.flatMap((l) =>
      l.startMs !== undefined && l.totalS !== undefined ? [l.startMs + l.totalS * 1000] : [],
    );
    const idMs = a.idText !== undefined ? Date.parse(a.idText) : Number.NaN;
    const startMs =
      lapStarts.length > 0
        ? Math.min(...lapStarts)
        : (s.firstTimeMs ?? (plausibleTime(idMs, this.#options.nowMs) ? idMs : undefined));
    const endCandidates = [...lapEnds, ...(s.lastTimeMs !== undefined ? [s.lastTimeMs] : [])];
    const endMs = endCandidates.length > 0 ? Math.max(...endCandidates) : undefined;

    const distanceM = lapDistance > 0 ? lapDistance : s.distanceM;
    if (
      lapDistance > 0 &&
      s.distanceM > 0 &&
      Math.abs(s.distanceM - lapDistance) / lapDistance > 0.05
    ) {
      warnings.push(
        `The laps add up to ${(lapDistance / 1000).toFixed(2)} km but the trackpoints to ${(
          s.distanceM / 1000
        ).toFixed(2)} km; the laps' total is used.`,
      );
    }
    if (a.points === 0 && a.laps.length === 0) {
      warnings.push('The activity has no laps and no trackpoints.');
    }
    const draft: ParsedActivity['draft'] = {
      sport,
      distanceM,
      laps,
      series: isFootSport(sport) ? s.series : withoutCadence(s.series),
      warnings,
    };
    if (stated?.subSport) draft.subSport = stated.subSport;
    if (startMs !== undefined) draft.startTime = new Date(startMs).toISOString();
    if (startMs !== undefined && endMs !== undefined && endMs >= startMs)
      draft.durationS = (endMs - startMs) / 1000;
    else warnings.push('The file has no usable times; the duration is unknown.');
    if (lapTime > 0) draft.movingTimeS = lapTime;
    if (s.elevationGainM !== undefined) draft.elevationGainM = s.elevationGainM;
    if (s.elevationLossM !== undefined) draft.elevationLossM = s.elevationLossM;
    const lapHr = a.laps.filter((l) => l.avgHr !== undefined && l.avgHr > 0 && (l.totalS ?? 0) > 0);
    if (s.avgHeartRateBpm !== undefined) draft.avgHeartRateBpm = s.avgHeartRateBpm;
    else if (lapHr.length > 0) {
      const t = lapHr.reduce((sum, l) => sum + (l.totalS ?? 0), 0);
      draft.avgHeartRateBpm =
        lapHr.reduce((sum, l) => sum + (l.avgHr ?? 0) * (l.totalS ?? 0), 0) / t;
    }
    if (s.maxHeartRateBpm !== undefined) draft.maxHeartRateBpm = s.maxHeartRateBpm;
    if (s.avgCadenceSpm !== undefined && isFootSport(sport)) draft.avgCadenceSpm = s.avgCadenceSpm;
    if (a.device) draft.device = a.device;
    this.activities.push({ draft, sportStated: stated !== undefined });
  }
}
