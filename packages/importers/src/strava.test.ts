/**
 * A realistic Strava bulk export built here (no licensed sample exists, see
 * SOURCES.md): FIT files written with the SDK's Encoder, GPX and TCX text,
 * some gzipped, an `activities.csv` with Strava's duplicate column names, a
 * manual entry, a row whose file is missing and a corrupt file; imported
 * from a folder and from a `.zip`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZActivity, type Activity } from '@backtrack/core';
import { countImportSteps, importAll, importPaths, type ImportEvent } from './import-paths.js';
import { contentHashOfId } from './read-file.js';
import { MAX_CSV_ROW_BYTES, MAX_CSV_ROWS, parseStravaDate, readStravaCsv } from './strava.js';
import { encodeSyntheticRun, syntheticGpx } from './synthetic.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');

const HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Average Heart Rate';

function row(cells: {
  id: string;
  date: string;
  name: string;
  type: string;
  elapsed: number;
  km: number;
  gear?: string;
  file?: string;
  gain?: number;
}): string {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return [
    cells.id,
    q(cells.date),
    q(cells.name),
    cells.type,
    '',
    cells.elapsed,
    cells.km.toFixed(2),
    '',
    '',
    'false',
    '',
    q(cells.gear ?? ''),
    cells.file ?? '',
    '',
    '',
    cells.elapsed.toFixed(1),
    cells.elapsed.toFixed(1),
    (cells.km * 1000).toFixed(1),
    '',
    '',
    String(cells.gain ?? ''),
    '',
    '',
  ].join(',');
}

const tcx = (start: string): string => `   <?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
 <Activities><Activity Sport="Running"><Id>${start}</Id>
  <Lap StartTime="${start}"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>2000</DistanceMeters><Track>
   <Trackpoint><Time>${start}</Time><DistanceMeters>0</DistanceMeters><HeartRateBpm><Value>130</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:RunCadence>82</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
   <Trackpoint><Time>${new Date(Date.parse(start) + 600_000).toISOString()}</Time><DistanceMeters>2000</DistanceMeters><HeartRateBpm><Value>140</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:RunCadence>84</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
  </Track></Lap></Activity></Activities></TrainingCenterDatabase>`;

let dir: string;
let folder: string;
let zipPath: string;
let watchFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-strava-'));
  folder = join(dir, 'export_12345');
  await mkdir(join(folder, 'activities'), { recursive: true });
  const files: Record<string, Uint8Array | string> = {
    'activities/1001.fit.gz': gzipSync(
      encodeSyntheticRun({ start: new Date('2024-03-01T06:30:00Z'), durationS: 1800, seed: 1 }),
    ),
    'activities/1002.fit': encodeSyntheticRun({
      start: new Date('2024-03-03T07:00:00Z'),
      durationS: 3600,
      seed: 2,
      hillM: 40,
    }),
    'activities/1003.gpx.gz': gzipSync(
      syntheticGpx({ start: new Date('2024-03-05T17:00:00Z'), durationS: 1200, seed: 3 }),
    ),
    'activities/1004.tcx': tcx('2024-03-06T18:00:00Z'),
    'activities/1005.gpx': syntheticGpx({
      start: new Date('2024-03-07T12:00:00Z'),
      durationS: 1800,
      speedMs: 8,
      seed: 5,
    }),
    'activities/1007.fit.gz': Buffer.from('this is not gzip data'),
  };
  const csv = [
    HEADER,
    row({
      id: '1001',
      date: 'Mar 1, 2024, 6:30:00 AM',
      name: 'Easy run',
      type: 'Run',
      elapsed: 1800,
      km: 5.4,
      gear: 'Nike Pegasus 40',
      file: 'activities/1001.fit.gz',
    }),
    row({
      id: '1002',
      date: 'Mar 3, 2024, 7:00:00 AM',
      name: 'Long run, hills',
      type: 'Run',
      elapsed: 3600,
      km: 10.8,
      gear: 'Nike Pegasus 40',
      file: 'activities/1002.fit',
    }),
    row({
      id: '1003',
      date: 'Mar 5, 2024, 5:00:00 PM',
      name: 'Evening "shakeout"',
      type: 'Run',
      elapsed: 1200,
      km: 3.6,
      gear: 'Hoka Clifton 9',
      file: 'activities/1003.gpx.gz',
    }),
    row({
      id: '1004',
      date: 'Mar 6, 2024, 6:00:00 PM',
      name: 'Treadmill',
      type: 'Run',
      elapsed: 600,
      km: 2,
      gear: 'Hoka Clifton 9',
      file: 'activities/1004.tcx',
    }),
    row({
      id: '1005',
      date: 'Mar 7, 2024, 12:00:00 PM',
      name: 'Lunch ride',
      type: 'Ride',
      elapsed: 1800,
      km: 14.4,
      gear: 'Canyon Endurace',
      file: 'activities/1005.gpx',
    }),
    row({
      id: '1006',
      date: 'Mar 8, 2024, 7:15:00 AM',
      name: 'Track session (manual)',
      type: 'Run',
      elapsed: 2400,
      km: 8,
      gear: 'Nike Pegasus 40',
    }),
    row({
      id: '1007',
      date: 'Mar 9, 2024, 7:15:00 AM',
      name: 'Broken upload',
      type: 'Run',
      elapsed: 1500,
      km: 4.5,
      file: 'activities/1007.fit.gz',
    }),
    row({
      id: '1008',
      date: 'Mar 10, 2024, 8:00:00 AM',
      name: 'Lost file',
      type: 'Run',
      elapsed: 1500,
      km: 4.5,
      gear: 'Hoka Clifton 9',
      file: 'activities/1008.fit.gz',
    }),
  ].join('\n');
  files['activities.csv'] = `${csv}\n`;
  files['profile.csv'] = 'Athlete ID,Email\n1,runner@example.com\n';
  for (const [name, data] of Object.entries(files)) await writeFile(join(folder, name), data);

  const zip = new ZipFile();
  for (const [name, data] of Object.entries(files)) zip.addBuffer(Buffer.from(data), name);
  zip.addEmptyDirectory('media');
  zip.end();
  zipPath = join(dir, 'export_12345.zip');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(zipPath);
    Readable.from(zip.outputStream).pipe(out).on('finish', resolve).on('error', reject);
  });

  // The same long run as the watch recorded it, imported separately.
  watchFile = join(dir, 'watch-2024-03-03.fit');
  await writeFile(
    watchFile,
    encodeSyntheticRun({
      start: new Date('2024-03-03T07:00:30Z'),
      durationS: 3600,
      seed: 22,
      hillM: 40,
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(paths: string[]): Promise<ImportEvent[]> {
  const events: ImportEvent[] = [];
  for await (const ev of importPaths(paths, { nowMs: NOW })) events.push(ev);
  return events;
}

const activitiesOf = (events: ImportEvent[]): Activity[] =>
  events.flatMap((e) => (e.kind === 'activity' ? [e.activity] : []));

describe('Strava bulk export', () => {
  it.each([
    ['folder', (): string => folder],
    ['zip', (): string => zipPath],
  ])(
    'imports a %s: files enriched from activities.csv, manual entries kept, bad files reported',
    async (_kind, path) => {
      const events = await collect([path()]);
      const errors = events.filter((e) => e.kind === 'error');
      expect(errors).toEqual([
        {
          kind: 'error',
          file: 'activities/1007.fit.gz',
          message: expect.stringMatching(/could not decompress \(\.gz\)/) as string,
        },
      ]);
      const acts = activitiesOf(events);
      for (const a of acts)
        expect(ZActivity.safeParse(a).success, JSON.stringify(a.warnings)).toBe(true);
      const byExt = new Map(acts.map((a) => [a.externalId, a]));
      expect([...byExt.keys()].sort()).toEqual([
        'strava:1001',
        'strava:1002',
        'strava:1003',
        'strava:1004',
        'strava:1005',
        'strava:1006',
        'strava:1008',
      ]);
      expect(byExt.get('strava:1001')).toMatchObject({
        source: 'fit',
        shoe: 'Nike Pegasus 40',
        name: 'Easy run',
        sport: 'running',
      });
      expect(byExt.get('strava:1002')?.avgCadenceSpm).toBe(169);
      expect(byExt.get('strava:1003')).toMatchObject({
        source: 'gpx',
        shoe: 'Hoka Clifton 9',
        name: 'Evening "shakeout"',
        sport: 'running',
      });
      expect(byExt.get('strava:1003')?.warnings.join(' ')).not.toMatch(/does not say which sport/);
      expect(byExt.get('strava:1004')).toMatchObject({
        source: 'tcx',
        distanceM: 2000,
        avgCadenceSpm: 166,
      });
      const ride = byExt.get('strava:1005');
      expect(ride?.sport).toBe('cycling');
      expect(ride?.shoe, 'a bike is not a shoe').toBeUndefined();
      expect(byExt.get('strava:1006')).toMatchObject({
        source: 'strava',
        startTime: '2024-03-08T07:15:00.000Z',
        distanceM: 8000,
        durationS: 2400,
        shoe: 'Nike Pegasus 40',
      });
      expect(byExt.get('strava:1008')?.warnings.join(' ')).toMatch(/not in the export/);
    },
  );

  it('gives the same ids from the folder and the zip (content hashes; gzip does not change them)', async () => {
    const a = activitiesOf(await collect([folder]))
      .map((x) => x.id)
      .sort();
    const b = activitiesOf(await collect([zipPath]))
      .map((x) => x.id)
      .sort();
    expect(a).toEqual(b);
  });

  it('flags the same run imported from the export and from the watch, and merges it', async () => {
    const events = await collect([zipPath, watchFile]);
    const dup = events.find((e) => e.kind === 'activity' && e.duplicateOf !== undefined);
    expect(dup?.file).toBe(watchFile);
    const summary = await importAll([zipPath, watchFile], { nowMs: NOW });
    expect(summary.merged).toHaveLength(1);
    const long = summary.activities.find((x) => x.externalId === 'strava:1002');
    expect(long?.shoe).toBe('Nike Pegasus 40');
    expect(summary.activities.filter((x) => x.startTime?.startsWith('2024-03-03'))).toHaveLength(1);
  });

  it.each([
    ['folder', (): string => folder],
    ['zip', (): string => zipPath],
  ])(
    'skips the files of a %s stored before, without decoding them or reviving their rows',
    async (_kind, path) => {
      const first = await collect([path()]);
      const fromFiles = first.filter(
        (e): e is Extract<ImportEvent, { kind: 'activity' }> =>
          e.kind === 'activity' && !e.file.endsWith('activities.csv'),
      );
      expect(fromFiles.length).toBeGreaterThan(2);
      const hashes = new Set(fromFiles.map((e) => contentHashOfId(e.activity.id)));
      const again: ImportEvent[] = [];
      for await (const ev of importPaths([path()], {
        nowMs: NOW,
        isStored: (hash) => hashes.has(hash),
      }))
        again.push(ev);
      expect(again.filter((e) => e.kind === 'skipped').map((e) => e.file)).toEqual([
        ...new Set(fromFiles.map((e) => e.file)),
      ]);
      // What is left are the rows with no file (manual entries) and the damaged file, as before.
      const rest = (events: ImportEvent[]) =>
        events
          .filter((e) => e.kind !== 'skipped' && !fromFiles.includes(e as never))
          .map((e) => (e.kind === 'activity' ? e.activity.id : e.file));
      expect(rest(again)).toEqual(rest(first));
    },
  );

  it('reports progress after each file', async () => {
    const seen: number[] = [];
    const events: ImportEvent[] = [];
    for await (const ev of importPaths([zipPath], {
      nowMs: NOW,
      onProgress: (p) => seen.push(p.filesDone),
    })) {
      events.push(ev);
    }
    expect(events.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(7);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('counts beforehand the progress steps it will report', async () => {
    expect(await countImportSteps([zipPath])).toBe(7);
    expect(await countImportSteps([folder])).toBe(7);
    expect(await countImportSteps([zipPath, watchFile, join(dir, 'missing.fit')])).toBe(8);
  });
});

describe('activities.csv', () => {
  it('reads Strava dates in UTC', () => {
    expect(parseStravaDate('Mar 3, 2024, 7:01:02 AM')).toBe(Date.parse('2024-03-03T07:01:02Z'));
    expect(parseStravaDate('Dec 31, 2023, 12:15:00 PM')).toBe(Date.parse('2023-12-31T12:15:00Z'));
    expect(parseStravaDate('Jan 1, 2024, 12:05:00 AM')).toBe(Date.parse('2024-01-01T00:05:00Z'));
    expect(parseStravaDate('3 Mar 2024, 07:01:02')).toBe(Date.parse('2024-03-03T07:01:02Z'));
    expect(parseStravaDate('yesterday')).toBeUndefined();
  });

  it('names a row it cannot read and keeps the others', async () => {
    const csv = `${HEADER}\n,"Mar 3, 2024, 7:01:02 AM",x,Run,,10,1,,,,,,,,,10,10,1000,,,,,\n1,"Mar 3, 2024, 7:01:02 AM",ok,Run,,10,1,,,,,,,,,10,10,1000,,,,,\n`;
    const { rows, problems } = await readStravaCsv(Readable.from([csv]));
    expect(rows.map((r) => r.name)).toEqual(['ok']);
    expect(problems).toEqual([expect.stringMatching(/^activities\.csv line 2: activityId/)]);
  });

  it('stops at a row longer than the limit and keeps the rows before it', async () => {
    const ok = `1,"Mar 3, 2024, 7:01:02 AM",ok,Run,,10,1,,,,,,,,,10,10,1000,,,,,`;
    const huge = `2,"Mar 4, 2024, 7:01:02 AM",${'x'.repeat(MAX_CSV_ROW_BYTES + 10)},Run,,10,1,,,,,,,,,10,10,1000,,,,,`;
    const { rows, problems } = await readStravaCsv(Readable.from([`${HEADER}\n${ok}\n${huge}\n`]));
    expect(rows.map((r) => r.name)).toEqual(['ok']);
    expect(problems).toEqual([expect.stringMatching(/line 3 is longer than 256 KiB/)]);
  });

  it('reads at most MAX_CSV_ROWS rows and says so', async () => {
    const row = (i: number) =>
      `${String(i + 1)},"Mar 3, 2024, 7:01:02 AM",r,Run,,10,1,,,,,,,,,10,10,1000,,,,,`;
    const lines = Array.from({ length: MAX_CSV_ROWS + 5 }, (_, i) => row(i));
    const { rows, problems } = await readStravaCsv(
      Readable.from([`${HEADER}\n${lines.join('\n')}\n`]),
    );
    expect(rows).toHaveLength(MAX_CSV_ROWS);
    expect(problems).toEqual([expect.stringMatching(/more than 40000 rows/)]);
  });

  it('rejects a CSV that is not Strava’s', async () => {
    const { problems } = await readStravaCsv(Readable.from(['a,b\n1,2\n']));
    expect(problems[0]).toMatch(/no "Activity ID" column/);
  });
});
