/**
 * FIT activity files, decoded with Garmin's official SDK (`@garmin/fitsdk`):
 * one activity per session (multisport files keep every leg, each labelled
 * with its sport), totals from the session summary the device wrote, the
 * series and running dynamics from the records. Chained FIT files and files
 * whose summary comes first decode the same way, since the SDK collects
 * every message before we read them. A damaged file keeps what decoded
 * before the damage, and says so.
 */
import type { Lap, RunningDynamics } from '@backtrack/core';
import { stepsPerMinuteFromStrides } from '@backtrack/core';
import { Decoder, Stream, type FitMessages, type LapMesg, type SessionMesg } from '@garmin/fitsdk';
import {
  isFootSport,
  plausibleTime,
  sportFromLabel,
  withoutCadence,
  type DraftActivity,
  type ParsedActivity,
  type ParseResult,
  type ReadOptions,
} from './draft.js';
import {
  columnsFromMesgs,
  RECORD_DEV_FIELDS,
  type DevFieldKeys,
  type RecordColumns,
} from './fit-fast/columns.js';
import { walkFit } from './fit-fast/walk.js';
import { TrackBuilder } from './track-builder.js';

/** Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z). */
const FIT_EPOCH_S = 631_065_600;
const SEMICIRCLE_TO_DEG = 180 / 2 ** 31;

function field(m: object, name: string): unknown {
  return Object.getOwnPropertyDescriptor(m, name)?.value;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A positive number, or undefined: devices write 0 for "no data". */
function pos(v: unknown): number | undefined {
  const n = num(v);
  return n !== undefined && n > 0 ? n : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function timeMs(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return (v + FIT_EPOCH_S) * 1000;
  return undefined;
}

/** True when the bytes start with a FIT header. */
export function looksLikeFit(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 12 &&
    (bytes[0] === 12 || bytes[0] === 14) &&
    bytes[8] === 0x2e &&
    bytes[9] === 0x46 &&
    bytes[10] === 0x49 &&
    bytes[11] === 0x54
  );
}

/** Developer fields we understand, from their descriptions (Stryd and others). */
function developerFieldMap(messages: FitMessages): DevFieldKeys {
  const map: DevFieldKeys = {};
  for (const d of messages.fieldDescriptionMesgs ?? []) {
    const key = num(field(d, 'key'));
    const name = str(d.fieldName)?.toLowerCase();
    const units = str(d.units)?.toLowerCase();
    if (key === undefined || name === undefined) continue;
    if (name === 'ground time' && (units === undefined || units.startsWith('milli')))
      map.devGroundTime ??= String(key);
    else if (name === 'vertical oscillation' && units?.startsWith('centi'))
      map.devVerticalOscillation ??= String(key);
    else if (name === 'power' && (units === undefined || units.startsWith('watt')))
      map.devPower ??= String(key);
  }
  return map;
}

/** Which FIT decoder `parseFit` uses: the fast walker (falling back to the SDK), or the SDK alone. */
export type FitDecoderChoice = NonNullable<ReadOptions['fitDecoder']>;

/** The decoder from `BACKTRACK_FIT_DECODER` (`sdk` forces the SDK); `fast` by default. */
export function defaultFitDecoder(): FitDecoderChoice {
  return process.env.BACKTRACK_FIT_DECODER === 'sdk' ? 'sdk' : 'fast';
}

/**
 * Every SDK message list this importer reads besides the records (a test
 * checks this file reads no other): the fast path leaves other messages out
 * of the SDK's work when that cannot change these lists or the errors.
 */
export const MESSAGES_READ = [
  'fileIdMesgs',
  'sessionMesgs',
  'lapMesgs',
  'sportMesgs',
  'fieldDescriptionMesgs',
] as const;

/** A decoded FIT file: the SDK's messages (records aside) and the records as columns. */
export interface DecodedFit {
  messages: FitMessages;
  records: RecordColumns;
  /** The SDK's first error, without its prefix. */
  decodeError: string | undefined;
  /** Which decoder produced the records. */
  decoder: FitDecoderChoice;
}

function decodeWithSdk(bytes: Uint8Array): {
  messages: FitMessages;
  decodeError: string | undefined;
} {
  const { messages, errors } = new Decoder(Stream.fromBuffer(bytes)).read({
    includeUnknownData: false,
  });
  return {
    messages,
    decodeError: errors[0]?.message.replace(/^FIT Runtime Error\s*/, ''),
  };
}

/**
 * Decodes FIT bytes: with `fast`, records are walked into typed arrays and
 * only the other messages go through the SDK; whenever the walker declines
 * (damage, anything it does not reproduce exactly), the whole file goes
 * through the SDK, as with `sdk`. `messages.recordMesgs` is only filled on
 * the SDK path; read `records`.
 */
export function decodeFit(bytes: Uint8Array, choice: FitDecoderChoice): DecodedFit {
  if (choice === 'fast') {
    const walked = walkFit(bytes, MESSAGES_READ);
    if (walked) {
      const rest = decodeWithSdk(walked.rest);
      if (rest.decodeError === undefined) {
        const keys = developerFieldMap(rest.messages);
        for (const k of RECORD_DEV_FIELDS) {
          const key = keys[k];
          const col = key !== undefined ? walked.devByKey.get(key) : undefined;
          if (col) walked.records.values[k] = col;
        }
        return { ...rest, records: walked.records, decoder: 'fast' };
      }
    }
  }
  const { messages, decodeError } = decodeWithSdk(bytes);
  const records = columnsFromMesgs(messages.recordMesgs ?? [], developerFieldMap(messages));
  return { messages, decodeError, records, decoder: 'sdk' };
}

class Mean {
  #sum = 0;
  #n = 0;
  add(v: number | undefined): void {
    if (v === undefined) return;
    this.#sum += v;
    this.#n += 1;
  }
  get value(): number | undefined {
    return this.#n > 0 ? this.#sum / this.#n : undefined;
  }
}

function deviceName(messages: FitMessages): string | undefined {
  const f = messages.fileIdMesgs?.[0];
  if (!f) return undefined;
  const productName = str(f.productName);
  if (productName) return productName;
  const manufacturer = str(field(f, 'manufacturer'));
  const garminProduct = str(field(f, 'garminProduct'));
  if (manufacturer && garminProduct) return `${manufacturer} ${garminProduct}`;
  return manufacturer;
}

/** Decodes one FIT file (possibly several chained) into activities. */
export function parseFit(bytes: Uint8Array, options: ReadOptions): ParseResult {
  if (!looksLikeFit(bytes)) {
    return { activities: [], error: 'not a FIT file (the header is missing or wrong)' };
  }
  const { messages, records, decodeError } = decodeFit(
    bytes,
    options.fitDecoder ?? defaultFitDecoder(),
  );
  const sessions = [...(messages.sessionMesgs ?? [])].sort(
    (a, b) => (timeMs(a.startTime) ?? 0) - (timeMs(b.startTime) ?? 0),
  );
  const laps = messages.lapMesgs ?? [];
  const activities: ParsedActivity[] = [];
  const device = deviceName(messages);

  if (sessions.length === 0) {
    if (records.length > 0) {
      const sportLabel = str(field(messages.sportMesgs?.[0] ?? {}, 'sport'));
      const all = Int32Array.from({ length: records.length }, (_, i) => i);
      const draft = buildActivity(undefined, records, all, laps, sportLabel, options);
      draft.warnings.push(
        `The file has no session summary (the recording was not closed properly); totals were computed from its ${records.length} records.`,
      );
      if (device) draft.device = device;
      activities.push({ draft, sportStated: sportFromLabel(sportLabel) !== undefined });
    }
  } else {
    sessions.forEach((session, i) => {
      const start = timeMs(session.startTime);
      const next = sessions[i + 1];
      const end = next ? timeMs(next.startTime) : undefined;
      const inSession = (t: number | undefined): boolean =>
        sessions.length === 1 ||
        (t !== undefined &&
          (i === 0 || start === undefined || t >= start) &&
          (end === undefined || t < end));
      const rows: number[] = [];
      for (let r = 0; r < records.length; r++)
        if (inSession(records.hasTime[r] ? records.timeMs[r] : undefined)) rows.push(r);
      const first = num(session.firstLapIndex);
      const count = num(session.numLaps);
      const sessionLaps =
        first !== undefined && count !== undefined && laps.length >= first + count
          ? laps.slice(first, first + count)
          : laps.filter((l) => inSession(timeMs(l.startTime)));
      const sportLabel = str(field(session, 'sport'));
      const draft = buildActivity(session, records, rows, sessionLaps, sportLabel, options);
      if (device) draft.device = device;
      activities.push({ draft, sportStated: sportFromLabel(sportLabel) !== undefined });
    });
  }

  if (decodeError !== undefined) {
    const kept =
      activities.length > 0
        ? `; kept ${activities.length} activit${activities.length === 1 ? 'y' : 'ies'} from the data before the damage`
        : '';
    for (const a of activities)
      a.draft.warnings.push(`The file is damaged (${decodeError}); this is what could be read.`);
    return { activities, error: `damaged FIT file: ${decodeError}${kept}` };
  }
  if (activities.length === 0)
    return { activities, error: 'the FIT file holds no activity (no session and no records)' };
  return { activities };
}

function lapFrom(l: LapMesg, foot: boolean): Lap {
  const lap: Lap = {};
  const start = timeMs(l.startTime);
  if (start !== undefined) lap.startTime = new Date(start).toISOString();
  const elapsed = num(l.totalElapsedTime);
  if (elapsed !== undefined) lap.durationS = elapsed;
  const dist = num(l.totalDistance);
  if (dist !== undefined) lap.distanceM = dist;
  const gain = num(l.totalAscent);
  if (gain !== undefined) lap.elevationGainM = gain;
  const loss = num(l.totalDescent);
  if (loss !== undefined) lap.elevationLossM = loss;
  const hr = pos(l.avgHeartRate);
  if (hr !== undefined) lap.avgHeartRateBpm = hr;
  const cad = pos(l.avgCadence);
  if (foot && cad !== undefined)
    lap.avgCadenceSpm = stepsPerMinuteFromStrides(cad, num(l.avgFractionalCadence) ?? 0);
  return lap;
}

/** A finite number from a column, or undefined for `NaN` (absent). */
function at(col: Float64Array, row: number): number | undefined {
  const v = col[row];
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/** A positive number from a column, or undefined. */
function posAt(col: Float64Array, row: number): number | undefined {
  const v = col[row];
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : undefined;
}

function buildActivity(
  session: SessionMesg | undefined,
  records: RecordColumns,
  rows: ArrayLike<number>,
  laps: readonly LapMesg[],
  sportLabel: string | undefined,
  options: ReadOptions,
): DraftActivity {
  const mapped = sportFromLabel(sportLabel);
  const sport = mapped?.sport ?? 'other';
  const foot = isFootSport(sport);
  const warnings: string[] = [];
  if (!mapped)
    warnings.push(
      `FIT sport "${sportLabel ?? 'none'}" is not one Backtrack tracks; kept as "other".`,
    );

  const builder = new TrackBuilder(
    options.seriesIntervalS ? { seriesIntervalS: options.seriesIntervalS } : {},
  );
  const gct = new Mean();
  const balance = new Mean();
  const vo = new Mean();
  const step = new Mean();
  const ratio = new Mean();
  const power = new Mean();
  const v = records.values;
  let firstDistance = 0;
  for (let i = 0; i < rows.length; i++) {
    const d = at(v.distance, rows[i] ?? 0);
    if (d !== undefined) {
      firstDistance = d;
      break;
    }
  }
  let hasRecordDistance = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    const t = records.hasTime[r] ? records.timeMs[r] : undefined;
    const lat = at(v.positionLat, r);
    const lon = at(v.positionLong, r);
    const d = at(v.distance, r);
    if (d !== undefined) hasRecordDistance = true;
    const cad = posAt(v.cadence, r);
    builder.add({
      timeMs: t !== undefined && plausibleTime(t, options.nowMs) ? t : undefined,
      lat: lat !== undefined ? lat * SEMICIRCLE_TO_DEG : undefined,
      lon: lon !== undefined ? lon * SEMICIRCLE_TO_DEG : undefined,
      distanceM: d !== undefined ? d - firstDistance : undefined,
      altitudeM: at(v.enhancedAltitude, r) ?? at(v.altitude, r),
      heartRateBpm: posAt(v.heartRate, r),
      cadenceSpm:
        cad !== undefined
          ? foot
            ? stepsPerMinuteFromStrides(cad, at(v.fractionalCadence, r) ?? 0)
            : cad
          : undefined,
    });
    if (foot) {
      gct.add(posAt(v.stanceTime, r) ?? posAt(v.devGroundTime, r));
      const b = posAt(v.stanceTimeBalance, r);
      balance.add(b !== undefined && b < 100 ? b : undefined);
      const devVo = posAt(v.devVerticalOscillation, r);
      vo.add(posAt(v.verticalOscillation, r) ?? (devVo !== undefined ? devVo * 10 : undefined));
      step.add(posAt(v.stepLength, r));
      ratio.add(posAt(v.verticalRatio, r));
    }
    power.add(posAt(v.power, r) ?? posAt(v.devPower, r));
  }
  const s = builder.finish();
  if (!hasRecordDistance && s.distanceM > 0 && session?.totalDistance === undefined) {
    warnings.push('The records have no distance; it was computed from positions.');
  }

  const start = timeMs(session?.startTime) ?? s.firstTimeMs;
  const draft: DraftActivity = {
    sport,
    distanceM: num(session?.totalDistance) ?? s.distanceM,
    laps: laps.map((l) => lapFrom(l, foot)),
    series: foot ? s.series : withoutCadence(s.series),
    warnings,
  };
  if (mapped?.subSport) draft.subSport = mapped.subSport;
  const subSport = str(field(session ?? {}, 'subSport'));
  if (subSport && subSport !== 'generic') draft.subSport = subSport;
  if (start !== undefined && plausibleTime(start, options.nowMs))
    draft.startTime = new Date(start).toISOString();
  else warnings.push('The file has no usable start time.');
  const elapsed =
    num(session?.totalElapsedTime) ??
    (s.firstTimeMs !== undefined && s.lastTimeMs !== undefined
      ? (s.lastTimeMs - s.firstTimeMs) / 1000
      : undefined);
  if (elapsed !== undefined) draft.durationS = elapsed;
  const timer = num(session?.totalTimerTime);
  if (timer !== undefined) draft.movingTimeS = timer;
  const gain = num(session?.totalAscent) ?? s.elevationGainM;
  if (gain !== undefined) draft.elevationGainM = gain;
  const loss = num(session?.totalDescent) ?? s.elevationLossM;
  if (loss !== undefined) draft.elevationLossM = loss;
  const hr = pos(session?.avgHeartRate) ?? s.avgHeartRateBpm;
  if (hr !== undefined) draft.avgHeartRateBpm = hr;
  const maxHr = pos(session?.maxHeartRate) ?? s.maxHeartRateBpm;
  if (maxHr !== undefined) draft.maxHeartRateBpm = maxHr;
  if (foot) {
    const sessionCad = pos(session?.avgRunningCadence) ?? pos(session?.avgCadence);
    const cad =
      sessionCad !== undefined
        ? stepsPerMinuteFromStrides(sessionCad, num(session?.avgFractionalCadence) ?? 0)
        : s.avgCadenceSpm;
    if (cad !== undefined) draft.avgCadenceSpm = cad;
  }
  const avgPower = pos(session?.avgPower) ?? power.value;
  if (avgPower !== undefined) draft.avgPowerW = avgPower;
  if (foot) {
    const dynamics: RunningDynamics = {};
    const g = pos(session?.avgStanceTime) ?? gct.value;
    if (g !== undefined) dynamics.groundContactTimeMs = g;
    const sb = pos(session?.avgStanceTimeBalance);
    const b = sb !== undefined && sb < 100 ? sb : balance.value;
    if (b !== undefined) dynamics.gctBalanceLeftPct = b;
    const v = pos(session?.avgVerticalOscillation) ?? vo.value;
    if (v !== undefined) dynamics.verticalOscillationMm = v;
    const st = pos(session?.avgStepLength) ?? step.value;
    if (st !== undefined) dynamics.stepLengthMm = st;
    const vr = pos(session?.avgVerticalRatio) ?? ratio.value;
    if (vr !== undefined) dynamics.verticalRatioPct = vr;
    if (Object.keys(dynamics).length > 0) draft.dynamics = dynamics;
  }
  return draft;
}
