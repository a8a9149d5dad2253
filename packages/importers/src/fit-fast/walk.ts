/**
 * A purpose-built walker over FIT bytes: checks every chained file's header
 * and CRC, reads definition messages, compiles a reader per local message
 * type for records (global message 20) that decodes only the fields the
 * importer uses into typed arrays, and copies every other message verbatim
 * into a small FIT file of its own for the SDK to decode. Scale, offset,
 * component expansion and field types come from the SDK's `Profile`; the
 * value rules (a raw value equal to the base type's invalid value is left
 * out, a multi-value field keeps its first value, a size that is not a
 * multiple of the base type's is left out) follow the SDK's `Decoder`.
 *
 * Anything it does not reproduce exactly — a bad CRC, a truncated or
 * damaged file, a compressed-timestamp header (the SDK rejects those), an
 * unknown base type, heart-rate messages the SDK merges into records, a
 * developer field of a string or 64-bit type in a record, a record field
 * whose components feed a used field other than altitude — makes it return
 * `undefined`, and the caller
 * decodes the whole file with the SDK instead.
 */
import { Profile } from '@garmin/fitsdk';
import {
  emptyColumns,
  RECORD_NUMBER_FIELDS,
  withCapacity,
  type RecordColumns,
  type RecordNumberField,
} from './columns.js';

/** What the walker produced: the records as columns and the rest as a FIT file. */
export interface WalkedFit {
  /** The records; the developer-field columns are left `NaN` (see `devByKey`). */
  records: RecordColumns;
  /**
   * Numeric developer-field values of the records by the SDK's developer
   * field key (the `key` of its `fieldDescriptionMesgs`), one row per record.
   */
  devByKey: ReadonlyMap<string, Float64Array>;
  /** A single FIT file (header, data, CRC) with every non-record message, in order. */
  rest: Uint8Array;
}

/** FIT base types (protocol constants): size in bytes and the raw "invalid" value. */
const BASE_TYPES: Readonly<Record<number, { size: number; invalid: number; kind: string }>> = {
  0x00: { size: 1, invalid: 0xff, kind: 'u8' },
  0x01: { size: 1, invalid: 0x7f, kind: 's8' },
  0x02: { size: 1, invalid: 0xff, kind: 'u8' },
  0x03: { size: 2, invalid: 0x7fff, kind: 's16' },
  0x04: { size: 2, invalid: 0xffff, kind: 'u16' },
  0x05: { size: 4, invalid: 0x7fffffff, kind: 's32' },
  0x06: { size: 4, invalid: 0xffffffff, kind: 'u32' },
  0x07: { size: 1, invalid: 0x00, kind: 'string' },
  0x08: { size: 4, invalid: 0xffffffff, kind: 'f32' },
  0x09: { size: 8, invalid: 2 ** 64 /* 0xffffffffffffffff as a JS number */, kind: 'f64' },
  0x0a: { size: 1, invalid: 0x00, kind: 'u8' },
  0x0b: { size: 2, invalid: 0x0000, kind: 'u16' },
  0x0c: { size: 4, invalid: 0x00000000, kind: 'u32' },
  0x0d: { size: 1, invalid: 0xff, kind: 'byte' },
  0x0e: { size: 8, invalid: 2 ** 63 /* 0x7fffffffffffffff as a JS number */, kind: 'i64' },
  0x0f: { size: 8, invalid: 2 ** 64 /* 0xffffffffffffffff as a JS number */, kind: 'i64' },
  0x10: { size: 8, invalid: 0x0000000000000000, kind: 'i64' },
};

/** The base-type table, exported for the test that compares it with the SDK's. */
export const FIT_BASE_TYPES = BASE_TYPES;

/** Profile field type name → base type number (for the types the record fields use). */
const TYPE_TO_BASE: Readonly<Record<string, number>> = {
  sint8: 0x01,
  uint8: 0x02,
  sint16: 0x83 & 0x1f,
  uint16: 0x84 & 0x1f,
  sint32: 0x85 & 0x1f,
  uint32: 0x86 & 0x1f,
  float32: 0x88 & 0x1f,
  float64: 0x89 & 0x1f,
  uint8z: 0x0a,
  uint16z: 0x8b & 0x1f,
  uint32z: 0x8c & 0x1f,
};

const NUMERIC_KINDS = new Set(['u8', 's8', 'u16', 's16', 'u32', 's32', 'f32', 'f64']);
const FIT_EPOCH_MS = 631_065_600_000;
const RECORD = 20;
const HR = 132;
const TIMESTAMP = 253;

interface ProfileField {
  num: number;
  name: string;
  type: string;
  array: boolean;
  scale: number | number[];
  offset: number | number[];
  components: (string | number)[];
  bits: number[];
  hasComponents: boolean;
  isAccumulated: boolean;
  subFields?: unknown[];
}

function profileFields(): Readonly<Record<string, ProfileField>> {
  const messages = Profile.messages as unknown as Record<
    number,
    { fields: Record<string, ProfileField> }
  >;
  const m = messages[RECORD];
  if (!m) throw new Error('the FIT profile has no record message');
  return m.fields;
}

const RECORD_FIELDS = profileFields();

/** Record field numbers → the column they fill (by the SDK's field name). */
const USED: ReadonlyMap<number, RecordNumberField> = new Map(
  RECORD_NUMBER_FIELDS.map((name) => {
    const f = Object.values(RECORD_FIELDS).find((x) => x.name === name);
    if (!f) throw new Error(`the FIT profile has no record field ${name}`);
    return [f.num, name] as const;
  }),
);

/** The record columns the walker fills, in a fixed order (`Read.ci`). */
const COLUMNS: readonly RecordNumberField[] = RECORD_NUMBER_FIELDS;

const NUMERIC_FIELD_TYPES = new Set([
  'sint8',
  'uint8',
  'sint16',
  'uint16',
  'sint32',
  'uint32',
  'float32',
  'float64',
  'uint8z',
  'uint16z',
  'uint32z',
  'byte',
  'sint64',
  'uint64',
  'uint64z',
]);

/** One field read of a compiled record reader. */
interface Read {
  /** Byte offset within the message (after the header byte). */
  at: number;
  kind: string;
  /** `kind` as a small number, for the hot loop. */
  code: number;
  /** Index of `col` in {@link COLUMNS}, -1 for the timestamp. */
  ci: number;
  invalid: number;
  /** Column, or undefined for the timestamp. */
  col: RecordNumberField | undefined;
  scale: number;
  offset: number;
  /** Apply scale and offset (false when the profile has several scales). */
  scaled: boolean;
  /** Components to expand into used columns from this field's raw value. */
  expand: {
    col: RecordNumberField;
    ci: number;
    scale: number;
    offset: number;
    check: (v: number) => boolean;
  }[];
}

/** A field as a definition message lays it out. */
interface FieldLayout {
  num: number;
  size: number;
  base: number;
  /** Byte offset within the message (after the header byte). */
  at: number;
}

/** A developer field as a record definition lays it out. */
interface DevLayout {
  num: number;
  size: number;
  developerDataIndex: number;
  at: number;
}

/** A record's developer field resolved against the field descriptions seen so far. */
interface DevRead {
  at: number;
  kind: string;
  invalid: number;
  count: number;
  size: number;
  key: string;
}

interface Definition {
  global: number;
  size: number;
  littleEndian: boolean;
  fields: FieldLayout[];
  /** A message the importer does not read and the SDK cannot fail on: left out of `rest`. */
  dropped: boolean;
  reads: Read[] | undefined;
  /** Some read expands components. */
  expands: boolean;
  dev: DevLayout[];
  /** `dev` resolved at developer-description generation `devGeneration`. */
  devReads: DevRead[] | undefined;
  devGeneration: number;
}

/** The SDK's developer data state: field descriptions per developer data index. */
interface DevField {
  fieldDefinitionNumber: number | null;
  baseType: number;
  key: number;
}

function fieldNum(global: number, name: string): number {
  const messages = Profile.messages as unknown as Record<
    number,
    { fields: Record<string, ProfileField> } | undefined
  >;
  const f = Object.values(messages[global]?.fields ?? {}).find((x) => x.name === name);
  if (!f) throw new Error(`the FIT profile has no field ${name} in message ${global}`);
  return f.num;
}

const DEVELOPER_DATA_ID = 207;
const FIELD_DESCRIPTION = 206;
const DDI_INDEX = fieldNum(DEVELOPER_DATA_ID, 'developerDataIndex');
const FD_INDEX = fieldNum(FIELD_DESCRIPTION, 'developerDataIndex');
const FD_NUMBER = fieldNum(FIELD_DESCRIPTION, 'fieldDefinitionNumber');
const FD_BASE = fieldNum(FIELD_DESCRIPTION, 'fitBaseTypeId');

/**
 * A single-value field's raw value as the SDK's `readValue` gives it for a
 * non-array field: the first value, `null` when invalid or mis-sized,
 * `undefined` when the message has no such field (the last valid one wins).
 * Throws on a base type it does not read as a number.
 */
function rawField(
  dv: DataView,
  base: number,
  d: Definition,
  num: number,
): number | null | undefined {
  let out: number | null | undefined;
  for (const f of d.fields) {
    if (f.num !== num) continue;
    const bt = BASE_TYPES[f.base];
    if (!bt || !NUMERIC_KINDS.has(bt.kind)) throw new Error('not a number');
    if (f.size === 0 || f.size % bt.size !== 0) continue;
    const v = readRaw(dv, base + f.at, bt.kind, d.littleEndian);
    if (v !== bt.invalid) out = v;
    else out ??= null;
  }
  return out;
}

const CRC_NIBBLES = [
  0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800, 0xb401,
  0x5000, 0x9c01, 0x8801, 0x4400,
];

const CRC_TABLE = (() => {
  const t = new Uint16Array(65536 >> 8);
  for (let b = 0; b < 256; b++) {
    // CRC of byte b from a zero state, as the SDK's nibble algorithm computes it.
    let crc = 0;
    let tmp = CRC_NIBBLES[crc & 0xf] ?? 0;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ (CRC_NIBBLES[b & 0xf] ?? 0);
    tmp = CRC_NIBBLES[crc & 0xf] ?? 0;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ (CRC_NIBBLES[(b >> 4) & 0xf] ?? 0);
    t[b] = crc;
  }
  return t;
})();

/** The FIT CRC-16 of `bytes[start, end)` (byte-table form of the SDK's nibble algorithm). */
export function fitCrc(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++)
    crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return crc;
}

function scalar(v: number | number[] | undefined, fallback: number): number | undefined {
  if (v === undefined) return fallback;
  if (Array.isArray(v)) return v.length === 1 ? v[0] : undefined;
  return v;
}

/** Compiles the reads of a record definition, or undefined when the SDK must decode it. */
function compileRecord(
  fields: readonly { num: number; size: number; base: number }[],
): Read[] | undefined {
  const reads: Read[] = [];
  const seen = new Set<number>();
  // Layouts the SDK fails on, whichever fields we read: a 64-bit value of a
  // profile field, a component field not of its profile type (its bit reader
  // mixes BigInt and number), or an accumulated field beside a field whose
  // components feed it (the SDK's accumulation set-up throws).
  const present = new Set(fields.map((f) => f.num));
  for (const fd of fields) {
    const pf = RECORD_FIELDS[fd.num];
    if (!pf) continue;
    if (BASE_TYPES[fd.base]?.kind === 'i64') return undefined;
    if (
      pf.hasComponents &&
      (TYPE_TO_BASE[pf.type] !== fd.base ||
        pf.components.some((c) => present.has(Number(c)) && RECORD_FIELDS[c]?.isAccumulated))
    )
      return undefined;
  }
  let at = 0;
  for (const fd of fields) {
    const here = at;
    at += fd.size;
    const pf = RECORD_FIELDS[fd.num];
    if (!pf) continue;
    const bt = BASE_TYPES[fd.base];
    if (!bt) return undefined;
    const col = USED.get(fd.num);
    const expand: Read['expand'] = [];
    if (pf.hasComponents) {
      const targets = pf.components.map(Number);
      const usedTargets = targets.filter((t) => USED.has(t));
      if (usedTargets.length > 0) {
        // Only the plain case: one full-width component of a single value of the profile's type.
        const profileBase = TYPE_TO_BASE[pf.type];
        const target = RECORD_FIELDS[targets[0] ?? -1];
        const cs = scalar(pf.scale, 1);
        const co = scalar(pf.offset, 0);
        const ts = target && scalar(target.scale, 1);
        const to = target && scalar(target.offset, 0);
        const targetBase = target && TYPE_TO_BASE[target.type];
        const targetBt = targetBase !== undefined ? BASE_TYPES[targetBase] : undefined;
        if (
          targets.length !== 1 ||
          profileBase !== fd.base ||
          fd.size !== bt.size ||
          pf.bits[0] !== bt.size * 8 ||
          !target ||
          target.isAccumulated ||
          target.array ||
          !targetBt ||
          cs === undefined ||
          co === undefined ||
          ts === undefined ||
          to === undefined
        )
          return undefined;
        const tcol = USED.get(target.num);
        if (!tcol) return undefined;
        const invalid = targetBt.invalid;
        expand.push({
          col: tcol,
          ci: COLUMNS.indexOf(tcol),
          scale: cs,
          offset: co,
          check: (v) => (v + to) * ts !== invalid,
        });
      }
    }
    if (col === undefined && fd.num !== TIMESTAMP) {
      if (expand.length > 0) return undefined;
      continue;
    }
    if (seen.has(fd.num)) return undefined;
    seen.add(fd.num);
    if (!NUMERIC_KINDS.has(bt.kind)) return undefined;
    if (fd.size === 0 || fd.size % bt.size !== 0) {
      if (expand.length > 0) return undefined;
      continue; // the SDK leaves the field out
    }
    if (pf.array) continue; // the SDK gives an array: not a number
    if (fd.num === TIMESTAMP) {
      if (pf.type !== 'dateTime' || bt.kind === 'f32' || bt.kind === 'f64') return undefined;
      reads.push({
        at: here,
        kind: bt.kind,
        code: KIND_CODE[bt.kind] ?? 7,
        ci: -1,
        invalid: bt.invalid,
        col: undefined,
        scale: 1,
        offset: 0,
        scaled: false,
        expand,
      });
      continue;
    }
    if (!NUMERIC_FIELD_TYPES.has(pf.type)) return undefined;
    const s = pf.scale ?? 1;
    const o = pf.offset ?? 0;
    const several = Array.isArray(s) && s.length > 1;
    const scale = Array.isArray(s) ? (s[0] ?? 1) : s;
    const offset = Array.isArray(o) ? (o[0] ?? 0) : o;
    reads.push({
      at: here,
      kind: bt.kind,
      code: KIND_CODE[bt.kind] ?? 7,
      ci: col === undefined ? -1 : COLUMNS.indexOf(col),
      invalid: bt.invalid,
      col,
      scale,
      offset,
      scaled: !several,
      expand,
    });
  }
  for (const c of reads.flatMap((r) => r.expand.map((e) => e.col)))
    if (reads.filter((r) => r.col === c).length > 1) return undefined;
  return reads;
}

const KIND_CODE: Readonly<Record<string, number>> = {
  u8: 0,
  s8: 1,
  u16: 2,
  s16: 3,
  u32: 4,
  s32: 5,
  f32: 6,
  f64: 7,
};

function readRaw(dv: DataView, at: number, kind: string, le: boolean): number {
  return readCode(dv, at, KIND_CODE[kind] ?? 7, le);
}

function readCode(dv: DataView, at: number, code: number, le: boolean): number {
  switch (code) {
    case 0:
      return dv.getUint8(at);
    case 1:
      return dv.getInt8(at);
    case 2:
      return dv.getUint16(at, le);
    case 3:
      return dv.getInt16(at, le);
    case 4:
      return dv.getUint32(at, le);
    case 5:
      return dv.getInt32(at, le);
    case 6:
      return dv.getFloat32(at, le);
    default:
      return dv.getFloat64(at, le);
  }
}

/**
 * True when the SDK decodes a message of this layout without any chance of
 * an error or of touching state other messages depend on: no developer
 * fields, no 64-bit values, no field with components, sub-fields or
 * accumulation. Such a message can be left out when nobody reads it.
 */
function inert(global: number, fields: readonly FieldLayout[], dev: readonly DevLayout[]): boolean {
  if (dev.length > 0) return false;
  const messages = Profile.messages as unknown as Record<
    number,
    { fields: Record<string, ProfileField> } | undefined
  >;
  const pm = messages[global];
  for (const f of fields) {
    if (BASE_TYPES[f.base]?.kind === 'i64') return false;
    const pf = pm?.fields[f.num];
    if (pf && (pf.hasComponents || pf.isAccumulated || (pf.subFields?.length ?? 0) > 0))
      return false;
  }
  return true;
}

/** Global message numbers by the SDK's `messages` keys (`sessionMesgs` → 18). */
export function globalsOf(keys: readonly string[]): ReadonlySet<number> {
  const messages = Profile.messages as unknown as Record<number, { messagesKey: string }>;
  const out = new Set<number>();
  for (const [num, m] of Object.entries(messages))
    if (keys.includes(m.messagesKey)) out.add(Number(num));
  return out;
}

const ALWAYS_KEPT = ['developerDataIdMesgs', 'fieldDescriptionMesgs'];

/**
 * Walks FIT bytes; undefined when the SDK must decode the file instead.
 * `keep` names the SDK message lists the caller reads (`sessionMesgs`, …):
 * `rest` holds those messages (and the developer-data descriptions), plus
 * any other message unless it is inert (see `inert`), so the SDK's reading
 * of `rest` gives the caller the same lists, or the same error, as the
 * whole file. Without `keep`, every non-record message is kept.
 */
export function walkFit(bytes: Uint8Array, keep?: readonly string[]): WalkedFit | undefined {
  const keepGlobals = keep ? globalsOf([...keep, ...ALWAYS_KEPT]) : undefined;
  const n = bytes.length;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const defs: (Definition | undefined)[] = new Array<Definition | undefined>(16);
  const copies: number[] = [];
  let copied = 0;
  let cols = emptyColumns(Math.max(64, n >> 5));
  let arrays = COLUMNS.map((k) => cols.values[k]);
  let protocol = 0x20;
  let profileLo = 0;
  let profileHi = 0;
  let pos = 0;
  let first = true;
  const devData = new Map<number, DevField[]>();
  let devGeneration = 0;
  const devByKey = new Map<string, Float64Array>();
  while (pos < n) {
    const hs = bytes[pos];
    if ((hs !== 12 && hs !== 14) || n - pos < hs + 2) return undefined;
    if (
      bytes[pos + 8] !== 0x2e ||
      bytes[pos + 9] !== 0x46 ||
      bytes[pos + 10] !== 0x49 ||
      bytes[pos + 11] !== 0x54
    )
      return undefined;
    if (hs === 14) {
      const hcrc = dv.getUint16(pos + 12, true);
      if (hcrc !== 0 && hcrc !== fitCrc(bytes, pos, pos + 12)) return undefined;
    }
    if (first) {
      protocol = bytes[pos + 1] ?? protocol;
      profileLo = bytes[pos + 2] ?? 0;
      profileHi = bytes[pos + 3] ?? 0;
      first = false;
    }
    const end = pos + hs + dv.getUint32(pos + 4, true);
    if (end + 2 > n || dv.getUint16(end, true) !== fitCrc(bytes, pos, end)) return undefined;
    let p = pos + hs;
    while (p < end) {
      const h = bytes[p] ?? 0;
      if (h & 0x80) return undefined; // compressed timestamp: the SDK rejects these
      if (h & 0x40) {
        if (p + 6 > end) return undefined;
        const le = bytes[p + 2] === 0;
        const global = dv.getUint16(p + 3, le);
        const nf = bytes[p + 5] ?? 0;
        let q = p + 6;
        if (q + nf * 3 > end) return undefined;
        const fields: FieldLayout[] = [];
        let size = 0;
        for (let i = 0; i < nf; i++, q += 3) {
          const base = (bytes[q + 2] ?? 0) & 0x1f;
          if (!BASE_TYPES[base]) return undefined;
          const f = { num: bytes[q] ?? 0, size: bytes[q + 1] ?? 0, base, at: size };
          fields.push(f);
          size += f.size;
        }
        const dev: DevLayout[] = [];
        if (h & 0x20) {
          if (q + 1 > end) return undefined;
          const devFields = bytes[q] ?? 0;
          q += 1;
          if (q + devFields * 3 > end) return undefined;
          for (let i = 0; i < devFields; i++, q += 3) {
            const d = {
              num: bytes[q] ?? 0,
              size: bytes[q + 1] ?? 0,
              developerDataIndex: bytes[q + 2] ?? 0,
              at: size,
            };
            dev.push(d);
            size += d.size;
          }
        }
        if (global === HR) return undefined; // the SDK merges these into the records
        let reads: Read[] | undefined;
        let dropped = false;
        if (global === RECORD) {
          reads = compileRecord(fields);
          if (!reads) return undefined;
        } else if (keepGlobals && !keepGlobals.has(global) && inert(global, fields, dev)) {
          dropped = true;
        } else {
          copies.push(p, q);
          copied += q - p;
        }
        defs[h & 0x0f] = {
          global,
          dropped,
          size,
          littleEndian: le,
          fields,
          reads,
          expands: reads?.some((r) => r.expand.length > 0) ?? false,
          dev,
          devReads: undefined,
          devGeneration: -1,
        };
        p = q;
      } else {
        const d = defs[h & 0x0f];
        if (!d) return undefined;
        const next = p + 1 + d.size;
        if (next > end) return undefined;
        if (d.reads) {
          if (cols.length >= cols.timeMs.length) {
            cols = withCapacity(cols, cols.length * 2);
            arrays = COLUMNS.map((k) => cols.values[k]);
            for (const [k, c] of devByKey) devByKey.set(k, grown(c, cols.timeMs.length));
          }
          const row = cols.length++;
          const base = p + 1;
          const le = d.littleEndian;
          const reads = d.reads;
          for (let i = 0; i < reads.length; i++) {
            const r = reads[i] as Read;
            const raw = readCode(dv, base + r.at, r.code, le);
            if (raw === r.invalid) continue;
            if (r.ci < 0) {
              cols.hasTime[row] = 1;
              cols.timeMs[row] = raw * 1000 + FIT_EPOCH_MS;
            } else (arrays[r.ci] as Float64Array)[row] = r.scaled ? raw / r.scale - r.offset : raw;
          }
          // Component expansion comes after every field is read, as in the SDK.
          if (d.expands)
            for (const r of reads) {
              if (r.expand.length === 0) continue;
              const raw = readCode(dv, base + r.at, r.code, le);
              if (raw === r.invalid) continue;
              for (const e of r.expand) {
                const v = raw / e.scale - e.offset;
                (arrays[e.ci] as Float64Array)[row] = e.check(v) ? v : NaN;
              }
            }
          if (d.dev.length > 0) {
            if (d.devGeneration !== devGeneration) {
              d.devReads = resolveDev(d.dev, devData);
              d.devGeneration = devGeneration;
            }
            if (!d.devReads) return undefined;
            for (const r of d.devReads) {
              let v: number;
              if (r.count === 1) {
                v = readRaw(dv, base + r.at, r.kind, le);
                if (v === r.invalid) continue;
              } else {
                // Several values: the SDK gives an array (not a number) unless all are invalid.
                let allInvalid = true;
                for (let k = 0; k < r.count; k++)
                  if (readRaw(dv, base + r.at + (k * r.size) / r.count, r.kind, le) !== r.invalid)
                    allInvalid = false;
                if (allInvalid) continue;
                v = NaN;
              }
              let c = devByKey.get(r.key);
              if (!c) {
                c = new Float64Array(cols.timeMs.length).fill(NaN);
                devByKey.set(r.key, c);
              }
              c[row] = v;
            }
          }
        } else if (!d.dropped) {
          copies.push(p, next);
          copied += next - p;
          try {
            if (d.global === DEVELOPER_DATA_ID) {
              const idx = rawField(dv, p + 1, d, DDI_INDEX);
              if (idx !== undefined && idx !== null && idx !== 0xff) {
                devData.set(idx, []);
                devGeneration += 1;
              }
            } else if (d.global === FIELD_DESCRIPTION) {
              const key = [...devData.values()].reduce((n, f) => n + f.length, 0);
              const idx = rawField(dv, p + 1, d, FD_INDEX);
              const list = idx !== undefined && idx !== null ? devData.get(idx) : undefined;
              if (list && idx !== 0xff) {
                list.push({
                  fieldDefinitionNumber: rawField(dv, p + 1, d, FD_NUMBER) ?? null,
                  baseType: (rawField(dv, p + 1, d, FD_BASE) ?? 0) & 0x1f,
                  key,
                });
                devGeneration += 1;
              }
            }
          } catch {
            return undefined;
          }
        }
        p = next;
      }
    }
    if (p !== end) return undefined;
    pos = end + 2;
  }
  return {
    records: cols,
    devByKey,
    rest: restFile(bytes, copies, copied, protocol, profileLo, profileHi),
  };
}

function grown(c: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity).fill(NaN);
  next.set(c);
  return next;
}

/**
 * A record definition's developer fields against the descriptions seen so
 * far, as the SDK looks them up (first description with that number under
 * that developer data index); fields without a description are skipped.
 * Undefined when one of them has a type the walker does not read as a number.
 */
function resolveDev(
  dev: readonly DevLayout[],
  devData: ReadonlyMap<number, readonly DevField[]>,
): DevRead[] | undefined {
  const out: DevRead[] = [];
  for (const d of dev) {
    const f = devData.get(d.developerDataIndex)?.find((x) => x.fieldDefinitionNumber === d.num);
    if (!f) continue;
    const bt = BASE_TYPES[f.baseType];
    if (!bt || !(NUMERIC_KINDS.has(bt.kind) || bt.kind === 'byte')) return undefined;
    if (d.size % bt.size !== 0 || d.size === 0) continue; // the SDK gives null
    out.push({
      at: d.at,
      kind: bt.kind === 'byte' ? 'u8' : bt.kind,
      invalid: bt.invalid,
      count: d.size / bt.size,
      size: d.size,
      key: String(f.key),
    });
  }
  return out;
}

function restFile(
  bytes: Uint8Array,
  copies: readonly number[],
  size: number,
  protocol: number,
  profileLo: number,
  profileHi: number,
): Uint8Array {
  const out = new Uint8Array(14 + size + 2);
  const dv = new DataView(out.buffer);
  out[0] = 14;
  out[1] = protocol;
  out[2] = profileLo;
  out[3] = profileHi;
  dv.setUint32(4, size, true);
  out.set([0x2e, 0x46, 0x49, 0x54], 8);
  dv.setUint16(12, fitCrc(out, 0, 12), true);
  let at = 14;
  for (let i = 0; i < copies.length; i += 2) {
    const s = copies[i] ?? 0;
    const e = copies[i + 1] ?? 0;
    out.set(bytes.subarray(s, e), at);
    at += e - s;
  }
  dv.setUint16(at, fitCrc(out, 0, at), true);
  return out;
}
