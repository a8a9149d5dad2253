/**
 * The heavy work that runs on a worker thread, never on the thread that
 * answers requests: reading uploaded activity files (decompression, FIT
 * decoding, XML and CSV parsing), merging the duplicates among them and
 * setting aside what the runner has stored already, so that the request
 * thread receives only the activities it will store; and drawing PDFs (the
 * plan handout, the pre-visit summary: font subsetting and vector
 * illustrations take tens of milliseconds each).
 * Plain data in, plain data out (structured clone); the worker entry
 * (`worker.ts`) calls {@link runTask}, and tests may call it directly.
 */
import { dirname, sep } from 'node:path';
import {
  loadKnowledgeBase,
  mergeDuplicates,
  StoredActivityIndex,
  type Activity,
  type AssessmentResult,
  type DistanceUnit,
  type IndexedActivity,
  type PlanOutcome,
} from '@backtrack/core';
import { renderPlanPdf, renderSummaryPdf, type SummaryPdfInput } from '@backtrack/documents';
import { contentHashOfId, importPaths } from '@backtrack/importers';
import { isAcceptedName, type UploadedFile } from '../activities/upload.js';

/** Read the uploaded files of one import. */
export interface ImportTask {
  kind: 'import';
  uploads: UploadedFile[];
  nowMs: number;
  /** Stop reading after this many activities (a per-file error says where). */
  maxActivities: number;
  /** What the runner has stored already: a run matching one of these is not new. */
  stored?: IndexedActivity[];
  /** Return at most this many new activities; the others are counted per file in `notStored`. */
  maxNew?: number;
}

/** What reading an upload gave. */
export interface ImportTaskResult {
  /** The new activities (not stored before), the same run seen twice merged into one; at most `maxNew`. */
  activities: Activity[];
  /** New activities over `maxNew`, counted per file. */
  notStored: { file: string; count: number }[];
  /** How many activities were read before merging. */
  readCount: number;
  /** How many activities were read from each upload, in the order of `uploads`. */
  readPerUpload: number[];
  /** One entry per file that could not be read (fully or in part). */
  errors: { file: string; message: string }[];
  /** Files whose content the runner has stored already: not decoded. */
  skipped: { file: string }[];
}

/** Draw a plan's handout (or, where the triage forbids a plan, the what-to-do-now handout). */
export interface PlanPdfTask {
  kind: 'planPdf';
  result: AssessmentResult;
  outcome: PlanOutcome;
  unit: DistanceUnit;
  /** Day 1 of week 1, `YYYY-MM-DD`. */
  startDate: string;
  /** The date printed as "made on". */
  madeOn: string;
}

/** Draw a pre-visit summary (built, and its read audited, on the request thread). */
export interface SummaryPdfTask {
  kind: 'summaryPdf';
  input: SummaryPdfInput;
}

/** A drawn PDF. */
export interface PdfTaskResult {
  pdf: Uint8Array;
  pageCount: number;
}

/** A task for the worker. */
export type Task = ImportTask | PlanPdfTask | SummaryPdfTask;
/** The result of each kind of task. */
export interface TaskResults {
  import: ImportTaskResult;
  planPdf: PdfTaskResult;
  summaryPdf: PdfTaskResult;
}

/** Reads the uploads with the importer; file names as uploaded (a zip's files as `export.zip/activities/1.fit`). */
async function readUploads(task: ImportTask): Promise<ImportTaskResult> {
  const read: Activity[] = [];
  const readPerUpload = task.uploads.map(() => 0);
  const errors: { file: string; message: string }[] = [];
  const skipped: { file: string }[] = [];
  // A file whose content hash an activity id carries is stored already: not decoded again.
  const storedHashes = new Set(
    (task.stored ?? []).flatMap((a) => {
      const hash = contentHashOfId(a.id);
      return hash === undefined ? [] : [hash];
    }),
  );
  // Each file is in its own folder (activities/upload.ts), which the route removes afterwards.
  for (const [i, upload] of task.uploads.entries()) {
    if (!isAcceptedName(upload.name)) {
      errors.push({
        file: upload.name,
        message: 'not an activity file: send .fit, .gpx or .tcx files (optionally .gz) or a .zip',
      });
      continue;
    }
    const folder = dirname(upload.path);
    const name = (file: string) =>
      file.startsWith(folder + sep) ? file.slice(folder.length + 1) : `${upload.name}/${file}`;
    const left = task.maxActivities - read.length;
    if (left <= 0) break;
    for await (const ev of importPaths([upload.path], {
      nowMs: task.nowMs,
      maxActivities: left,
      isStored: (hash) => storedHashes.has(hash),
    })) {
      if (ev.kind === 'activity') {
        read.push({ ...ev.activity, file: name(ev.file) });
        readPerUpload[i] = (readPerUpload[i] ?? 0) + 1;
      } else if (ev.kind === 'skipped') skipped.push({ file: name(ev.file) });
      else errors.push({ file: name(ev.file), message: ev.message });
    }
  }
  const index = new StoredActivityIndex(task.stored ?? []);
  const maxNew = task.maxNew ?? Infinity;
  const fresh: Activity[] = [];
  const over = new Map<string, number>();
  for (const activity of mergeDuplicates(read).activities) {
    if (index.match(activity) !== undefined) continue;
    index.add(activity);
    if (fresh.length < maxNew) fresh.push(activity);
    else {
      const file = activity.file ?? 'upload';
      over.set(file, (over.get(file) ?? 0) + 1);
    }
  }
  return {
    activities: fresh,
    notStored: [...over].map(([file, count]) => ({ file, count })),
    readCount: read.length,
    readPerUpload,
    errors,
    skipped,
  };
}

/** Runs one task (on the worker thread). */
export async function runTask(task: Task): Promise<TaskResults[Task['kind']]> {
  switch (task.kind) {
    case 'import':
      return readUploads(task);
    case 'planPdf': {
      const kb = loadKnowledgeBase();
      const { pdf, pageCount } = await renderPlanPdf({
        result: task.result,
        outcome: task.outcome,
        exercises: new Map(kb.exercises.map((e) => [e.id, e])),
        unit: task.unit,
        startDate: task.startDate,
        madeOn: task.madeOn,
      });
      return { pdf: new Uint8Array(pdf), pageCount };
    }
    case 'summaryPdf': {
      const { pdf, pageCount } = await renderSummaryPdf(task.input);
      return { pdf: new Uint8Array(pdf), pageCount };
    }
  }
}
