/**
 * `backtrack import PATH...`: reads activity files, folders, `.zip` files
 * and Strava bulk exports with `@backtrack/importers`, merges the same run
 * imported twice, leaves out what the store already holds (same file, or the
 * same run from another file), adds the rest to the activity store, and
 * summarises: activities, dates, distance, shoes, and one error per file
 * that could not be read. Good files are kept even when others fail (exit
 * 0); exit 2 only when nothing could be read at all.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  DomainError,
  isRun,
  mergeDuplicates,
  shoeMileage,
  startMs,
  StoredActivityIndex,
  type Activity,
} from '@backtrack/core';
import { contentHashOfId, countImportSteps, importPaths } from '@backtrack/importers';
import { activityStorePath, openActivityStore } from '../../store/activity-store.js';
import type { CliIo } from '../../io/cli-io.js';
import { createProgressView } from './import-progress.js';
import { heading } from '../../io/text.js';
import { localOffsetMin } from '../../io/dates.js';
import { formatInstant, formatKm } from '../training/render-training.js';
import { createStyle, outputWidth, shouldUseColour, wrap } from '../../io/style.js';

/** Options of `backtrack import`, after argument parsing. */
export interface ImportCommandOptions {
  paths: readonly string[];
  format: 'text' | 'json';
}

/** What became of one activity read by the import. */
export type ImportStatus = 'new' | 'already_stored' | 'duplicate';

/** One activity read, as the import reports it. */
export interface ImportedActivity {
  id: string;
  status: ImportStatus;
  /** For `duplicate`: the stored activity it is the same run as. */
  duplicateOf?: string;
  file?: string;
  sport: Activity['sport'];
  subSport?: string;
  name?: string;
  startTime: string | null;
  distanceKm: number;
  durationS: number | null;
  shoe?: string;
  warnings: string[];
}

/** The JSON output of `backtrack import --json`. */
export interface ImportReport {
  /** Every activity read (the same run twice in this import counts once). */
  activities: ImportedActivity[];
  /** Files already imported (the same content is stored): not decoded again. */
  skipped: { file: string }[];
  /** One entry per file that could not be read (fully or in part). */
  errors: { file: string; message: string }[];
  summary: {
    read: number;
    new: number;
    alreadyStored: number;
    duplicates: number;
    /** Copies of the same run within this import, merged into one. */
    mergedWithinImport: number;
    /** Files skipped because they were imported before (see `skipped`). */
    skippedFiles: number;
    runs: number;
    /** First and last start among the activities read. */
    from: string | null;
    to: string | null;
    distanceKm: number;
    runDistanceKm: number;
    shoes: { name: string; distanceKm: number; runs: number }[];
  };
  store: { path: string; activities: number };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Skipped files named one by one in the text output (all of them in `--json`). */
const SKIPPED_SHOWN = 10;

/** New activities between two writes of the store's index during an import. */
const INDEX_EVERY = 200;

/** An activity without its laps and series: what the summary of an import needs. */
function slim(a: Activity): Activity {
  const out: Activity = { ...a, laps: [] };
  delete out.series;
  return out;
}

/** Shows a path the way the runner typed it (a file inside a folder: relative to that folder). */
function displayNamer(args: readonly string[], cwd: string): (file: string) => string {
  const pairs = args.map((arg) => ({ arg, abs: resolve(cwd, arg) }));
  return (file) => {
    for (const { arg, abs } of pairs) {
      if (file === abs) return arg;
      if (file.startsWith(abs + sep)) return `${arg.replace(/[/\\]+$/, '')}/${relative(abs, file)}`;
    }
    return file;
  };
}

function toImported(a: Activity, status: ImportStatus, duplicateOf?: string): ImportedActivity {
  return {
    id: a.id,
    status,
    ...(duplicateOf === undefined ? {} : { duplicateOf }),
    ...(a.file === undefined ? {} : { file: a.file }),
    sport: a.sport,
    ...(a.subSport === undefined ? {} : { subSport: a.subSport }),
    ...(a.name === undefined ? {} : { name: a.name }),
    startTime: a.startTime ?? null,
    distanceKm: round1(a.distanceM / 1000),
    durationS: a.durationS ?? null,
    ...(a.shoe === undefined ? {} : { shoe: a.shoe }),
    warnings: a.warnings,
  };
}

/** Runs `backtrack import`; resolves with the exit status. */
export async function importCommand(options: ImportCommandOptions, io: CliIo): Promise<number> {
  const storePath = activityStorePath(io.env);
  // Open the store first: a corrupt store stops the import before anything is read or written.
  const store = await openActivityStore(storePath);
  const paths = options.paths.map((p) => resolve(io.cwd, p));
  const display = displayNamer(options.paths, io.cwd);
  const now = io.now?.() ?? new Date();

  const progress = createProgressView(io.stderr, {
    total: io.stderr.isTTY === true ? await countImportSteps(paths) : undefined,
    width: outputWidth(io.stderr),
  });
  // Each activity goes to the store as it is read; only its summary stays in memory.
  const stored = new StoredActivityIndex(store.entries());
  const storedHashes = new Set(
    store.entries().flatMap((e) => {
      const hash = contentHashOfId(e.id);
      return hash === undefined ? [] : [hash];
    }),
  );
  const listed = new Map<string, ImportedActivity>();
  /** Summaries (no laps or series) of the activities read, by id, after merging. */
  const summaries = new Map<string, Activity>();
  /** Ids merged into another activity of this import: the id it lives on as. */
  const mergedInto = new Map<string, string>();
  let mergedWithinImport = 0;
  let added = 0;
  const skipped: { file: string }[] = [];
  const errors: { file: string; message: string }[] = [];
  let filesBefore = 0;

  /** This import's activities, to merge the same run read twice (across paths too). */
  const thisImport = new StoredActivityIndex();
  const accept = async (a: Activity): Promise<void> => {
    const within = thisImport.match(a);
    thisImport.add(a);
    let earlierId = within === undefined ? undefined : within.kind === 'same_id' ? a.id : within.id;
    for (let next = earlierId; next !== undefined; next = mergedInto.get(next)) earlierId = next;
    const earlier = earlierId === undefined ? undefined : listed.get(earlierId);
    if (earlierId !== undefined && earlier !== undefined) {
      // The same run twice in this import: one activity, the richer file filling the gaps.
      mergedWithinImport += 1;
      if (earlier.status !== 'new') return;
      const kept = mergeDuplicates([await store.get(earlierId), a]).activities[0];
      if (kept === undefined) return;
      if (kept.id !== earlierId) {
        await store.remove(earlierId);
        mergedInto.set(earlierId, kept.id);
        listed.delete(earlierId);
        summaries.delete(earlierId);
      }
      if (a.id !== kept.id) mergedInto.set(a.id, kept.id);
      await store.put(kept);
      listed.set(kept.id, toImported(kept, 'new'));
      summaries.set(kept.id, slim(kept));
      return;
    }
    const match = stored.match(a);
    summaries.set(a.id, slim(a));
    if (match === undefined) {
      await store.put(a);
      stored.add(a);
      added += 1;
      listed.set(a.id, toImported(a, 'new'));
      // Write the index now and then, so an import cut short keeps most of its work.
      if (added % INDEX_EVERY === 0) await store.commit();
    } else if (match.kind === 'same_id') listed.set(a.id, toImported(a, 'already_stored'));
    else listed.set(a.id, toImported(a, 'duplicate', match.id));
  };

  try {
    // One path at a time, so a file inside a folder or zip is named with the path it came from.
    for (const [i, path] of paths.entries()) {
      const arg = options.paths[i] ?? path;
      const name = (file: string) =>
        isAbsolute(file) ? display(file) : `${arg.replace(/[/\\]+$/, '')}/${file}`;
      let filesHere = 0;
      for await (const ev of importPaths([path], {
        nowMs: now.getTime(),
        isStored: (hash) => storedHashes.has(hash),
        onProgress: (p) => {
          filesHere = p.filesDone;
          progress.update({
            ...p,
            filesDone: filesBefore + p.filesDone,
            activities: listed.size,
            errors: errors.length,
          });
        },
      })) {
        if (ev.kind === 'activity') await accept({ ...ev.activity, file: name(ev.file) });
        else if (ev.kind === 'skipped') skipped.push({ file: name(ev.file) });
        else errors.push({ file: name(ev.file), message: ev.message });
      }
      filesBefore += filesHere;
    }
  } finally {
    progress.done();
    if (added > 0 || mergedInto.size > 0) await store.commit();
  }

  const merged = [...summaries.values()];
  const starts = merged
    .map((a) => ({ ms: startMs(a), iso: a.startTime }))
    .filter((s): s is { ms: number; iso: string } => s.ms !== undefined && s.iso !== undefined)
    .sort((x, y) => x.ms - y.ms);
  const activities = [...listed.values()];
  const report: ImportReport = {
    activities,
    skipped,
    errors,
    summary: {
      read: merged.length,
      new: activities.filter((l) => l.status === 'new').length,
      alreadyStored: activities.filter((l) => l.status === 'already_stored').length,
      duplicates: activities.filter((l) => l.status === 'duplicate').length,
      mergedWithinImport,
      skippedFiles: skipped.length,
      runs: merged.filter(isRun).length,
      from: starts[0]?.iso ?? null,
      to: starts.at(-1)?.iso ?? null,
      distanceKm: round1(merged.reduce((s, a) => s + a.distanceM, 0) / 1000),
      runDistanceKm: round1(merged.filter(isRun).reduce((s, a) => s + a.distanceM, 0) / 1000),
      shoes: shoeMileage(merged).map((s) => ({
        name: s.name,
        distanceKm: round1(s.distanceM / 1000),
        runs: s.runs,
      })),
    },
    store: { path: storePath, activities: store.size },
  };

  if (options.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderImport(report, io));

  if (merged.length === 0 && skipped.length === 0) {
    const why =
      errors.length > 0
        ? `${errors.length} file${errors.length === 1 ? '' : 's'} could not be read (see above)`
        : 'no .fit, .gpx, .tcx (optionally .gz) or .zip files were found';
    throw new DomainError('not_found', `nothing could be imported: ${why}.`);
  }
  return 0;
}

function renderImport(report: ImportReport, io: CliIo): string {
  const style = createStyle({ colour: shouldUseColour(io.stdout, io.env) });
  const width = outputWidth(io.stdout);
  const { summary } = report;
  const offset = localOffsetMin(io.now?.() ?? new Date());
  const lines: string[] = [];
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  if (summary.read > 0) {
    const parts = [
      `${plural(summary.new, 'new activity', 'new activities')} stored`,
      summary.alreadyStored > 0 ? `${summary.alreadyStored} already stored` : undefined,
      summary.duplicates > 0
        ? `${plural(summary.duplicates, 'copy', 'copies')} of runs already stored (another file of the same run) left out`
        : undefined,
      summary.mergedWithinImport > 0
        ? `${plural(summary.mergedWithinImport, 'duplicate')} in these files merged`
        : undefined,
    ].filter((p): p is string => p !== undefined);
    lines.push(
      style.bold(
        wrap(
          `Read ${plural(summary.read, 'activity', 'activities')} (${plural(summary.runs, 'run')}): ${parts.join(', ')}.`,
          { width },
        ),
      ),
    );
    if (summary.from !== null && summary.to !== null) {
      lines.push(
        `Dates:    ${formatInstant(summary.from, offset)} – ${formatInstant(summary.to, offset)}`,
      );
    }
    lines.push(
      `Distance: ${formatKm(summary.distanceKm * 1000)} km in all, ${formatKm(summary.runDistanceKm * 1000)} km running`,
    );
    if (summary.shoes.length > 0) {
      lines.push(
        wrap(
          `Shoes:    ${summary.shoes.map((s) => `${s.name} (${s.distanceKm.toFixed(1)} km, ${plural(s.runs, 'run')})`).join('; ')}`,
          { width, indent: '          ' },
        ),
      );
    } else {
      lines.push('Shoes:    none named in these files (Strava exports name them)');
    }
    const warned = report.activities.filter((a) => a.warnings.length > 0 && a.status === 'new');
    if (warned.length > 0) {
      lines.push(
        style.dim(
          wrap(
            `${plural(warned.length, 'activity', 'activities')} came with notes on what the file lacked (missing times, repaired data); see --json.`,
            { width },
          ),
        ),
      );
    }
  }
  if (report.skipped.length > 0) {
    lines.push(
      style.bold(
        wrap(
          `${plural(report.skipped.length, 'file')} already imported, skipped (the same content is stored; not read again).`,
          { width },
        ),
      ),
    );
    const shown = report.skipped.slice(0, SKIPPED_SHOWN);
    for (const s of shown) lines.push(`${style.dim('=')} ${s.file}: already imported, skipped`);
    if (report.skipped.length > shown.length) {
      lines.push(
        style.dim(`  … and ${String(report.skipped.length - shown.length)} more (see --json)`),
      );
    }
  }
  if (report.errors.length > 0) {
    lines.push(heading(`Could not read ${plural(report.errors.length, 'file')}`, { style, width }));
    for (const e of report.errors) {
      lines.push(
        `${style.red('✗')} ${wrap(`${e.file}: ${e.message}`, { width: width - 2, indent: '  ' }).trimStart()}`,
      );
    }
    if (summary.read > 0) lines.push('', 'The other files were imported.');
  }
  if (summary.read > 0 || report.skipped.length > 0) {
    lines.push('');
    lines.push(
      wrap(
        `Stored in ${report.store.path} (${plural(report.store.activities, 'activity', 'activities')} in all). See what they show: \`backtrack training\`.`,
        { width },
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
