/**
 * Strava bulk export ("Download or delete your account"): a folder or a
 * `.zip` holding `activities.csv` and `activities/` with `.fit`, `.gpx`,
 * `.tcx` files, some gzipped. The CSV is read first (one row per activity,
 * small); each row's file is then imported and enriched with the row's
 * name, type and gear (the gear becomes the shoe of a run). Rows without a
 * file (manual entries) become summary-only activities; files no row names
 * are imported as they are.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import type { Activity } from '@backtrack/core';
import { isFootSport, sportFromLabel } from './draft.js';
import type { FileSource } from './read-file.js';

/** A Strava export opened as a list of files. */
export interface ExportContainer {
  /** Files in the export, by their name inside it (`activities/123.fit.gz`). */
  files: FileSource[];
  close(): Promise<void> | void;
}

/** One row of `activities.csv`, validated. */
export const ZStravaRow = z.object({
  activityId: z.string().min(1),
  date: z.string(),
  name: z.string(),
  type: z.string(),
  elapsedS: z.number().nonnegative().optional(),
  movingS: z.number().nonnegative().optional(),
  distanceM: z.number().nonnegative().optional(),
  elevationGainM: z.number().nonnegative().optional(),
  avgHeartRateBpm: z.number().positive().optional(),
  gear: z.string().optional(),
  filename: z.string().optional(),
});
/** One row of `activities.csv`. */
export type StravaRow = z.infer<typeof ZStravaRow>;

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/**
 * Parses Strava's `Activity Date` ("Mar 3, 2024, 7:01:02 AM" or
 * "3 Mar 2024, 07:01:02"; UTC) or an ISO date; undefined when unreadable.
 */
export function parseStravaDate(text: string): number | undefined {
  const t = text.trim();
  let m =
    /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})\s*([AaPp][Mm])?$/.exec(
      t,
    );
  let month: string | undefined;
  let day: string | undefined;
  let year: string | undefined;
  let hh: string | undefined;
  let mm: string | undefined;
  let ss: string | undefined;
  let ampm: string | undefined;
  if (m) [, month, day, year, hh, mm, ss, ampm] = m;
  else {
    m =
      /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})\s*([AaPp][Mm])?$/.exec(
        t,
      );
    if (m) [, day, month, year, hh, mm, ss, ampm] = m;
  }
  if (month !== undefined && day && year && hh && mm && ss) {
    const mon = MONTHS[month.toLowerCase()];
    if (mon === undefined) return undefined;
    let hour = Number(hh) % (ampm ? 12 : 24);
    if (ampm?.toLowerCase() === 'pm') hour += 12;
    return Date.UTC(Number(year), mon, Number(day), hour, Number(mm), Number(ss));
  }
  const iso = Date.parse(t);
  return Number.isFinite(iso) && /\d{4}-\d{2}-\d{2}/.test(t) ? iso : undefined;
}

function number(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let t = text.trim();
  if (t === '') return undefined;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(t)) t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The rows of `activities.csv` and the rows that could not be read. */
export interface StravaCsv {
  rows: StravaRow[];
  problems: string[];
}

/**
 * The most rows of `activities.csv` read: more than a runner records in a
 * lifetime (50 years of two activities a day), so only a forged file reaches it.
 */
export const MAX_CSV_ROWS = 40_000;
/** The longest row of `activities.csv` read, bytes (a real row is under 10 KB). */
export const MAX_CSV_ROW_BYTES = 256 * 1024;

/** Reads `activities.csv` (streamed through csv-parse), at most {@link MAX_CSV_ROWS} rows of at most {@link MAX_CSV_ROW_BYTES}. */
export async function readStravaCsv(stream: Readable): Promise<StravaCsv> {
  const parser = stream.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_CSV_ROW_BYTES,
    }),
  );
  stream.on('error', (e) => parser.destroy(e));
  let header: string[] | undefined;
  const col = (name: string, which: 'first' | 'last' = 'first'): number => {
    if (!header) return -1;
    return which === 'first' ? header.indexOf(name) : header.lastIndexOf(name);
  };
  const rows: StravaRow[] = [];
  const problems: string[] = [];
  let line = 1;
  let stopped = false;
  /** Handles one record; returns false to stop reading. */
  const handle = (record: unknown): boolean => {
    if (!Array.isArray(record)) return true;
    if (rows.length + problems.length >= MAX_CSV_ROWS) {
      problems.push(
        `activities.csv has more than ${String(MAX_CSV_ROWS)} rows; the rows after line ${String(line)} were not read`,
      );
      return false;
    }
    const cells = record.map((c) => String(c));
    if (!header) {
      header = cells.map((c) => c.trim());
      if (!header.includes('Activity ID')) {
        problems.push('activities.csv has no "Activity ID" column; it is not a Strava export list');
        return false;
      }
      return true;
    }
    line += 1;
    const get = (i: number): string | undefined => (i >= 0 ? cells[i]?.trim() : undefined);
    const distanceCols = header.filter((h) => h === 'Distance').length;
    // Strava writes "Distance" twice: first in the runner's unit (km), then in metres.
    const distanceM =
      distanceCols > 1
        ? number(get(col('Distance', 'last')))
        : ((): number | undefined => {
            const km = number(get(col('Distance')));
            return km !== undefined ? km * 1000 : undefined;
          })();
    const raw = {
      activityId: get(col('Activity ID')) ?? '',
      date: get(col('Activity Date')) ?? '',
      name: get(col('Activity Name')) ?? '',
      type: get(col('Activity Type')) ?? '',
      elapsedS: number(get(col('Elapsed Time'))),
      movingS: number(get(col('Moving Time'))),
      distanceM,
      elevationGainM: number(get(col('Elevation Gain'))),
      avgHeartRateBpm: number(get(col('Average Heart Rate'))),
      gear: get(col('Activity Gear')) || undefined,
      filename: get(col('Filename')) || undefined,
    };
    const parsed = ZStravaRow.safeParse(
      Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
    );
    if (parsed.success) rows.push(parsed.data);
    else
      problems.push(
        `activities.csv line ${line}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return true;
  };
  // Records are handled as the parser emits them, so the rows read before an
  // error (a row over the size limit) are kept.
  await new Promise<void>((resolve) => {
    parser.on('data', (record: unknown) => {
      if (stopped) return;
      if (!handle(record)) {
        stopped = true;
        parser.destroy();
        stream.destroy();
        resolve();
      }
    });
    parser.on('end', () => {
      resolve();
    });
    parser.on('error', (err: unknown) => {
      if (!stopped) {
        const code = err instanceof Error && 'code' in err ? err.code : undefined;
        problems.push(
          code === 'CSV_MAX_RECORD_SIZE'
            ? `activities.csv line ${String(line + 1)} is longer than ${String(MAX_CSV_ROW_BYTES / 1024)} KiB; reading stopped there (the rows before it are kept)`
            : `activities.csv could not be read past line ${String(line)}: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      stopped = true;
      stream.destroy();
      resolve();
    });
  });
  if (!header) problems.push('activities.csv is empty');
  return { rows, problems };
}

/** Applies a CSV row to an activity read from its file. */
export function enrichFromRow(
  activity: Activity & { sportStated: boolean },
  row: StravaRow,
): Activity {
  const { sportStated, ...rest } = activity;
  const out: Activity = {
    ...rest,
    warnings: [...rest.warnings],
    externalId: `strava:${row.activityId}`,
  };
  if (row.name) out.name = row.name;
  const mapped = sportFromLabel(row.type);
  if (mapped && (mapped.sport !== out.sport || !sportStated)) {
    if (sportStated && out.sport !== 'other') {
      out.warnings.push(`The file says ${out.sport}; Strava says "${row.type}", which is used.`);
    }
    out.sport = mapped.sport;
    if (mapped.subSport) out.subSport = mapped.subSport;
    if (!sportStated) {
      out.warnings = out.warnings.filter((w) => !w.startsWith('The file does not say which sport'));
    }
  }
  if (row.gear && isFootSport(out.sport)) out.shoe = row.gear;
  return out;
}

/** A summary-only activity from a CSV row whose file is missing or was never uploaded. */
export function activityFromRow(row: StravaRow, note: string): Activity {
  const mapped = sportFromLabel(row.type);
  const id = createHash('sha256')
    .update(`strava-csv\n${JSON.stringify(row)}`)
    .digest('hex')
    .slice(0, 32);
  const a: Activity = {
    id,
    source: 'strava',
    sport: mapped?.sport ?? 'other',
    distanceM: row.distanceM ?? 0,
    laps: [],
    warnings: [note],
    externalId: `strava:${row.activityId}`,
    file: 'activities.csv',
  };
  if (mapped?.subSport) a.subSport = mapped.subSport;
  if (row.name) a.name = row.name;
  const start = parseStravaDate(row.date);
  if (start !== undefined) a.startTime = new Date(start).toISOString();
  else a.warnings.push(`The date "${row.date}" could not be read.`);
  if (row.elapsedS !== undefined) a.durationS = row.elapsedS;
  if (row.movingS !== undefined) a.movingTimeS = row.movingS;
  if (row.elevationGainM !== undefined) a.elevationGainM = row.elevationGainM;
  if (row.avgHeartRateBpm !== undefined) a.avgHeartRateBpm = row.avgHeartRateBpm;
  if (row.gear && isFootSport(a.sport)) a.shoe = row.gear;
  return a;
}
