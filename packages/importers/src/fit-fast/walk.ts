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
 * unknown base type, heart-rate messages the SDK merges into records,
 * developer fields in records, a record field whose components feed a used
 * field other than altitude — makes it return `undefined`, and the caller
 * decodes the whole file with the SDK instead.
 */
import { Profile } from '@garmin/fitsdk';
import {
  emptyColumns,
  withCapacity,
  type RecordColumns,
  type RecordNumberField,
} from './columns.js';

/** What the walker produced: the records as columns and the rest as a FIT file. */
export interface WalkedFit {
  records: RecordColumns;
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
  (
    [
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
    ] as const
  ).map((name) => {
    const f = Object.values(RECORD_FIELDS).find((x) => x.name === name);
    if (!f) throw new Error(`the FIT profile has no record field ${name}`);
    return [f.num, name] as const;
  }),
);

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
    scale: number;
    offset: number;
    check: (v: number) => boolean;
  }[];
}

interface Definition {
  global: number;
  size: number;
  littleEndian: boolean;
  reads: Read[] | undefined;
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

function readRaw(dv: DataView, at: number, kind: string, le: boolean): number {
  switch (kind) {
    case 'u8':
      return dv.getUint8(at);
    case 's8':
      return dv.getInt8(at);
    case 'u16':
      return dv.getUint16(at, le);
    case 's16':
      return dv.getInt16(at, le);
    case 'u32':
      return dv.getUint32(at, le);
    case 's32':
      return dv.getInt32(at, le);
    case 'f32':
      return dv.getFloat32(at, le);
    default:
      return dv.getFloat64(at, le);
  }
}

/** Walks FIT bytes; undefined when the SDK must decode the file instead. */
export function walkFit(bytes: Uint8Array): WalkedFit | undefined {
  const n = bytes.length;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const defs: (Definition | undefined)[] = new Array<Definition | undefined>(16);
  const copies: number[] = [];
  let copied = 0;
  let cols = emptyColumns(Math.max(64, n >> 5));
  const names = Object.keys(cols.values) as (keyof RecordColumns['values'])[];
  let protocol = 0x20;
  let profileLo = 0;
  let profileHi = 0;
  let pos = 0;
  let first = true;
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
        const fields: { num: number; size: number; base: number }[] = [];
        let size = 0;
        for (let i = 0; i < nf; i++, q += 3) {
          const base = (bytes[q + 2] ?? 0) & 0x1f;
          if (!BASE_TYPES[base]) return undefined;
          const f = { num: bytes[q] ?? 0, size: bytes[q + 1] ?? 0, base };
          fields.push(f);
          size += f.size;
        }
        let devFields = 0;
        if (h & 0x20) {
          if (q + 1 > end) return undefined;
          devFields = bytes[q] ?? 0;
          q += 1;
          if (q + devFields * 3 > end) return undefined;
          for (let i = 0; i < devFields; i++, q += 3) size += bytes[q + 1] ?? 0;
        }
        if (global === HR) return undefined; // the SDK merges these into the records
        let reads: Read[] | undefined;
        if (global === RECORD) {
          if (devFields > 0) return undefined;
          reads = compileRecord(fields);
          if (!reads) return undefined;
        } else copies.push(p, q);
        if (global !== RECORD) copied += q - p;
        defs[h & 0x0f] = { global, size, littleEndian: le, reads };
        p = q;
      } else {
        const d = defs[h & 0x0f];
        if (!d) return undefined;
        const next = p + 1 + d.size;
        if (next > end) return undefined;
        if (d.reads) {
          if (cols.length >= cols.timeMs.length) cols = withCapacity(cols, cols.length * 2);
          const row = cols.length++;
          for (const k of names) cols.values[k][row] = NaN;
          cols.hasTime[row] = 0;
          const base = p + 1;
          const le = d.littleEndian;
          for (const r of d.reads) {
            const raw = readRaw(dv, base + r.at, r.kind, le);
            if (raw === r.invalid) continue;
            if (r.col === undefined) {
              cols.hasTime[row] = 1;
              cols.timeMs[row] = raw * 1000 + FIT_EPOCH_MS;
              continue;
            }
            cols.values[r.col][row] = r.scaled ? raw / r.scale - r.offset : raw;
          }
          // Component expansion comes after every field is read, as in the SDK.
          for (const r of d.reads) {
            if (r.expand.length === 0) continue;
            const raw = readRaw(dv, base + r.at, r.kind, le);
            if (raw === r.invalid) continue;
            for (const e of r.expand) {
              const v = raw / e.scale - e.offset;
              cols.values[e.col][row] = e.check(v) ? v : NaN;
            }
          }
        } else {
          copies.push(p, next);
          copied += next - p;
        }
        p = next;
      }
    }
    if (p !== end) return undefined;
    pos = end + 2;
  }
  return { records: cols, rest: restFile(bytes, copies, copied, protocol, profileLo, profileHi) };
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
