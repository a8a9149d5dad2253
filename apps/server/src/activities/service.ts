/**
 * Imported activities: the import of uploaded files (read by the importer
 * on a worker thread, see `work/tasks.ts`; stored a batch per transaction),
 * the runner's list, one activity, and deletion. The same run is stored
 * once: the same file (content hash) or another file of it (start within 2
 * minutes, distance within 2%), within the upload and against what the
 * runner already has.
 */
import { DomainError, fileImportStatus, thinSeries } from '@backtrack/core';
import type { AppDeps } from '../http/context.js';
import {
  toActivityDto,
  toActivitySummaryDto,
  toNewActivityRow,
  type ActivityDto,
  type ActivitySummaryDto,
  type FileImportDto,
} from './dto.js';
import type { WorkPool } from '../work/pool.js';
import { MAX_IMPORT_READ, MAX_IMPORT_STORED, type UploadedFile } from './upload.js';

/** The answer to an import. */
export interface ImportResultDto {
  /** Activities stored by this import. */
  imported: number;
  /** Activities read but not stored: the runner had them already, or the upload held the same run twice. */
  duplicates: number;
  /** One entry per file that could not be read (fully or in part). */
  errors: { file: string; message: string }[];
  /** Files already imported (the runner has their content stored): not read again. */
  skipped: { file: string; message: string }[];
  /** One entry per uploaded file: its one status and the counts behind it. */
  files: FileImportDto[];
  /** The activities stored, newest first. */
  activities: ActivitySummaryDto[];
}

/** What the answer says of a file imported before. */
const ALREADY_IMPORTED = 'already imported, skipped';

/** A page of the runner's activities. */
export interface ActivityPageDto {
  activities: ActivitySummaryDto[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Rows stored per transaction: a short one, so other requests reach the
 * database between them. On the embedded database a row of a Strava export
 * costs about 2 ms on this thread, so 25 rows keep a stall near 50 ms
 * (`bench/reliability/bombs-only.ts`: 250 rows gave /api/health p99 980 ms).
 */
const INSERT_BATCH = 25;

/** The activity use cases. */
export function activityService(deps: Pick<AppDeps, 'repos' | 'clock'>, work: { pool: WorkPool }) {
  const { repos, clock } = deps;
  return {
    /**
     * Imports uploaded files for a runner. A file that cannot be read is
     * listed in `errors` and the others are imported; when nothing at all
     * can be read, `invalid_input` names every file's problem.
     */
    async import(userId: string, uploads: readonly UploadedFile[]): Promise<ImportResultDto> {
      const now = clock.now();
      // What the runner has already, so that the worker returns only what is new.
      const keys = await repos.activities.listKeys(userId);
      // Parsing, merging and matching run on a worker thread, which reads the files from disk.
      const {
        activities: fresh,
        notStored,
        readCount,
        readPerUpload,
        errors,
        skipped,
      } = await work.pool.run({
        kind: 'import',
        uploads: [...uploads],
        nowMs: now.getTime(),
        maxActivities: MAX_IMPORT_READ,
        maxNew: MAX_IMPORT_STORED,
        stored: keys.map((k) => ({
          id: k.contentId,
          sport: k.sport,
          distanceM: k.distanceM,
          ...(k.startTime === null ? {} : { startTime: k.startTime.toISOString() }),
        })),
      });
      if (readCount === 0 && skipped.length === 0) {
        throw new DomainError(
          'invalid_input',
          `files: no activity could be read from the ${uploads.length === 1 ? 'file' : `${uploads.length} files`}`,
          errors.map((e) => `${e.file}: ${e.message}`),
        );
      }
      // The importer's problems, before the limit's notes join them.
      const problems = [...errors];
      for (const { file, count } of notStored) {
        errors.push({
          file,
          message: `${String(count)} more new activities not stored: one import stores at most ${String(MAX_IMPORT_STORED)}; import the same file again to store the next ones`,
        });
      }
      const stored: Awaited<ReturnType<typeof repos.activities.insertMany>> = [];
      for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
        const rows = fresh.slice(i, i + INSERT_BATCH).map((a) => toNewActivityRow(userId, a));
        stored.push(...(await repos.activities.insertMany(rows, now)));
        // Let other requests in between batches (PGlite runs on this thread).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await repos.audit.record({ userId, action: 'activities.import', at: now });
      stored.sort(
        (a, b) => (b.startTime?.getTime() ?? -Infinity) - (a.startTime?.getTime() ?? -Infinity),
      );
      const files = uploads.map((u, i) => {
        const inFile = (file: string | null) =>
          file !== null && (file === u.name || file.startsWith(`${u.name}/`));
        const mine = stored.filter((row) => inFile(row.file));
        const left = notStored.filter((n) => inFile(n.file)).reduce((s, n) => s + n.count, 0);
        const counts = {
          skipped: skipped.filter((k) => inFile(k.file)).length,
          stored: mine.length,
          runs: mine.filter((row) => row.sport === 'running').length,
          // Read, but the same run as one stored (before or in a concurrent import) or as another in the upload.
          duplicates: (readPerUpload[i] ?? 0) - mine.length - left,
          notStored: left,
          problems: problems
            .filter((e) => inFile(e.file))
            .map((e) =>
              e.file === u.name ? e.message : `${e.file.slice(u.name.length + 1)}: ${e.message}`,
            ),
        };
        return { file: u.name, status: fileImportStatus(counts), ...counts };
      });
      return {
        imported: stored.length,
        duplicates: files.reduce((sum, f) => sum + f.duplicates, 0),
        errors,
        skipped: skipped.map(({ file }) => ({ file, message: ALREADY_IMPORTED })),
        files,
        activities: stored.map(toActivitySummaryDto),
      };
    },

    async list(userId: string, page: { limit: number; offset: number }): Promise<ActivityPageDto> {
      const { rows, total } = await repos.activities.listPage(userId, page);
      return { activities: rows.map(toActivitySummaryDto), total, ...page };
    },

    async get(id: string, userId: string): Promise<ActivityDto> {
      const row = await repos.activities.findForUser(id, userId);
      if (!row) throw new DomainError('not_found', `No activity ${id}.`, [id]);
      // A bounded answer for the activity's page (the export keeps the whole series).
      const dto = toActivityDto(row);
      return dto.series === null ? dto : { ...dto, series: thinSeries(dto.series) };
    },

    async delete(id: string, userId: string): Promise<void> {
      const deleted = await repos.activities.deleteForUser(id, userId);
      if (!deleted) throw new DomainError('not_found', `No activity ${id}.`, [id]);
      await repos.audit.record({
        userId,
        action: 'activity.delete',
        targetId: id,
        at: clock.now(),
      });
    },
  };
}
/** The activity service. */
export type ActivityService = ReturnType<typeof activityService>;
