/** What the API shows of imported activities (never the database rows), and the mapping to the core's model. */
import type { Activity, Lap, RunningDynamics, Series } from '@backtrack/core';
import type { ActivityRow, ActivitySummaryRow, NewActivityRow } from '@backtrack/db';

/** An activity in a list: its summary, without laps and series. */
export interface ActivitySummaryDto {
  id: string;
  source: Activity['source'];
  sport: Activity['sport'];
  subSport: string | null;
  name: string | null;
  /** UTC; null when the file had no trustworthy start time. */
  startTime: string | null;
  durationS: number | null;
  movingTimeS: number | null;
  distanceM: number;
  elevationGainM: number | null;
  elevationLossM: number | null;
  avgHeartRateBpm: number | null;
  maxHeartRateBpm: number | null;
  /** Steps per minute, both feet. */
  avgCadenceSpm: number | null;
  avgPowerW: number | null;
  dynamics: RunningDynamics | null;
  shoe: string | null;
  device: string | null;
  /** The name of the file it came from. */
  file: string | null;
  /** What the importer had to guess, repair or leave out. */
  warnings: string[];
  importedAt: string;
}

/** One activity with its laps and downsampled series. */
export interface ActivityDto extends ActivitySummaryDto {
  /** The importer's content hash: the same file gives the same value. */
  contentId: string;
  externalId: string | null;
  laps: Lap[];
  series: Series | null;
}

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
