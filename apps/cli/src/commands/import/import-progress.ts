/**
 * Progress of `backtrack import` on a terminal: one line on stderr, redrawn
 * in place (`[██████░░░░] 12/40 files · 31 activities · 1 error · file`).
 * Not a terminal (a pipe, a log file, a test): nothing is drawn. The total
 * is counted beforehand by the importer's own `countImportSteps`, so the bar
 * ends full.
 */
import { basename } from 'node:path';
import type { ImportProgress } from '@backtrack/importers';
import type { OutputStream } from '../../io/cli-io.js';

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
