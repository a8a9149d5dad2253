/**
 * GPX 1.0/1.1 tracks, streamed: one activity per non-empty `<trk>`, its
 * `<trkseg>`s joined without distance across the gaps. Reads `ele`, `time`
 * and Garmin TrackPointExtension `hr` and `cad` (strides per minute,
 * doubled to steps). Distance is the haversine sum of positions, skipping
 * impossible jumps. Routes (`rte`) and waypoints are plans, not runs, and
 * are ignored. Missing, invalid or bogus times leave the duration unknown,
 * with a warning.
 */
import {
  isFootSport,
  plausibleTime,
  sportFromLabel,
  sportFromSpeed,
  withoutCadence,
  type ParsedActivity,
  type ReadOptions,
} from './draft.js';
import { TrackBuilder } from './track-builder.js';
import type { XmlHandler } from './xml.js';

interface Point {
  lat?: number;
  lon?: number;
  badCoordinates?: string;
  ele?: number;
  timeText?: string;
  hr?: number;
  cad?: number;
}

interface TrackState {
  builder: TrackBuilder;
  name?: string;
  type?: string;
  points: number;
  badCoordinates: number;
  badCoordinateExample?: string;
  missingTime: number;
  implausibleTime: number;
  implausibleExample?: string;
  badElevation: number;
}

function num(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Collects the tracks of one GPX document. */
export class GpxHandler implements XmlHandler {
  readonly activities: ParsedActivity[] = [];
  /** Tracks that held no valid point, with the reason. */
  readonly emptyTracks: string[] = [];
  #creator: string | undefined;
  #track: TrackState | undefined;
  #point: Point | undefined;
  #stack: string[] = [];
  readonly #options: ReadOptions;

  constructor(options: ReadOptions) {
    this.#options = options;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.#stack.push(name);
    if (name === 'gpx') {
      this.#creator = attributes.creator;
    } else if (name === 'trk') {
      this.#track = {
        builder: new TrackBuilder({
          elevationHysteresisM: 3,
          ...(this.#options.seriesIntervalS
            ? { seriesIntervalS: this.#options.seriesIntervalS }
            : {}),
        }),
        points: 0,
        badCoordinates: 0,
        missingTime: 0,
        implausibleTime: 0,
        badElevation: 0,
      };
    } else if (name === 'trkseg') {
      this.#track?.builder.segmentBreak();
    } else if (name === 'trkpt' && this.#track) {
      const lat = num(attributes.lat);
      const lon = num(attributes.lon);
      const valid =
        lat !== undefined &&
        lon !== undefined &&
        Math.abs(lat) <= 90 &&
        Math.abs(lon) <= 180 &&
        !(lat === 0 && lon === 0);
      this.#point = valid
        ? { lat, lon }
        : { badCoordinates: `lat="${attributes.lat ?? ''}" lon="${attributes.lon ?? ''}"` };
    }
  }

  close(name: string, text: string): void {
    this.#stack.pop();
    const parent = this.#stack.at(-1);
    const point = this.#point;
    const track = this.#track;
    if (point && parent === 'trkpt') {
      if (name === 'ele') {
        const ele = num(text);
        if (ele === undefined) {
          if (track) track.badElevation += 1;
        } else point.ele = ele;
      } else if (name === 'time') point.timeText = text;
    } else if (point && (name === 'hr' || name === 'heartrate')) {
      const hr = num(text);
      if (hr !== undefined) point.hr = hr;
    } else if (point && (name === 'cad' || name === 'cadence')) {
      const cad = num(text);
      if (cad !== undefined) point.cad = cad;
    } else if (track && parent === 'trk' && name === 'name') {
      track.name = text;
    } else if (track && parent === 'trk' && name === 'type') {
      track.type = text;
    }
    if (name === 'trkpt' && track && point) {
      this.#addPoint(track, point);
      this.#point = undefined;
    } else if (name === 'trk' && track) {
      this.#finishTrack(track);
      this.#track = undefined;
    }
  }

  #addPoint(track: TrackState, p: Point): void {
    track.points += 1;
    if (p.badCoordinates !== undefined) {
      track.badCoordinates += 1;
      track.badCoordinateExample ??= p.badCoordinates;
      return;
    }
    let timeMs: number | undefined;
    if (p.timeText === undefined) track.missingTime += 1;
    else {
      const ms = Date.parse(p.timeText);
      if (plausibleTime(ms, this.#options.nowMs)) timeMs = ms;
      else {
        track.implausibleTime += 1;
        track.implausibleExample ??= p.timeText;
      }
    }
    track.builder.add({
      timeMs,
      lat: p.lat,
      lon: p.lon,
      altitudeM: p.ele,
      heartRateBpm: p.hr,
      // TrackPointExtension cadence counts strides per minute; doubled for foot sports below.
      cadenceSpm: p.cad !== undefined ? p.cad * 2 : undefined,
    });
  }

  #finishTrack(track: TrackState): void {
    const label = track.name
      ? `track "${track.name}"`
      : `track ${this.activities.length + this.emptyTracks.length + 1}`;
    const valid = track.points - track.badCoordinates;
    if (valid === 0) {
      this.emptyTracks.push(
        track.points === 0
          ? `${label} has no points`
          : `${label}: none of its ${track.points} points has valid coordinates (e.g. ${track.badCoordinateExample ?? ''})`,
      );
      return;
    }
    const s = track.builder.finish();
    const warnings: string[] = [];
    if (track.badCoordinates > 0) {
      warnings.push(
        `${track.badCoordinates} of ${track.points} points had invalid coordinates (e.g. ${track.badCoordinateExample ?? ''}) and were skipped.`,
      );
    }
    if (track.badElevation > 0)
      warnings.push(`${track.badElevation} elevation values were not numbers and were ignored.`);
    if (s.implausibleJumps > 0) {
      warnings.push(
        `${s.implausibleJumps} position jumps were too fast to be real and were left out of the distance.`,
      );
    }
    const timed =
      s.firstTimeMs !== undefined && s.lastTimeMs !== undefined && s.lastTimeMs > s.firstTimeMs;
    if (track.implausibleTime > 0) {
      warnings.push(
        `${track.implausibleTime} of ${valid} points have an impossible time (e.g. ${track.implausibleExample ?? ''}); ${
          timed ? 'they were ignored' : 'the duration is unknown'
        }.`,
      );
    }
    if (track.missingTime > 0) {
      warnings.push(
        `${track.missingTime} of ${valid} points have no time${timed ? '' : '; the duration is unknown'}.`,
      );
    }
    if (!timed && track.implausibleTime === 0 && track.missingTime === 0) {
      warnings.push('All points carry the same time; the duration is unknown.');
    }
    const stated = sportFromLabel(track.type);
    const durationS = timed ? ((s.lastTimeMs ?? 0) - (s.firstTimeMs ?? 0)) / 1000 : undefined;
    const movingS = s.segmentTimeS !== undefined && s.segmentTimeS > 0 ? s.segmentTimeS : durationS;
    const sport = stated?.sport ?? sportFromSpeed(movingS ? s.distanceM / movingS : undefined);
    if (!stated) {
      warnings.push(
        `The file does not say which sport${track.type ? ` ("${track.type}")` : ''}; assumed ${sport}${
          movingS ? ' from the average speed' : ''
        }.`,
      );
    }
    const draft: ParsedActivity['draft'] = {
      sport,
      distanceM: s.distanceM,
      laps: [],
      series: s.series,
      warnings,
    };
    if (stated?.subSport) draft.subSport = stated.subSport;
    if (track.name) draft.name = track.name;
    if (timed && s.firstTimeMs !== undefined)
      draft.startTime = new Date(s.firstTimeMs).toISOString();
    else if (s.firstTimeMs !== undefined && track.implausibleTime === 0) {
      draft.startTime = new Date(s.firstTimeMs).toISOString();
    }
    if (durationS !== undefined) draft.durationS = durationS;
    if (timed && movingS !== undefined) draft.movingTimeS = movingS;
    if (s.elevationGainM !== undefined) draft.elevationGainM = s.elevationGainM;
    if (s.elevationLossM !== undefined) draft.elevationLossM = s.elevationLossM;
    if (s.avgHeartRateBpm !== undefined) draft.avgHeartRateBpm = s.avgHeartRateBpm;
    if (s.maxHeartRateBpm !== undefined) draft.maxHeartRateBpm = s.maxHeartRateBpm;
    if (s.avgCadenceSpm !== undefined && isFootSport(sport)) draft.avgCadenceSpm = s.avgCadenceSpm;
    if (!isFootSport(sport)) draft.series = withoutCadence(s.series);
    if (this.#creator) draft.device = this.#creator;
    this.activities.push({ draft, sportStated: stated !== undefined });
  }
}
