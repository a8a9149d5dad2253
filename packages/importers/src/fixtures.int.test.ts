/**
 * Every file of shared/fixtures/activities (SOURCES.md): totals agree with
 * the file's own summary (FIT session, TCX laps) or with an independent
 * hand-check (GPX: haversine over the raw points, computed here without the
 * importer), running dynamics are read where SOURCES.md says they exist,
 * and every corrupt file gives a clear error and no crash. Our copies are in
 * ../test-fixtures (ATTRIBUTION.md): permissively licensed files in
 * activities/, the CC BY-SA 4.0 ones in activities-cc-by-sa/. The copyleft
 * files and the four derived from Garmin's FIT SDK example are read only
 * from ../shared and skipped, saying so, when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decoder, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { ZActivity, type Activity } from '@backtrack/core';
import { importPaths, type ImportEvent } from './import-paths.js';

const here = dirname(fileURLToPath(import.meta.url));
const LOCAL = join(here, '../test-fixtures/activities');
const LOCAL_CC_BY_SA = join(here, '../test-fixtures/activities-cc-by-sa');
const SHARED = join(here, '../../../../shared/fixtures/activities');

/** The file's path: our copy when the licence allows one, else shared/, else undefined. */
function locate(rel: string): string | undefined {
  for (const root of [LOCAL, LOCAL_CC_BY_SA, SHARED]) {
    const p = join(root, rel);
    if (existsSync(p)) return p;
  }
  return undefined;
}

async function importOne(path: string): Promise<{ activities: Activity[]; errors: string[] }> {
  const events: ImportEvent[] = [];
  for await (const ev of importPaths([path], { nowMs: Date.parse('2026-06-01T00:00:00Z') }))
    events.push(ev);
  return {
    activities: events.flatMap((e) => (e.kind === 'activity' ? [e.activity] : [])),
    errors: events.flatMap((e) => (e.kind === 'error' ? [e.message] : [])),
  };
}

const within1pct = (actual: number | undefined, expected: number): void => {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(
    Math.max(0.01 * Math.abs(expected), 0.5),
  );
};

/** Each fixture and what SOURCES.md says about it. */
interface Case {
  file: string;
  copyleft?: boolean;
  activities: number;
  check?: (a: Activity[]) => void;
}

const run = (a: Activity[]): Activity => {
  const r = a.find((x) => x.sport === 'running');
  if (!r) throw new Error('no running activity');
  return r;
};

const FIT_CASES: Case[] = [
  {
    file: 'fit/garmin-fenix5-run-1min-running-dynamics.fit',
    activities: 1,
    check: ([a]) => {
      expect(a?.dynamics).toEqual({
        groundContactTimeMs: 270.3,
        gctBalanceLeftPct: 52.39,
        verticalOscillationMm: 76.2,
        stepLengthMm: 971.7,
        verticalRatioPct: 7.42,
      });
      expect(a?.avgCadenceSpm).toBeCloseTo(2 * (83 + 0.671875), 6);
    },
  },
  {
    file: 'fit/garmin-fenix5x-run-running-dynamics-stryd.fit',
    activities: 1,
    check: ([a]) => {
      expect(a?.dynamics?.gctBalanceLeftPct).toBe(49.72);
      expect(Object.keys(a?.dynamics ?? {})).toHaveLength(5);
      expect(a?.laps).toHaveLength(14);
      within1pct(a?.elevationGainM, 32);
    },
  },
  {
    file: 'fit/garmin-fenix2-run-47min-vo-gct.fit',
    activities: 1,
    check: ([a]) => {
      expect(a?.dynamics).toEqual({ groundContactTimeMs: 252, verticalOscillationMm: 106.2 });
      expect(a?.laps).toHaveLength(4);
    },
  },
  {
    file: 'fit/garmin-fr965-run-wrist-dynamics-power.fit',
    activities: 1,
    check: ([a]) => {
      expect(a?.dynamics?.gctBalanceLeftPct, 'wrist-based RD has no balance').toBeUndefined();
      expect(a?.dynamics?.verticalOscillationMm).toBe(91.6);
      expect(a?.dynamics?.stepLengthMm).toBe(1142);
      expect(a?.avgPowerW).toBe(229);
      expect(
        a?.series?.points.some((p) => p.altitudeM !== undefined),
        'enhanced_altitude only',
      ).toBe(true);
    },
  },
  {
    file: 'fit/garmin-fr920xt-long-run-2h24m-stryd.fit',
    activities: 1,
    check: ([a]) => {
      within1pct(a?.durationS, 8629.415);
      within1pct(a?.movingTimeS, 6855.96);
      // No native RD: ground time and vertical oscillation come from the Stryd developer fields.
      expect(a?.dynamics?.groundContactTimeMs).toBeGreaterThan(200);
      expect(a?.dynamics?.verticalOscillationMm).toBeGreaterThan(40);
      expect(a?.dynamics?.gctBalanceLeftPct).toBeUndefined();
    },
  },
  {
    file: 'fit/garmin-fenix2-multisport-6h-hilly.fit',
    activities: 7,
    check: (all) => {
      expect(all.map((a) => a.sport)).toEqual([
        'other',
        'transition',
        'running',
        'transition',
        'running',
        'transition',
        'cycling',
      ]);
      within1pct(all[2]?.elevationGainM, 732);
      within1pct(all[4]?.elevationLossM, 802);
      within1pct(all[4]?.distanceM, 12740.37);
    },
  },
  {
    file: 'fit/garmin-fr920xt-triathlon-running-dynamics.fit',
    activities: 5,
    check: (all) => {
      expect(all.map((a) => a.sport)).toEqual([
        'swimming',
        'transition',
        'cycling',
        'transition',
        'running',
      ]);
      expect(run(all).dynamics?.gctBalanceLeftPct).toBe(51.66);
      expect(all[0]?.subSport).toBe('openWater');
    },
  },
  {
    file: 'fit/stryd-run-developer-fields.fit',
    activities: 1,
    check: ([a]) => {
      expect(a?.dynamics?.groundContactTimeMs).toBeGreaterThan(200);
      expect(a?.dynamics?.verticalOscillationMm).toBeGreaterThan(40);
      expect(a?.avgPowerW).toBe(218);
      expect(a?.device).toBe('stryd');
    },
  },
  {
    file: 'fit/garmin-fr110-run-hilly-no-cadence.fit',
    activities: 1,
    check: ([a]) => {
      expect(a?.avgCadenceSpm).toBeUndefined();
      expect(a?.dynamics).toBeUndefined();
      expect(a?.elevationGainM).toBe(168);
      expect(a?.elevationLossM).toBe(160);
    },
  },
  {
    file: 'fit/coros-pace2-ride-misaligned-fields.fit',
    activities: 1,
    check: ([a]) => {
      expect(a?.sport).toBe('cycling');
      expect(a?.avgCadenceSpm).toBeUndefined();
      expect(a?.elevationGainM).toBe(938);
    },
  },
  {
    file: 'fit/coros-apex-pro-run-running-dynamics.fit',
    copyleft: true,
    activities: 1,
    check: ([a]) => {
      expect(a?.dynamics?.gctBalanceLeftPct).toBe(49.3);
      expect(a?.dynamics?.groundContactTimeMs).toBe(206);
    },
  },
  {
    file: 'fit/coros-apex-pro-trail-run-2h42m.fit',
    copyleft: true,
    activities: 1,
    check: ([a]) => {
      // The session's RD averages are 0 ("no data"): treated as missing, not as zeros.
      expect(a?.dynamics).toEqual({ stepLengthMm: 920 });
      expect(a?.laps).toHaveLength(22);
      expect(a?.elevationGainM).toBe(539);
    },
  },
  {
    file: 'fit/suunto9-long-run-5h40m-50km.fit',
    copyleft: true,
    activities: 1,
    check: ([a]) => {
      expect(a?.avgHeartRateBpm).toBeUndefined();
      expect(a?.laps).toHaveLength(0);
      within1pct(a?.distanceM, 49897);
      expect(a?.elevationGainM).toBe(1063);
    },
  },
  {
    file: 'fit/garmin-fr910xt-mountain-run-5h39m.fit',
    copyleft: true,
    activities: 1,
    check: ([a]) => {
      expect(a?.elevationGainM).toBe(2295);
      expect(a?.elevationLossM).toBe(1414);
      expect(a?.avgCadenceSpm).toBeUndefined();
    },
  },
  {
    file: 'fit/garmin-fr945-treadmill-running-dynamics.fit',
    copyleft: true,
    activities: 1,
    check: ([a]) => {
      expect(a?.subSport).toBe('treadmill');
      expect(a?.elevationGainM).toBeUndefined();
      expect(a?.dynamics?.gctBalanceLeftPct).toBe(49.91);
      within1pct(a?.movingTimeS, 3097.789);
    },
  },
  {
    file: 'fit/garmin-fenix5x-ironman-14h-running-dynamics.fit',
    copyleft: true,
    activities: 5,
    check: (all) => {
      const r = run(all);
      within1pct(r.distanceM, 34706.46);
      within1pct(r.durationS, 19846.366);
      expect(r.dynamics?.gctBalanceLeftPct).toBe(49.99);
      expect(r.series?.points.length).toBeLessThanOrEqual(6000);
    },
  },
];

/**
 * Decoding the largest files takes seconds: the 14-hour ironman FIT file (3 MB,
 * 45,805 records) is decoded twice (importer and reference), 2 s on an idle
 * 2-core machine and over Vitest's 5 s default on a busy one.
 */
const LARGE_FILE_TIMEOUT_MS = 30_000;

describe(
  'FIT fixtures: totals match the session summaries',
  { timeout: LARGE_FILE_TIMEOUT_MS },
  () => {
    for (const c of FIT_CASES) {
      const path = locate(c.file);
      const title = `${c.file}${c.copyleft ? ' [copyleft, read from shared/]' : ''}`;
      if (!path) {
        it.skip(`${title} — skipped: not in this repository (licence) and ../shared/fixtures/activities is absent`, () =>
          undefined);
        continue;
      }
      it(title, async () => {
        const { activities, errors } = await importOne(path);
        expect(errors).toEqual([]);
        expect(activities).toHaveLength(c.activities);
        for (const a of activities) expect(ZActivity.safeParse(a).success, a.file).toBe(true);
        // The reference: the same file decoded by the SDK alone.
        const { messages } = new Decoder(Stream.fromBuffer(readFileSync(path))).read();
        const sessions = [...(messages.sessionMesgs ?? [])].sort(
          (x, y) => new Date(x.startTime ?? 0).getTime() - new Date(y.startTime ?? 0).getTime(),
        );
        sessions.forEach((s, i) => {
          const a = activities[i];
          within1pct(a?.distanceM, s.totalDistance ?? 0);
          within1pct(a?.durationS, s.totalElapsedTime ?? 0);
          if (s.totalAscent !== undefined) within1pct(a?.elevationGainM, s.totalAscent);
          expect(a?.startTime).toBe(new Date(s.startTime ?? 0).toISOString());
          // The records agree with the summary too: the series' last distance.
          const last = a?.series?.points.at(-1)?.distanceM;
          if (last !== undefined && (s.totalDistance ?? 0) > 1000)
            within1pct(last, s.totalDistance ?? 0);
        });
        c.check?.(activities);
      });
    }
  },
);

/** Independent hand-check of a GPX file: haversine over `<trkpt>`s of each `<trk>`, by regular expressions. */
function gpxReference(text: string): { distanceM: number; points: number }[] {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  return [...text.matchAll(/<trk>([\s\S]*?)<\/trk>/g)].map((m) => {
    const pts = [...(m[1] ?? '').matchAll(/<trkpt\s+([^>]*)>/g)].map((p) => {
      const attrs = p[1] ?? '';
      return [
        Number(/lat="([^"]*)"/.exec(attrs)?.[1]),
        Number(/lon="([^"]*)"/.exec(attrs)?.[1]),
      ] as const;
    });
    let d = 0;
    for (let i = 1; i < pts.length; i++) {
      const [la1, lo1] = pts[i - 1] ?? [0, 0];
      const [la2, lo2] = pts[i] ?? [0, 0];
      const h =
        Math.sin(((la2 - la1) * rad) / 2) ** 2 +
        Math.cos(la1 * rad) * Math.cos(la2 * rad) * Math.sin(((lo2 - lo1) * rad) / 2) ** 2;
      d += 2 * R * Math.asin(Math.sqrt(h));
    }
    return { distanceM: d, points: pts.length };
  });
}

const GPX_CASES: Case[] = [
  {
    file: 'gpx/garmin-connect-run-hr.gpx',
    activities: 1,
    check: ([a]) => {
      expect(a?.avgHeartRateBpm).toBeGreaterThan(100);
      // Noisy GPS altitude: raw rises add to 158 m over a 26–83 m range; the 3 m hysteresis keeps less.
      expect(a?.elevationGainM).toBeLessThan(158);
      expect(a?.elevationGainM).toBeGreaterThan(57);
    },
  },
  {
    file: 'gpx/strava-run-hr.gpx',
    activities: 1,
    check: ([a]) => {
      within1pct(a?.durationS, 1256);
      expect(a?.avgHeartRateBpm).toBeGreaterThan(100);
    },
  },
  {
    file: 'gpx/apple-watch-run-hr-cadence.gpx',
    activities: 1,
    check: ([a]) => {
      expect(a?.sport).toBe('running');
      // gpxtpx:cad of 61–65 strides/min → about 125–130 steps/min on average, doubled.
      expect(a?.avgCadenceSpm).toBeGreaterThan(110);
      expect(a?.avgHeartRateBpm).toBeGreaterThan(100);
    },
  },
  {
    file: 'gpx/korita-zbevnica-hilly-27km.gpx',
    activities: 3,
    check: (all) => {
      expect(all[0]?.startTime, 'the first track has no time at all').toBeUndefined();
      expect(all[0]?.warnings.join(' ')).toMatch(
        /358 of 358 points have no time; the duration is unknown/,
      );
      expect(all.every((a) => a.warnings.some((w) => /does not say which sport/.test(w)))).toBe(
        true,
      );
    },
  },
  {
    file: 'gpx/mojstrovka-mountain-bogus-timestamps.gpx',
    activities: 1,
    check: ([a]) => {
      expect(a?.startTime).toBeUndefined();
      expect(a?.durationS).toBeUndefined();
      expect(a?.warnings.join(' ')).toMatch(
        /impossible time \(e\.g\. 1901-12-13.*the duration is unknown/,
      );
      // Climbs 1,615 → 2,057 m (442 m net); raw rises add to 483 m.
      expect(a?.elevationGainM).toBeGreaterThanOrEqual(442 * 0.99);
      expect(a?.elevationGainM).toBeLessThanOrEqual(483);
    },
  },
  {
    file: 'gpx/mapsource-3day-multitrack-hike.gpx',
    activities: 3,
    check: (all) => {
      expect(new Set(all.map((a) => a.startTime?.slice(0, 10)))).toEqual(
        new Set(['2008-07-12', '2008-07-13', '2008-07-14']),
      );
      within1pct(
        all.reduce((s, a) => s + a.distanceM, 0),
        81_531,
      );
    },
  },
  {
    file: 'gpx/garmin-oregon600-missing-hr.gpx',
    activities: 1,
    check: ([a]) => {
      expect(a?.avgHeartRateBpm).toBeDefined();
      expect(a?.series?.points.some((p) => p.heartRateBpm === undefined) ?? true).toBeDefined();
    },
  },
];

describe(
  'GPX fixtures: distance agrees with an independent haversine',
  { timeout: LARGE_FILE_TIMEOUT_MS },
  () => {
    for (const c of GPX_CASES) {
      const path = locate(c.file);
      if (!path) {
        it.skip(`${c.file} — skipped: not in this repository and ../shared/fixtures/activities is absent`, () =>
          undefined);
        continue;
      }
      it(c.file, async () => {
        const { activities, errors } = await importOne(path);
        expect(errors).toEqual([]);
        expect(activities).toHaveLength(c.activities);
        for (const a of activities) expect(ZActivity.safeParse(a).success).toBe(true);
        const ref = gpxReference(readFileSync(path, 'utf8')).filter((t) => t.points > 0);
        ref.forEach((t, i) => {
          within1pct(activities[i]?.distanceM, t.distanceM);
        });
        c.check?.(activities);
      });
    }
  },
);

/** The file's own summary of a TCX activity: the sums of its (distinct) laps. */
function tcxLapTotals(text: string): { distanceM: number; timeS: number }[] {
  return [...text.matchAll(/<Activity[\s>]([\s\S]*?)<\/Activity>/g)].map((m) => {
    const seen = new Set<string>();
    let distanceM = 0;
    let timeS = 0;
    for (const lap of (m[1] ?? '').matchAll(
      /<Lap[^>]*StartTime="([^"]*)"[^>]*>\s*<TotalTimeSeconds>([^<]*)<\/TotalTimeSeconds>\s*<DistanceMeters>([^<]*)<\/DistanceMeters>/g,
    )) {
      const key = `${lap[1] ?? ''}|${lap[2] ?? ''}|${lap[3] ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      timeS += Number(lap[2]);
      distanceM += Number(lap[3]);
    }
    return { distanceM, timeS };
  });
}

const TCX_CASES: Case[] = [
  {
    file: 'tcx/garmin-fr945-run-intervals.tcx',
    activities: 1,
    check: ([a]) => {
      expect(a?.laps).toHaveLength(16);
      expect(a?.avgCadenceSpm).toBeGreaterThan(140);
      expect(a?.laps[0]?.avgCadenceSpm).toBeGreaterThan(100);
    },
  },
  {
    file: 'tcx/garmin-fr945-treadmill-run.tcx',
    activities: 1,
    check: ([a]) => {
      expect(a?.elevationGainM).toBeUndefined();
      expect(a?.avgCadenceSpm).toBeGreaterThan(140);
      expect(a?.laps).toHaveLength(3);
    },
  },
  {
    file: 'tcx/garmin-gtc-trail-run-2009.tcx',
    activities: 1,
    check: ([a]) => {
      expect(a?.device).toBeUndefined();
      expect(a?.elevationGainM).toBeGreaterThan(54);
      expect(a?.elevationGainM).toBeLessThanOrEqual(199);
    },
  },
  {
    file: 'tcx/garmin-fr910xt-two-runs-one-file.tcx',
    activities: 2,
    check: (all) => {
      expect(all.map((a) => a.startTime?.slice(0, 10))).toEqual(['2014-12-26', '2016-07-29']);
    },
  },
  {
    file: 'tcx/garmin-forerunner305-run.tcx',
    activities: 1,
    check: ([a]) => {
      expect(a?.warnings.join(' ')).toMatch(/laps add up to 8\.35 km/);
    },
  },
  {
    file: 'tcx/polar-v800-run.tcx',
    copyleft: true,
    activities: 1,
    check: ([a]) => {
      expect(a?.device).toBe('Polar V800');
      // Plain <Cadence> of ~83 strides/min → ~166 steps/min.
      expect(a?.avgCadenceSpm).toBeGreaterThan(150);
      expect(a?.avgCadenceSpm).toBeLessThan(180);
    },
  },
  {
    file: 'tcx/suunto-spartan-ultra-run-odd-laps.tcx',
    copyleft: true,
    activities: 1,
    check: ([a]) => {
      expect(a?.laps).toHaveLength(32);
      expect(a?.avgCadenceSpm).toBeGreaterThan(150);
    },
  },
];

describe(
  'TCX fixtures: totals match the sums of the laps',
  { timeout: LARGE_FILE_TIMEOUT_MS },
  () => {
    for (const c of TCX_CASES) {
      const path = locate(c.file);
      if (!path) {
        it.skip(`${c.file}${c.copyleft ? ' [copyleft]' : ''} — skipped: not in this repository (licence) and ../shared/fixtures/activities is absent`, () =>
          undefined);
        continue;
      }
      it(`${c.file}${c.copyleft ? ' [copyleft, read from shared/]' : ''}`, async () => {
        const { activities, errors } = await importOne(path);
        expect(errors).toEqual([]);
        expect(activities).toHaveLength(c.activities);
        for (const a of activities) expect(ZActivity.safeParse(a).success).toBe(true);
        tcxLapTotals(readFileSync(path, 'utf8')).forEach((t, i) => {
          within1pct(activities[i]?.distanceM, t.distanceM);
          within1pct(activities[i]?.movingTimeS, t.timeS);
        });
        c.check?.(activities);
      });
    }
  },
);

const CORRUPT: { file: string; error: RegExp | null; kept: number; warning?: RegExp }[] = [
  {
    file: 'corrupt/fit-truncated-unexpected-eof.fit',
    error: /damaged FIT file: end of stream at byte 768/,
    kept: 1,
  },
  {
    file: 'corrupt/fit-bad-file-crc.fit',
    error: /damaged FIT file: at byte 771 CRC error/,
    kept: 1,
  },
  {
    file: 'corrupt/fit-chained-second-header-corrupt.fit',
    error: /damaged FIT file: at byte 771 input is not a FIT file/,
    kept: 1,
  },
  {
    file: 'corrupt/fit-chained-second-file-no-data.fit',
    error: /damaged FIT file: end of stream at byte 786/,
    kept: 1,
  },
  {
    file: 'corrupt/sigma-ride-unterminated-no-session.fit',
    error: /damaged FIT file: end of stream/,
    kept: 1,
    warning: /no session summary/,
  },
  {
    file: 'corrupt/strava-android-run-corrupt-body.fit',
    error: /damaged FIT file: at byte 7472/,
    kept: 1,
  },
  {
    file: 'corrupt/gpx-invalid-coordinates.gpx',
    error: /no usable track: .*none of its 2 points has valid coordinates \(e\.g\. lat="undefined"/,
    kept: 0,
  },
  {
    // Not malformed XML: bad data in a valid file. Kept, with warnings that name each problem.
    file: 'corrupt/fitbit-versa-ride-zero-positions.tcx',
    error: null,
    kept: 1,
    warning: /repeated another lap exactly[\s\S]*positions were invalid \(e\.g\. 0, 0\)/,
  },
];

describe(
  'corrupt fixtures: a clear per-file error, no crash, nothing else lost',
  { timeout: LARGE_FILE_TIMEOUT_MS },
  () => {
    for (const c of CORRUPT) {
      const path = locate(c.file);
      if (!path) {
        it.skip(`${c.file} — skipped: not in this repository (FIT SDK licence) and ../shared/fixtures/activities is absent`, () =>
          undefined);
        continue;
      }
      it(c.file, async () => {
        const { activities, errors } = await importOne(path);
        if (c.error) {
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatch(c.error);
        } else expect(errors).toEqual([]);
        expect(activities).toHaveLength(c.kept);
        for (const a of activities) expect(ZActivity.safeParse(a).success).toBe(true);
        if (c.warning) expect(activities[0]?.warnings.join(' ')).toMatch(c.warning);
      });
    }

    it('strava-android: keeps the session totals (59 min, 11.3 km) from before the damage', async () => {
      const path = locate('corrupt/strava-android-run-corrupt-body.fit');
      if (!path) return;
      const [a] = (await importOne(path)).activities;
      within1pct(a?.distanceM, 11274.04);
      expect(a?.durationS).toBe(3558);
    });

    it('imports the good files of a folder that also holds every corrupt one', async () => {
      const root = existsSync(SHARED) ? SHARED : LOCAL;
      const events: ImportEvent[] = [];
      for await (const ev of importPaths([root], { nowMs: Date.parse('2026-06-01T00:00:00Z') }))
        events.push(ev);
      const errors = events.filter((e) => e.kind === 'error');
      const activities = events.filter((e) => e.kind === 'activity');
      expect(errors.every((e) => e.file.startsWith('corrupt/'))).toBe(true);
      expect(activities.length).toBeGreaterThan(30);
    }, 120_000);
  },
);
