/**
 * The readers on small hand-made inputs: the track builder's distance,
 * elevation hysteresis and bounded series; per-file errors for empty,
 * unknown, truncated and badly compressed files; GPX and TCX edge cases.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_SERIES_POINTS } from '@backtrack/core';
import { importPaths } from './import-paths.js';
import { bytesSource, readActivityFile } from './read-file.js';
import { encodeSyntheticRun, syntheticGpx } from './synthetic.js';
import { haversineM, TrackBuilder } from './track-builder.js';

const options = { nowMs: Date.parse('2026-06-01T00:00:00Z') };

describe('TrackBuilder', () => {
  it('measures great-circle distance', () => {
    // One degree of latitude ≈ 111.2 km.
    expect(haversineM(0, 0, 1, 0)).toBeCloseTo(111_195, -1);
  });

  it('ignores altitude wobble under the hysteresis and counts real climbs', () => {
    const b = new TrackBuilder({ elevationHysteresisM: 3 });
    const alts = [100, 101, 100, 102, 100, 105, 110, 108, 109, 104, 100];
    alts.forEach((alt, i) => {
      b.add({ timeMs: i * 1000, distanceM: i * 3, altitudeM: alt });
    });
    const s = b.finish();
    expect(s.elevationGainM).toBe(10);
    expect(s.elevationLossM).toBe(10);
  });

  it('keeps the series bounded however long the recording', () => {
    const b = new TrackBuilder({ seriesIntervalS: 1 });
    for (let i = 0; i < 50_000; i++)
      b.add({ timeMs: i * 1000, distanceM: i * 3, heartRateBpm: 140 });
    const s = b.finish();
    expect(s.series.points.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(s.series.intervalS).toBeGreaterThan(1);
    expect(s.series.points.at(-1)?.distanceM).toBe(49_999 * 3);
    expect(s.avgHeartRateBpm).toBe(140);
  });

  it('drops a jump to "null island" from the distance', () => {
    const b = new TrackBuilder();
    b.add({ timeMs: 0, lat: 47, lon: 8 });
    b.add({ timeMs: 1000, lat: 0, lon: 0.0001 });
    b.add({ timeMs: 2000, lat: 47.00003, lon: 8 });
    const s = b.finish();
    expect(s.implausibleJumps).toBe(1);
    expect(s.distanceM).toBeCloseTo(3.3, 0);
  });
});

describe('per-file errors', () => {
  it.each([
    ['empty.fit', '', /the file is empty/],
    ['notes.txt', 'hello', /not a FIT, GPX or TCX file/],
    [
      'route.kml',
      '<?xml version="1.0"?><kml></kml>',
      /not a GPX or TCX file \(the XML root is <kml>\)/,
    ],
    ['run.fit.gz', 'not gzip', /could not decompress/],
    ['fake.fit', 'GARBAGE-NOT-FIT-AT-ALL', /not a FIT, GPX or TCX file/],
  ])('%s → a clear message', async (name, content, message) => {
    const r = await readActivityFile(bytesSource(name, content), options);
    expect(r.activities).toEqual([]);
    expect(r.error).toMatch(message);
  });

  it('keeps the points of a truncated GPX and names the XML error', async () => {
    const gpx = syntheticGpx({ start: new Date('2024-03-03T07:00:00Z'), durationS: 600 });
    const r = await readActivityFile(bytesSource('cut.gpx', gpx.slice(0, gpx.length / 2)), options);
    expect(r.error).toMatch(/the XML is malformed|no usable track/);
  });

  it('reads gzipped files and gives them the id of their content', async () => {
    const fit = encodeSyntheticRun({ start: new Date('2024-03-03T07:00:00Z'), durationS: 300 });
    const plain = await readActivityFile(bytesSource('a.fit', fit), options);
    const gz = await readActivityFile(bytesSource('a.fit.gz', gzipSync(fit)), options);
    expect(plain.error).toBeUndefined();
    expect(gz.activities[0]?.id).toBe(plain.activities[0]?.id);
    expect(plain.activities[0]?.dynamics?.gctBalanceLeftPct).toBe(50.2);
  });

  it('stops reading a decompression bomb at the size limit and says why', async () => {
    // A FIT header followed by 16 MiB of zeros compresses to about 16 KB; the limit here is 1 MiB.
    const fit = encodeSyntheticRun({ start: new Date('2024-03-03T07:00:00Z'), durationS: 60 });
    const bomb = gzipSync(Buffer.concat([fit.subarray(0, 14), Buffer.alloc(16 * 1024 * 1024)]));
    expect(bomb.length).toBeLessThan(100_000);
    const r = await readActivityFile(bytesSource('1.fit.gz', bomb), {
      ...options,
      maxFileBytes: 1024 * 1024,
    });
    expect(r.activities).toEqual([]);
    expect(r.error).toMatch(/larger than 1 MiB after decompression/);
    expect(r.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('trusts the content over a wrong extension', async () => {
    const fit = encodeSyntheticRun({ start: new Date('2024-03-03T07:00:00Z'), durationS: 120 });
    const r = await readActivityFile(bytesSource('mislabelled.gpx', fit), options);
    expect(r.activities[0]?.source).toBe('fit');
  });

  it('reports a missing path and carries on', async () => {
    const events = [];
    for await (const ev of importPaths(['/nonexistent/run.fit'], options)) events.push(ev);
    expect(events).toEqual([
      { kind: 'error', file: '/nonexistent/run.fit', message: 'file or folder not found' },
    ]);
  });
});

describe('importPaths options', () => {
  it('keeps only running legs when asked', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../test-fixtures/activities/fit');
    const file = join(root, 'garmin-fr920xt-triathlon-running-dynamics.fit');
    const sports: string[] = [];
    for await (const ev of importPaths([file], { ...options, sports: 'running' })) {
      if (ev.kind === 'activity') sports.push(ev.activity.sport);
    }
    expect(sports).toEqual(['running']);
  });
});

describe('GPX and TCX details', () => {
  it('leaves the duration unknown when every point has the same time', async () => {
    const gpx = `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>
      <trkpt lat="47.0" lon="8.0"><time>2024-03-03T07:00:00Z</time></trkpt>
      <trkpt lat="47.01" lon="8.0"><time>2024-03-03T07:00:00Z</time></trkpt></trkseg></trk></gpx>`;
    const r = await readActivityFile(bytesSource('same.gpx', gpx), options);
    const a = r.activities[0];
    expect(a?.durationS).toBeUndefined();
    expect(a?.startTime).toBe('2024-03-03T07:00:00.000Z');
    expect(a?.warnings).toContain('All points carry the same time; the duration is unknown.');
    expect(a?.distanceM).toBeCloseTo(1112, -1);
  });

  it('reads a TCX multisport session and Strava’s leading spaces', async () => {
    const tcx = `  <?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><MultiSportSession><FirstSport><Activity Sport="Biking"><Id>2024-03-03T07:00:00Z</Id><Lap StartTime="2024-03-03T07:00:00Z"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters></Lap></Activity></FirstSport><NextSport><Activity Sport="Running"><Id>2024-03-03T07:10:00Z</Id><Lap StartTime="2024-03-03T07:10:00Z"><TotalTimeSeconds>900</TotalTimeSeconds><DistanceMeters>3000</DistanceMeters></Lap></Activity></NextSport></MultiSportSession></Activities></TrainingCenterDatabase>`;
    const r = await readActivityFile(bytesSource('brick.tcx', tcx), options);
    expect(r.error).toBeUndefined();
    expect(r.activities.map((a) => [a.sport, a.distanceM, a.durationS])).toEqual([
      ['cycling', 5000, 600],
      ['running', 3000, 900],
    ]);
    expect(new Set(r.activities.map((a) => a.id)).size).toBe(2);
  });
});
