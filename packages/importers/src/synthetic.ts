/**
 * Synthetic activity files for tests and benchmarks: FIT runs written with
 * the SDK's own Encoder (1-second records with distance, altitude, HR,
 * cadence and running dynamics), and GPX text. Deterministic: a seeded
 * generator, no clock.
 */
import {
  Encoder,
  type ActivityMesg,
  type EventMesg,
  type FileIdMesg,
  type LapMesg,
  type RecordMesg,
  type SessionMesg,
} from '@garmin/fitsdk';

/** FIT profile global message numbers (the SDK types `Profile.MesgNum` as a loose record). */
const MESG = { FILE_ID: 0, SESSION: 18, LAP: 19, RECORD: 20, EVENT: 21, ACTIVITY: 34 } as const;

/** A small seeded PRNG (mulberry32), so generated files are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What to put in a synthetic run. */
export interface SyntheticRun {
  start: Date;
  durationS: number;
  /** Average speed, m/s. Default 3. */
  speedMs?: number;
  /** Amplitude of a rolling altitude profile, m. Default 20. */
  hillM?: number;
  /** Seed for the noise. Default 1. */
  seed?: number;
  /** GCT balance, % left. Default 50.2. */
  gctBalanceLeftPct?: number;
  /** Strides per minute. Default 84 (168 steps/min). */
  cadence?: number;
  startLat?: number;
  startLon?: number;
}

const DEG_TO_SEMICIRCLE = 2 ** 31 / 180;

/** A FIT activity file of one run with 1-second records, a lap per km and a session. */
export function encodeSyntheticRun(run: SyntheticRun): Uint8Array {
  const rand = seededRandom(run.seed ?? 1);
  const speed = run.speedMs ?? 3;
  const hill = run.hillM ?? 20;
  const cadence = run.cadence ?? 84;
  const balance = run.gctBalanceLeftPct ?? 50.2;
  const t0 = run.start.getTime();
  const lat0 = run.startLat ?? 47.37;
  const lon0 = run.startLon ?? 8.54;
  const e = new Encoder();
  const fileId: FileIdMesg = {
    type: 'activity',
    manufacturer: 'development',
    product: 1,
    serialNumber: 1000 + (run.seed ?? 1),
    timeCreated: run.start,
  };
  e.onMesg(MESG.FILE_ID, fileId);
  const startEvent: EventMesg = {
    timestamp: run.start,
    event: 'timer',
    eventType: 'start',
  };
  e.onMesg(MESG.EVENT, startEvent);
  let distance = 0;
  let ascent = 0;
  let descent = 0;
  let prevAlt = 100;
  let hrSum = 0;
  let lapStart = t0;
  let lapStartDistance = 0;
  const laps: { start: number; end: number; distance: number }[] = [];
  for (let s = 0; s <= run.durationS; s++) {
    const v = speed * (0.9 + 0.2 * rand());
    if (s > 0) distance += v;
    const alt = 100 + hill * Math.sin(distance / 800) + (rand() - 0.5) * 0.4;
    if (alt > prevAlt) ascent += alt - prevAlt;
    else descent += prevAlt - alt;
    prevAlt = alt;
    const hr = Math.round(135 + 20 * (s / run.durationS) + rand() * 4);
    hrSum += hr;
    const heading = distance / 1500;
    const record: RecordMesg = {
      timestamp: new Date(t0 + s * 1000),
      positionLat: Math.round(
        (lat0 + (Math.sin(heading) * distance) / 111_000 / 4) * DEG_TO_SEMICIRCLE,
      ),
      positionLong: Math.round(
        (lon0 + (Math.cos(heading) * distance) / 75_000 / 4) * DEG_TO_SEMICIRCLE,
      ),
      distance,
      altitude: alt,
      heartRate: hr,
      cadence: cadence + Math.round((rand() - 0.5) * 4),
      fractionalCadence: 0.5,
      speed: v,
      stanceTime: 240 + rand() * 20,
      stanceTimeBalance: balance + (rand() - 0.5) * 0.6,
      verticalOscillation: 80 + rand() * 10,
      stepLength: 1050 + rand() * 60,
      verticalRatio: 7.5 + rand(),
    };
    e.onMesg(MESG.RECORD, record);
    if (distance - lapStartDistance >= 1000 || s === run.durationS) {
      laps.push({ start: lapStart, end: t0 + s * 1000, distance: distance - lapStartDistance });
      lapStart = t0 + s * 1000;
      lapStartDistance = distance;
    }
  }
  const end = new Date(t0 + run.durationS * 1000);
  const stopEvent: EventMesg = {
    timestamp: end,
    event: 'timer',
    eventType: 'stopAll',
  };
  e.onMesg(MESG.EVENT, stopEvent);
  for (const lap of laps) {
    const lapMesg: LapMesg = {
      timestamp: new Date(lap.end),
      startTime: new Date(lap.start),
      totalElapsedTime: (lap.end - lap.start) / 1000,
      totalTimerTime: (lap.end - lap.start) / 1000,
      totalDistance: lap.distance,
    };
    e.onMesg(MESG.LAP, lapMesg);
  }
  const session: SessionMesg = {
    timestamp: end,
    startTime: run.start,
    sport: 'running',
    subSport: 'generic',
    totalElapsedTime: run.durationS,
    totalTimerTime: run.durationS,
    totalDistance: distance,
    totalAscent: Math.round(ascent),
    totalDescent: Math.round(descent),
    avgHeartRate: Math.round(hrSum / (run.durationS + 1)),
    avgCadence: cadence,
    avgFractionalCadence: 0.5,
    avgStanceTimeBalance: balance,
    firstLapIndex: 0,
    numLaps: laps.length,
  };
  e.onMesg(MESG.SESSION, session);
  const activity: ActivityMesg = {
    timestamp: end,
    numSessions: 1,
    type: 'manual',
    totalTimerTime: run.durationS,
  };
  e.onMesg(MESG.ACTIVITY, activity);
  return e.close();
}

/** A GPX 1.1 track of a run along a straight-ish line, one point every `stepS` seconds. */
export function syntheticGpx(run: SyntheticRun & { stepS?: number; type?: string }): string {
  const rand = seededRandom(run.seed ?? 1);
  const speed = run.speedMs ?? 3;
  const step = run.stepS ?? 1;
  const lat0 = run.startLat ?? 47.37;
  const lon0 = run.startLon ?? 8.54;
  const points: string[] = [];
  let distance = 0;
  for (let s = 0; s <= run.durationS; s += step) {
    if (s > 0) distance += speed * step;
    const lat = lat0 + distance / 111_195;
    const time = new Date(run.start.getTime() + s * 1000).toISOString();
    const ele = 50 + (run.hillM ?? 0) * Math.sin(distance / 800) + (rand() - 0.5) * 0.2;
    points.push(
      `<trkpt lat="${lat.toFixed(7)}" lon="${lon0.toFixed(7)}"><ele>${ele.toFixed(1)}</ele><time>${time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${140 + Math.round(rand() * 10)}</gpxtpx:hr><gpxtpx:cad>${run.cadence ?? 84}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Backtrack test" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <trk><name>Synthetic run</name>${run.type ? `<type>${run.type}</type>` : ''}<trkseg>
${points.join('\n')}
 </trkseg></trk>
</gpx>
`;
}

/**
 * A generated watch history, one FIT run per item, for benchmarks: mostly
 * 25–60 min easy runs, some 60–100 min, a few 1h40–3h long runs, about one
 * a day from 2022-01-03. Deterministic.
 */
export function* syntheticHistory(runs: number): Generator<{ name: string; bytes: Uint8Array }> {
  const rand = seededRandom(2024);
  const start = Date.parse('2022-01-03T06:30:00Z');
  for (let i = 0; i < runs; i++) {
    const r = rand();
    const minutes = r < 0.7 ? 25 + rand() * 35 : r < 0.9 ? 60 + rand() * 40 : 100 + rand() * 80;
    yield {
      name: `run-${String(i).padStart(4, '0')}.fit`,
      bytes: encodeSyntheticRun({
        start: new Date(start + i * 86_400_000 * 0.8 + Math.floor(rand() * 3600) * 1000),
        durationS: Math.round(minutes * 60),
        speedMs: 2.6 + rand(),
        hillM: rand() * 40,
        seed: i + 1,
        gctBalanceLeftPct: 49 + rand() * 2,
      }),
    };
  }
}
