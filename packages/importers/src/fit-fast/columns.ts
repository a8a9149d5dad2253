/**
 * The record (global message 20) fields the FIT importer reads, held as
 * columns of typed arrays — one row per record, `NaN` where the SDK would
 * leave the field out (or give something that is not a finite number, such
 * as an array). Both decoders produce this form: the fast walker directly,
 * the SDK path by copying its `recordMesgs`.
 */
import type { RecordMesg } from '@garmin/fitsdk';

/** The numeric record fields the importer uses, by their SDK names. */
export const RECORD_NUMBER_FIELDS = [
  'positionLat',
  'positionLong',
  'altitude',
  'heartRate',
  'cadence',
  'distance',
  'power',
  'verticalOscillation',
  'stanceTime',
  'fractionalCadence',
  'enhancedAltitude',
  'verticalRatio',
  'stanceTimeBalance',
  'stepLength',
] as const;

/** One of {@link RECORD_NUMBER_FIELDS}. */
export type RecordNumberField = (typeof RECORD_NUMBER_FIELDS)[number];

/** Developer fields the importer maps (see `developerFieldMap` in fit.ts). */
export const RECORD_DEV_FIELDS = ['devGroundTime', 'devVerticalOscillation', 'devPower'] as const;

/** One of {@link RECORD_DEV_FIELDS}. */
export type RecordDevField = (typeof RECORD_DEV_FIELDS)[number];

/** Record values as columns; row `i` is the file's `i`-th record. */
export interface RecordColumns {
  length: number;
  /** 1 where the record has a timestamp. */
  hasTime: Uint8Array;
  /** The timestamp in Unix ms (as the SDK's `Date#getTime()`), where `hasTime`. */
  timeMs: Float64Array;
  /** Each numeric field, `NaN` where absent. */
  values: Record<RecordNumberField | RecordDevField, Float64Array>;
}

/** Empty columns with room for `capacity` rows, every value `NaN`. */
export function emptyColumns(capacity: number): RecordColumns {
  const values = {} as Record<RecordNumberField | RecordDevField, Float64Array>;
  for (const k of [...RECORD_NUMBER_FIELDS, ...RECORD_DEV_FIELDS])
    values[k] = new Float64Array(capacity).fill(NaN);
  return {
    length: 0,
    hasTime: new Uint8Array(capacity),
    timeMs: new Float64Array(capacity),
    values,
  };
}

/** The same columns with room for at least `capacity` rows (copies when it must grow). */
export function withCapacity(c: RecordColumns, capacity: number): RecordColumns {
  if (c.timeMs.length >= capacity) return c;
  const next = emptyColumns(Math.max(capacity, c.timeMs.length * 2, 64));
  next.length = c.length;
  next.hasTime.set(c.hasTime.subarray(0, c.length));
  next.timeMs.set(c.timeMs.subarray(0, c.length));
  for (const k of Object.keys(c.values) as (keyof RecordColumns['values'])[])
    next.values[k].set(c.values[k].subarray(0, c.length));
  return next;
}

function finite(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

/** Developer-field keys (as the SDK numbers them) for the mapped developer fields. */
export type DevFieldKeys = Partial<Record<RecordDevField, string>>;

/** Columns from the SDK's decoded records (the reference path). */
export function columnsFromMesgs(records: readonly RecordMesg[], dev: DevFieldKeys): RecordColumns {
  const c = emptyColumns(records.length);
  c.length = records.length;
  records.forEach((r, i) => {
    const t: unknown = r.timestamp;
    if (t instanceof Date) {
      c.hasTime[i] = 1;
      c.timeMs[i] = t.getTime();
    } else if (typeof t === 'number') {
      c.hasTime[i] = 1;
      c.timeMs[i] = (t + 631_065_600) * 1000;
    }
    for (const k of RECORD_NUMBER_FIELDS)
      c.values[k][i] = finite(Object.getOwnPropertyDescriptor(r, k)?.value);
    for (const k of RECORD_DEV_FIELDS) {
      const key = dev[k];
      c.values[k][i] =
        key !== undefined && r.developerFields ? finite(r.developerFields[key]) : NaN;
    }
  });
  return c;
}
