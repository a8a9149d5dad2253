/**
 * Progress of `backtrack import` on a terminal: one line on stderr, redrawn
 * in place (`[██████░░░░] 12/40 files · 31 activities · 1 error · file`).
 * Not a terminal (a pipe, a log file, a test): nothing is drawn. The total
 * is counted beforehand the way the importer counts files (activity files,
 * plus one for a Strava `activities.csv`), so the bar ends full.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatFromName, type ImportProgress } from '@backtrack/importers';
import yauzl from 'yauzl';
import type { OutputStream } from './cli-io.js';

/** Whether the importer counts an entry of a folder or zip as one file. */
function countsAsFile(name: string): boolean {
  return (
    formatFromName(name) !== undefined &&
    !name.startsWith('__MACOSX/') &&
    !basename(name).startsWith('._')
  );
}

function unitsOf(names: readonly string[]): number {
  const files = names.filter(countsAsFile).length;
  return files + (names.some((n) => basename(n) === 'activities.csv') ? 1 : 0);
}

async function folderNames(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name), `${prefix}${e.name}/`);
      else if (e.isFile()) out.push(`${prefix}${e.name}`);
    }
  };
  await walk(root, '');
  return out;
}

async function zipNames(path: string): Promise<string[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  try {
    const names: string[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => {
        resolve();
      });
      zip.on('error', reject);
      zip.readEntry();
    });
    return names;
  } finally {
    zip.close();
  }
}

/**
 * How many progress steps importing `paths` will report; undefined when it
 * cannot be told (the bar then shows counts without a total).
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
      if (info.isDirectory()) total += unitsOf(await folderNames(path));
      else if (path.toLowerCase().endsWith('.zip')) {
        try {
          total += unitsOf(await zipNames(path));
        } catch {
          total += 1; // an unreadable zip is one step with an error
        }
      } else total += 1;
    }
  } catch {
    return undefined;
  }
  return total;
}

/** Draws import progress. */
export interface ProgressView {
  update(progress: ImportProgress): void;
  /** Removes the line (call before printing the summary). */
  done(): void;
}

/** Options of {@link createProgressView}. */
export interface ProgressOptions {
  total: number | undefined;
  /** Columns available. */
  width: number;
  /** Milliseconds now, for throttling (tests pass a counter). */
  nowMs?: () => number;
  /** Least time between redraws, ms. Default 80. */
  intervalMs?: number;
}

const BAR = 20;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The progress line (without control characters). */
export function progressLine(
  progress: ImportProgress,
  total: number | undefined,
  width: number,
): string {
  const activities = progress.activities === 1 ? '1 activity' : `${progress.activities} activities`;
  const counts = `${activities} · ${plural(progress.errors, 'error')}`;
  let head: string;
  if (total !== undefined && total > 0) {
    const done = Math.min(progress.filesDone, total);
    const filled = Math.round((done / total) * BAR);
    head = `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${done}/${total} files`;
  } else {
    head = `${plural(progress.filesDone, 'file')} read`;
  }
  const line = `Importing ${head} · ${counts}`;
  const room = width - line.length - 3;
  const name = basename(progress.file);
  if (room < 8 || name === '') return line.slice(0, width - 1);
  return `${line} · ${name.length > room ? `…${name.slice(name.length - room + 1)}` : name}`;
}

/** A progress view on `stream`: drawn only when it is a terminal. */
export function createProgressView(stream: OutputStream, options: ProgressOptions): ProgressView {
  if (stream.isTTY !== true) return { update: () => undefined, done: () => undefined };
  const now = options.nowMs ?? (() => Date.now());
  const interval = options.intervalMs ?? 80;
  let last = -Infinity;
  let drawn = false;
  return {
    update(progress) {
      const t = now();
      const finished = options.total !== undefined && progress.filesDone >= options.total;
      if (t - last < interval && !finished) return;
      last = t;
      drawn = true;
      stream.write(`\r\u001b[2K${progressLine(progress, options.total, options.width)}`);
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
