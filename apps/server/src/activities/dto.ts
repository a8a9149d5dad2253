/** What the API shows of imported activities (never the database rows), and the mapping to the core's model. */
import {
  ZLap,
  ZRunningDynamics,
  ZSeries,
  type Activity,
  type Lap,
  type Series,
} from '@backtrack/core';
import type { ActivityRow, ActivitySummaryRow, NewActivityRow } from '@backtrack/db';
import { z } from '@hono/zod-openapi';

// The core's schemas come from its own zod, without `.openapi`: used as they are.
const ZDynamics = ZRunningDynamics;

const summaryShape = {
  id: z.uuid(),
  source: z.enum(['fit', 'gpx', 'tcx', 'strava']),
  sport: z.enum(['running', 'walking', 'hiking', 'cycling', 'swimming', 'transition', 'other']),
  subSport: z.string().nullable(),
  name: z.string().nullable(),
  startTime: z
    .string()
    .nullable()
    .openapi({ description: 'UTC; null when the file had no trustworthy time' }),
  durationS: z.number().nullable(),
  movingTimeS: z.number().nullable(),
  distanceM: z.number(),
  elevationGainM: z.number().nullable(),
  elevationLossM: z.number().nullable(),
  avgHeartRateBpm: z.number().nullable(),
  maxHeartRateBpm: z.number().nullable(),
  avgCadenceSpm: z.number().nullable().openapi({ description: 'Steps per minute, both feet' }),
  avgPowerW: z.number().nullable(),
  dynamics: ZDynamics.nullable(),
  shoe: z.string().nullable(),
  device: z.string().nullable(),
  file: z.string().nullable(),
  warnings: z.array(z.string()),
  importedAt: z.string(),
};

/** An activity in a list. */
export const ZActivitySummary = z.object(summaryShape).openapi('ActivitySummary');

/** One activity with its laps and downsampled series. */
export const ZActivityDetail = z
  .object({
    ...summaryShape,
    contentId: z.string(),
    externalId: z.string().nullable(),
    laps: z.array(ZLap),
    /** At most one point per 10 s, with positions when the file has them; on `GET /api/activities/:id` at most 2,000 points, evenly picked (core `thinSeries`). */
    series: ZSeries.nullable(),
  })
  .openapi('Activity');

/** What an upload did to one of its files: one status, and the counts behind it (core `FileImportCounts`). */
export const ZFileImport = z
  .object({
    file: z
      .string()
      .openapi({ description: 'The file as uploaded (made unique within the upload)' }),
    status: z
      .enum(['imported', 'partly_damaged', 'already_imported', 'more_to_import', 'not_read'])
      .openapi({ description: 'The one status of the file (core `fileImportStatus`)' }),
    stored: z.number().int(),
    runs: z.number().int(),
    duplicates: z.number().int(),
    notStored: z.number().int(),
    problems: z.array(z.string()).openapi({
      description:
        'Why (part of) the file could not be read; a zip entry’s problem starts with its path',
    }),
    skipped: z.number().int().openapi({
      description:
        'Files (the upload, or a zip’s entries) not read because their exact content is stored already',
    }),
  })
  .openapi('FileImport');

/** What an upload did. */
export const ZImportResult = z
  .object({
    imported: z.number().int(),
    duplicates: z.number().int().openapi({ description: 'The sum of the files’ `duplicates`' }),
    errors: z.array(z.object({ file: z.string(), message: z.string() })),
    /** Files whose content was imported before: not read again ("already imported, skipped"). */
    skipped: z.array(z.object({ file: z.string(), message: z.string() })),
    files: z
      .array(ZFileImport)
      .openapi({ description: 'One entry per uploaded file, in upload order' }),
    activities: z.array(ZActivitySummary),
  })
  .openapi('ImportResult');

/** A page of activities, newest first. */
export const ZActivitiesPage = z
  .object({
    activities: z.array(ZActivitySummary),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('ActivitiesPage');

/** What an upload did to one of its files. */
export type FileImportDto = z.infer<typeof ZFileImport>;
/** An activity in a list: its summary, without laps and series. */
export type ActivitySummaryDto = z.infer<typeof ZActivitySummary>;
/** One activity with its laps and downsampled series. */
export type ActivityDto = z.infer<typeof ZActivityDetail>;

/** The API view of a stored activity's summary. */
export function toActivitySummaryDto(row: ActivitySummaryRow): ActivitySummaryDto {
  return {
    id: row.id,
    source: row.source,
    sport: row.sport,
    subSport: row.subSport,
    name: row.name,
    startTime: row.startTime?.toISOString() ?? null,
    durationS: row.durationS,
    movingTimeS: row.movingTimeS,
    distanceM: row.distanceM,
    elevationGainM: row.elevationGainM,
    elevationLossM: row.elevationLossM,
    avgHeartRateBpm: row.avgHeartRateBpm,
    maxHeartRateBpm: row.maxHeartRateBpm,
    avgCadenceSpm: row.avgCadenceSpm,
    avgPowerW: row.avgPowerW,
    dynamics: row.dynamics,
    shoe: row.shoe,
    device: row.device,
    file: row.file,
    warnings: row.warnings,
    importedAt: row.createdAt.toISOString(),
  };
}

/** The API view of a stored activity with laps and series. */
export function toActivityDto(row: ActivityRow): ActivityDto {
  return {
    ...toActivitySummaryDto(row),
    contentId: row.contentId,
    externalId: row.externalId,
    laps: row.laps,
    series: row.series,
  };
}

/**
 * The core's `Activity` of a stored row, for the analytics (unknown fields
 * left out, as the core's model has them). Its `id` is the API id, so
 * analytics that name runs (spikes, findings) name them as the API does.
 */
export function toCoreActivity(
  row: ActivitySummaryRow & { series?: Series | null; laps?: Lap[] },
): Activity {
  return {
    id: row.id,
    source: row.source,
    sport: row.sport,
    distanceM: row.distanceM,
    laps: row.laps ?? [],
    warnings: row.warnings,
    ...(row.subSport === null ? {} : { subSport: row.subSport }),
    ...(row.name === null ? {} : { name: row.name }),
    ...(row.startTime === null ? {} : { startTime: row.startTime.toISOString() }),
    ...(row.durationS === null ? {} : { durationS: row.durationS }),
    ...(row.movingTimeS === null ? {} : { movingTimeS: row.movingTimeS }),
    ...(row.elevationGainM === null ? {} : { elevationGainM: row.elevationGainM }),
    ...(row.elevationLossM === null ? {} : { elevationLossM: row.elevationLossM }),
    ...(row.avgHeartRateBpm === null ? {} : { avgHeartRateBpm: row.avgHeartRateBpm }),
    ...(row.maxHeartRateBpm === null ? {} : { maxHeartRateBpm: row.maxHeartRateBpm }),
    ...(row.avgCadenceSpm === null ? {} : { avgCadenceSpm: row.avgCadenceSpm }),
    ...(row.avgPowerW === null ? {} : { avgPowerW: row.avgPowerW }),
    ...(row.dynamics === null ? {} : { dynamics: row.dynamics }),
    ...(row.series === null || row.series === undefined ? {} : { series: row.series }),
    ...(row.shoe === null ? {} : { shoe: row.shoe }),
    ...(row.device === null ? {} : { device: row.device }),
    ...(row.file === null ? {} : { file: row.file }),
    ...(row.externalId === null ? {} : { externalId: row.externalId }),
  };
}

/** The row to store for an imported activity of `userId`. */
export function toNewActivityRow(userId: string, a: Activity): NewActivityRow {
  return {
    userId,
    contentId: a.id,
    source: a.source,
    sport: a.sport,
    subSport: a.subSport ?? null,
    name: a.name ?? null,
    startTime: a.startTime === undefined ? null : new Date(a.startTime),
    durationS: a.durationS ?? null,
    movingTimeS: a.movingTimeS ?? null,
    distanceM: a.distanceM,
    elevationGainM: a.elevationGainM ?? null,
    elevationLossM: a.elevationLossM ?? null,
    avgHeartRateBpm: a.avgHeartRateBpm ?? null,
    maxHeartRateBpm: a.maxHeartRateBpm ?? null,
    avgCadenceSpm: a.avgCadenceSpm ?? null,
    avgPowerW: a.avgPowerW ?? null,
    dynamics: a.dynamics ?? null,
    laps: a.laps,
    series: a.series ?? null,
    shoe: a.shoe ?? null,
    device: a.device ?? null,
    file: a.file ?? null,
    externalId: a.externalId ?? null,
    warnings: a.warnings,
  };
}
