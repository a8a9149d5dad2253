/**
 * The importer's entry point: files, folders, `.zip` files and Strava bulk
 * exports in, an async stream of activities and per-file errors out. Files
 * are read one at a time and each activity carries only its summary and a
 * downsampled series, so memory stays bounded however large the history.
 * The same run seen twice (start within 2 min, distance within 2%) is
 * flagged with `duplicateOf`; `importAll` collects and merges them.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import yauzl from 'yauzl';
import {
  isDuplicate,
  isRun,
  mergeDuplicates,
  startMs,
  type Activity,
  type DuplicateOptions,
  type MergeRecord,
} from '@backtrack/core';
import {
  bytesSource,
  formatFromName,
  hashActivityFile,
  readActivityFile,
  type FileSource,
} from './read-file.js';
import { checkActivity } from './validate-activity.js';
import {
  activityFromRow,
  enrichFromRow,
  readStravaCsv,
  type ExportContainer,
  type StravaRow,
} from './strava.js';

/** One result of an import: an activity, or a file that could not be read. */
export type ImportEvent =
  | {
      kind: 'activity';
      file: string;
      activity: Activity;
      /** Id of an activity already yielded that is the same run. */
      duplicateOf?: string;
    }
  | { kind: 'error'; file: string; message: string }
  /** A file whose content hash `isStored` knew: not decoded. */
  | { kind: 'skipped'; file: string; contentHash: string };

/** Progress after each file. */
export interface ImportProgress {
  /** The file just finished. */
  file: string;
  filesDone: number;
  /** Bytes read so far (after decompression). */
  bytes: number;
  activities: number;
  errors: number;
}

/** Options of {@link importPaths}. */
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** "Now" for judging timestamps, ms; default the clock. */
  nowMs?: number;
  /** One series point per this many seconds. Default 10. */
  seriesIntervalS?: number;
  /** `running`: yield running activities only (multisport legs included). Default `all`. */
  sports?: 'all' | 'running';
  duplicates?: DuplicateOptions;
  /**
   * Stop after this many activities, with one error naming the file where
   * reading stopped (a server bounds the work of one upload). Default: no limit.
   */
  maxActivities?: number;
  /**
   * Whether the activities of a file with this content hash (see
   * `contentHashOfId`) are stored already. When given, each file is hashed
   * before it is decoded, and a stored one is reported as `skipped` instead
   * of being decoded again.
   */
  isStored?: (contentHash: string) => boolean;
}

const CSV_NAME = 'activities.csv';

async function listFolder(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  await walk(root);
  return out;
}

function folderContainer(root: string, files: string[]): ExportContainer {
  return {
    files: files.map((full) => ({
      name: relative(root, full).split(sep).join('/'),
      open: () => createReadStream(full, { highWaterMark: 256 * 1024 }),
    })),
    close: () => undefined,
  };
}

async function zipContainer(path: string): Promise<ExportContainer> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => {
      resolve();
    });
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    files: entries.map((entry) => ({
      name: entry.fileName,
      open: () => zip.openReadStreamPromise(entry),
    })),
    close: () => {
      zip.close();
    },
  };
}

/** Whether an entry of a folder or zip is an activity file the importer reads. */
function isActivityFileName(name: string): boolean {
  // macOS zips carry `__MACOSX/…/._name` resource forks: not activities.
  return (
    formatFromName(name) !== undefined &&
    !name.startsWith('__MACOSX/') &&
    !basename(name).startsWith('._')
  );
}

/** Progress steps of a folder or zip: one per activity file, one for a Strava `activities.csv`. */
function containerSteps(container: ExportContainer): number {
  const names = container.files.map((f) => f.name);
  return (
    names.filter(isActivityFileName).length + (names.some((n) => basename(n) === CSV_NAME) ? 1 : 0)
  );
}

/**
 * How many progress steps (`ImportProgress.filesDone`) importing `paths`
 * will report, found the way {@link importPaths} finds files but without
 * reading them; undefined when it cannot be told. For a progress bar.
 */
export async function countImportSteps(paths: readonly string[]): Promise<number | undefined> {
  let total = 0;
  try {
    for (const path of paths) {
      let info;
      try {
        info = await stat(path);
      } catch {
        continue; // reported by the importer, without a progress step
      }
      if (info.isDirectory()) {
        total += containerSteps(folderContainer(path, await listFolder(path)));
      } else if (path.toLowerCase().endsWith('.zip')) {
        let container: ExportContainer;
        try {
          container = await zipContainer(path);
        } catch {
          total += 1; // an unreadable zip is one step with an error
          continue;
        }
        try {
          total += containerSteps(container);
        } finally {
          await container.close();
        }
      } else total += 1;
    }
  } catch {
    return undefined;
  }
  return total;
}

function withoutFlag(a: Activity & { sportStated: boolean }): Activity {
  const out: Activity & { sportStated?: boolean } = { ...a };
  delete out.sportStated;
  return out;
}

/** Keeps a light index of yielded activities to flag duplicates. */
class DuplicateIndex {
  readonly #byMinute = new Map<number, Activity[]>();
  readonly #ids = new Set<string>();
  readonly #options: DuplicateOptions;

  constructor(options: DuplicateOptions) {
    this.#options = options;
  }

  /** The id of a known activity this one duplicates, then remembers it. */
  check(a: Activity): string | undefined {
    let dup: string | undefined = this.#ids.has(a.id) ? a.id : undefined;
    const ms = startMs(a);
    const slim: Activity = { ...a, laps: [] };
    delete slim.series;
    if (ms !== undefined) {
      const minute = Math.floor(ms / 60_000);
      const reach = Math.ceil((this.#options.maxStartDiffS ?? 120) / 60);
      for (let m = minute - reach; m <= minute + reach && dup === undefined; m++) {
        for (const other of this.#byMinute.get(m) ?? []) {
          if (isDuplicate(other, a, this.#options)) {
            dup = other.id;
            break;
          }
        }
      }
      const list = this.#byMinute.get(minute) ?? [];
      list.push(slim);
      this.#byMinute.set(minute, list);
    }
    this.#ids.add(a.id);
    return dup;
  }
}

/**
 * Imports activity files (`.fit`, `.gpx`, `.tcx`, each optionally `.gz`),
 * folders of them, `.zip` files, and Strava bulk exports (a folder or
 * `.zip` with `activities.csv`). Yields each activity as soon as its file is
 * read, and one error per file that could not be read; a bad file never
 * stops the others.
 */
export async function* importPaths(
  paths: readonly string[],
  options: ImportOptions = {},
): AsyncGenerator<ImportEvent> {
  const readOptions = {
    nowMs: options.nowMs ?? Date.now(),
    ...(options.seriesIntervalS ? { seriesIntervalS: options.seriesIntervalS } : {}),
  };
  const index = new DuplicateIndex(options.duplicates ?? {});
  const progress: ImportProgress = { file: '', filesDone: 0, bytes: 0, activities: 0, errors: 0 };
  const done = (file: string): void => {
    progress.file = file;
    progress.filesDone += 1;
    options.onProgress?.({ ...progress });
  };
  const fail = (file: string, message: string): ImportEvent => {
    progress.errors += 1;
    return { kind: 'error', file, message };
  };
  const max = options.maxActivities ?? Infinity;
  /** Set when `maxActivities` is reached: nothing more is read. */
  let full = false;
  const emit = (file: string, read: Activity): ImportEvent | undefined => {
    if (full) return undefined;
    if (progress.activities >= max) {
      full = true;
      return fail(
        file,
        `more than ${String(max)} activities in one import; reading stopped here (import the rest separately)`,
      );
    }
    // Never emit what the core's own schema rejects (a damaged file's negative lap, a year-9999 start).
    const checked = checkActivity(read);
    if ('error' in checked) return fail(file, checked.error);
    const activity = checked.activity;
    if (options.sports === 'running' && !isRun(activity)) return undefined;
    progress.activities += 1;
    const dup = index.check(activity);
    return dup !== undefined
      ? { kind: 'activity', file, activity, duplicateOf: dup }
      : { kind: 'activity', file, activity };
  };

  async function* fromFiles(
    files: readonly FileSource[],
    rows?: Map<string, StravaRow>,
  ): AsyncGenerator<ImportEvent> {
    for (const file of files) {
      if (full) return;
      let source = file;
      if (options.isStored) {
        const hashed = await hashActivityFile(file);
        if (hashed !== undefined && options.isStored(hashed.contentHash)) {
          // Its Strava row is used up too: the stored activity came from it.
          rows?.delete(file.name);
          yield { kind: 'skipped', file: file.name, contentHash: hashed.contentHash };
          done(file.name);
          continue;
        }
        // Parse the bytes already read rather than reading the file again.
        if (hashed !== undefined) source = bytesSource(file.name, hashed.raw);
      }
      const result = await readActivityFile(source, readOptions);
      progress.bytes += result.bytes;
      const row = rows?.get(file.name);
      rows?.delete(file.name);
      for (const parsed of result.activities) {
        const activity = row ? enrichFromRow(parsed, row) : withoutFlag(parsed);
        const ev = emit(file.name, activity);
        if (ev) yield ev;
      }
      if (result.error !== undefined) yield fail(file.name, result.error);
      done(file.name);
    }
  }

  async function* fromContainer(
    container: ExportContainer,
    label: string,
  ): AsyncGenerator<ImportEvent> {
    try {
      const csv = container.files
        .filter((f) => basename(f.name) === CSV_NAME)
        .sort((a, b) => a.name.length - b.name.length)[0];
      const activityFiles = container.files.filter((f) => isActivityFileName(f.name));
      if (!csv) {
        yield* fromFiles(activityFiles);
        return;
      }
      const prefix = csv.name.slice(0, csv.name.length - CSV_NAME.length);
      const { rows, problems } = await readStravaCsv(await csv.open());
      for (const p of problems) yield fail(`${label}/${csv.name}`, p);
      const byFile = new Map<string, StravaRow>();
      for (const row of rows)
        if (row.filename) byFile.set(`${prefix}${row.filename.replace(/^\.?\//, '')}`, row);
      const rowsLeft = new Map(byFile);
      yield* fromFiles(activityFiles, rowsLeft);
      for (const row of rows) {
        if (full) break;
        const key = row.filename ? `${prefix}${row.filename.replace(/^\.?\//, '')}` : undefined;
        if (key !== undefined && !rowsLeft.has(key)) continue;
        const note =
          key !== undefined
            ? `The file ${row.filename ?? ''} named in activities.csv is not in the export; only the summary from activities.csv was imported.`
            : 'Strava has no file for this activity (a manual entry); only the summary from activities.csv was imported.';
        const ev = emit(`${label}/${csv.name}`, activityFromRow(row, note));
        if (ev) yield ev;
      }
      done(`${label}/${csv.name}`);
    } finally {
      await container.close();
    }
  }

  for (const path of paths) {
    if (full) return;
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const missing = err instanceof Error && 'code' in err && err.code === 'ENOENT';
      yield fail(path, missing ? 'file or folder not found' : String(err));
      continue;
    }
    if (!info.isDirectory() && !info.isFile()) {
      // A named pipe or a device would block the import for ever.
      yield fail(path, 'not a regular file or folder (a pipe or a device is not read)');
      done(path);
      continue;
    }
    if (info.isDirectory()) {
      let files: string[];
      try {
        files = await listFolder(path);
      } catch (err) {
        yield fail(path, `could not list the folder: ${String(err)}`);
        continue;
      }
      const container = folderContainer(path, files);
      yield* fromContainer(container, path);
    } else if (path.toLowerCase().endsWith('.zip')) {
      let container: ExportContainer;
      try {
        container = await zipContainer(path);
      } catch (err) {
        yield fail(
          path,
          `not a readable .zip file: ${err instanceof Error ? err.message : String(err)}`,
        );
        done(path);
        continue;
      }
      yield* fromContainer(container, path);
    } else {
      yield* fromFiles([
        { name: path, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) },
      ]);
    }
  }
}

/** Everything an import produced, with duplicates merged. */
export interface ImportSummary {
  activities: Activity[];
  errors: { file: string; message: string }[];
  merged: MergeRecord[];
}

/** Imports everything and merges duplicates (holds every activity's summary and series in memory). */
export async function importAll(
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const activities: Activity[] = [];
  const errors: { file: string; message: string }[] = [];
  for await (const ev of importPaths(paths, options)) {
    if (ev.kind === 'activity') activities.push(ev.activity);
    else if (ev.kind === 'error') errors.push({ file: ev.file, message: ev.message });
  }
  const merged = mergeDuplicates(activities, options.duplicates ?? {});
  return { activities: merged.activities, errors, merged: merged.merged };
}
