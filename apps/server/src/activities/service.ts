/**
 * Imported activities: the import of uploaded files (with the importer,
 * one file at a time, in a private temporary folder removed afterwards),
 * the runner's list, one activity, and deletion. The same run is stored
 * once: the same file (content hash) or another file of it (start within 2
 * minutes, distance within 2%), within the upload and against what the
 * runner already has.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { DomainError, mergeDuplicates, StoredActivityIndex, type Activity } from '@backtrack/core';
import { importPaths } from '@backtrack/importers';
import type { AppDeps } from '../http/context.js';
import {
  toActivityDto,
  toActivitySummaryDto,
  toNewActivityRow,
  type ActivityDto,
  type ActivitySummaryDto,
} from './dto.js';
import { isAcceptedName, type UploadedFile } from './upload.js';

/** The answer to an import. */
export interface ImportResultDto {
  /** Activities stored by this import. */
  imported: number;
  /** Activities read but not stored: the runner had them already, or the upload held the same run twice. */
  duplicates: number;
  /** One entry per file that could not be read (fully or in part). */
  errors: { file: string; message: string }[];
  /** The activities stored, newest first. */
  activities: ActivitySummaryDto[];
}

/** A page of the runner's activities. */
export interface ActivityPageDto {
  activities: ActivitySummaryDto[];
  total: number;
  limit: number;
  offset: number;
}

/** Reads the uploads with the importer; file names as uploaded (a zip's files as `export.zip/activities/1.fit`). */
async function readUploads(
  uploads: readonly UploadedFile[],
  nowMs: number,
): Promise<{ read: Activity[]; errors: { file: string; message: string }[] }> {
  const read: Activity[] = [];
  const errors: { file: string; message: string }[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'backtrack-upload-'));
  try {
    for (const [i, upload] of uploads.entries()) {
      if (!isAcceptedName(upload.name)) {
        errors.push({
          file: upload.name,
          message: 'not an activity file: send .fit, .gpx or .tcx files (optionally .gz) or a .zip',
        });
        continue;
      }
      const folder = join(dir, String(i));
      await mkdir(folder);
      const path = join(folder, upload.name);
      await writeFile(path, upload.bytes, { mode: 0o600 });
      const name = (file: string) =>
        file.startsWith(folder + sep) ? file.slice(folder.length + 1) : `${upload.name}/${file}`;
      for await (const ev of importPaths([path], { nowMs })) {
        if (ev.kind === 'activity') read.push({ ...ev.activity, file: name(ev.file) });
        else errors.push({ file: name(ev.file), message: ev.message });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { read, errors };
}

/** The activity use cases. */
export function activityService(deps: Pick<AppDeps, 'repos' | 'clock'>) {
  const { repos, clock } = deps;
  return {
    /**
     * Imports uploaded files for a runner. A file that cannot be read is
     * listed in `errors` and the others are imported; when nothing at all
     * can be read, `invalid_input` names every file's problem.
     */
    async import(userId: string, uploads: readonly UploadedFile[]): Promise<ImportResultDto> {
      const now = clock.now();
      const { read, errors } = await readUploads(uploads, now.getTime());
      if (read.length === 0) {
        throw new DomainError(
          'invalid_input',
          `files: no activity could be read from the ${uploads.length === 1 ? 'file' : `${uploads.length} files`}`,
          errors.map((e) => `${e.file}: ${e.message}`),
        );
      }
      const { activities: merged } = mergeDuplicates(read);
      const keys = await repos.activities.listKeys(userId);
      const index = new StoredActivityIndex(
        keys.map((k) => ({
          id: k.contentId,
          sport: k.sport,
          distanceM: k.distanceM,
          ...(k.startTime === null ? {} : { startTime: k.startTime.toISOString() }),
        })),
      );
      const fresh: Activity[] = [];
      for (const a of merged) {
        if (index.match(a) !== undefined) continue;
        index.add(a);
        fresh.push(a);
      }
      const stored = await repos.transaction(async (tx) => {
        const rows = await tx.activities.insertMany(
          fresh.map((a) => toNewActivityRow(userId, a)),
          now,
        );
        await tx.audit.record({ userId, action: 'activities.import', at: now });
        return rows;
      });
      stored.sort(
        (a, b) => (b.startTime?.getTime() ?? -Infinity) - (a.startTime?.getTime() ?? -Infinity),
      );
      return {
        imported: stored.length,
        // Read, but the same run as one stored (before or in a concurrent import) or as another in the upload.
        duplicates: read.length - stored.length,
        errors,
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
      return toActivityDto(row);
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
