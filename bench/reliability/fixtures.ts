/**
 * Upload bombs, made on the fly (never committed as binaries): each is a
 * small upload that asks the importer for far more work or memory than a
 * runner's file ever could.
 *
 * - `csvRows`: a Strava export whose `activities.csv` repeats one row
 *   100,000 times (the quadratic duplicate merge took 538 s).
 * - `fitZip` and `fitGz`: a FIT header followed by 1 GiB of zeros, in a zip
 *   and as `.fit.gz` (memory went to 3.7 GB).
 * - `csvField`: an `activities.csv` with a 1 GiB field (a 500 after 70 s).
 * - `distinctRows`: 20,000 different rows (a 500, "Maximum call stack size
 *   exceeded", while building the insert).
 */
import { Readable } from 'node:stream';
import { createGzip, constants } from 'node:zlib';
import yazl from 'yazl';
import { encodeSyntheticRun } from '@backtrack/importers';

/** One upload: a file name and its bytes. */
export interface Bomb {
  name: string;
  /** What it is, for the report. */
  what: string;
  file: string;
  bytes: Buffer;
}

const MIB = 1024 * 1024;
const HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename';

/** A FIT file header (14 bytes, ".FIT") claiming `size` bytes of records. */
function fitHeader(size: number): Buffer {
  const h = Buffer.alloc(14);
  h[0] = 14;
  h[1] = 0x20;
  h.writeUInt16LE(2195, 2);
  h.writeUInt32LE(size >>> 0, 4);
  h.write('.FIT', 8, 'ascii');
  return h;
}

/** `total` bytes: `head`, then `fill` repeated. */
function repeated(head: Buffer | string, fill: string | number, total: number): Readable {
  const first = typeof head === 'string' ? Buffer.from(head) : head;
  const block = Buffer.alloc(MIB, fill);
  let left = total - first.length;
  return Readable.from(
    (function* () {
      yield first;
      while (left > 0) {
        const n = Math.min(left, block.length);
        left -= n;
        yield n === block.length ? block : block.subarray(0, n);
      }
    })(),
    { objectMode: false },
  );
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** A zip of entries, each a name and a stream or bytes (deflated at level 1: quick to make, still tiny). */
async function zip(entries: { name: string; data: Readable | Buffer }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) {
    if (Buffer.isBuffer(e.data)) z.addBuffer(e.data, e.name, { compressionLevel: 1 });
    else z.addReadStream(e.data, e.name, { compressionLevel: 1 });
  }
  z.end();
  return collect(z.outputStream);
}

/** The bombs, inflating to `inflateBytes` (1 GiB for the full run) and with `rows` repeated rows. */
export async function makeBombs(
  options: { inflateBytes?: number; repeatedRows?: number; distinctRows?: number } = {},
): Promise<Bomb[]> {
  const inflate = options.inflateBytes ?? 1024 * MIB;
  const repeatedRows = options.repeatedRows ?? 100_000;
  const distinctRows = options.distinctRows ?? 20_000;
  const row = '1,"Mar 3, 2024, 7:01:02 AM",Morning Run,Run,1800,5.00,';
  const sameRows = [HEADER, ...Array.from({ length: repeatedRows }, () => row)].join('\n');
  const differentRows = [
    HEADER,
    ...Array.from({ length: distinctRows }, (_, i) => {
      const day = new Date(Date.UTC(2000, 0, 1) + i * 3_600_000 * 7);
      return `${String(100_000 + i)},${day.toISOString()},Run ${String(i)},Run,${String(1200 + (i % 600))},${(3 + (i % 17) / 2).toFixed(2)},`;
    }),
  ].join('\n');
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  const fitGz = collect(repeated(fitHeader(inflate), 0, inflate).pipe(gzip));
  return [
    {
      name: 'csvRows',
      what: `activities.csv with ${String(repeatedRows)} identical rows, zipped`,
      file: 'export.zip',
      bytes: await zip([{ name: 'activities.csv', data: Buffer.from(sameRows) }]),
    },
    {
      name: 'fitZip',
      what: `activities/1.fit inflating to ${String(inflate / MIB)} MiB, zipped`,
      file: 'export.zip',
      bytes: await zip([
        { name: 'activities/1.fit', data: repeated(fitHeader(inflate), 0, inflate) },
      ]),
    },
    {
      name: 'fitGz',
      what: `a .fit.gz inflating to ${String(inflate / MIB)} MiB`,
      file: 'run.fit.gz',
      bytes: await fitGz,
    },
    {
      name: 'csvField',
      what: `activities.csv with one ${String(inflate / MIB)} MiB field, zipped`,
      file: 'export.zip',
      bytes: await zip([
        {
          name: 'activities.csv',
          data: repeated(`${HEADER}\n1,"Mar 3, 2024, 7:01:02 AM",`, 0x61, inflate),
        },
      ]),
    },
    {
      name: 'distinctRows',
      what: `activities.csv with ${String(distinctRows)} different rows, zipped`,
      file: 'export.zip',
      bytes: await zip([{ name: 'activities.csv', data: Buffer.from(differentRows) }]),
    },
  ];
}

/** A zip of `files` synthetic FIT runs of `durationS` each, one a day back from 2026-03-01. */
export async function historyZip(files: number, durationS: number): Promise<Buffer> {
  return zip(
    Array.from({ length: files }, (_, i) => ({
      name: `activities/${String(i + 1)}.fit`,
      data: Buffer.from(
        encodeSyntheticRun({
          start: new Date(Date.UTC(2026, 2, 1, 7) - i * 86_400_000),
          durationS,
          seed: i + 1,
        }),
      ),
    })),
  );
}
