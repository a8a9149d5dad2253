/**
 * @backtrack/importers — FIT, GPX, TCX files and Strava bulk exports into
 * @backtrack/core's Activity model, streamed one file at a time, with
 * per-file errors and duplicate detection.
 */
export {
  countImportSteps,
  importAll,
  importPaths,
  type ImportEvent,
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
} from './import-paths.js';
export {
  bytesSource,
  contentHashOfId,
  formatFromName,
  hashActivityFile,
  readActivityFile,
  sniffFormat,
  type SniffedFormat,
  type FileFormat,
  type FileReadResult,
  type FileSource,
  type HashedFile,
} from './read-file.js';
export {
  decodeFit,
  defaultFitDecoder,
  looksLikeFit,
  parseFit,
  type DecodedFit,
  type FitDecoderChoice,
} from './fit.js';
export type { RecordColumns } from './fit-fast/columns.js';
export { checkActivity, type CheckedActivity } from './validate-activity.js';
export { GpxHandler } from './gpx.js';
export { TcxHandler } from './tcx.js';
export { readXml, type XmlHandler, type XmlReadResult } from './xml.js';
export {
  haversineM,
  TrackBuilder,
  type Sample,
  type TrackBuilderOptions,
  type TrackSummary,
} from './track-builder.js';
export { parseStravaDate, readStravaCsv, ZStravaRow, type StravaRow } from './strava.js';
export {
  sportFromLabel,
  type DraftActivity,
  type ParsedActivity,
  type ParseResult,
  type ReadOptions,
} from './draft.js';
export {
  encodeSyntheticRun,
  seededRandom,
  syntheticGpx,
  syntheticHistory,
  type SyntheticRun,
} from './synthetic.js';
