/**
 * @backtrack/db — Backtrack's storage: the Drizzle schema, the committed SQL
 * migrations (applied on open) and repositories that store and fetch without
 * rules. PGlite in-process by default; PostgreSQL when given a URL.
 */
export {
  openDatabase,
  databaseConfigFromEnv,
  redactUrl,
  DEFAULT_MIGRATIONS_FOLDER,
  PGLITE_EXTENSIONS,
  type Database,
  type DatabaseConfig,
  type Db,
} from './database.js';
export {
  createRepositories,
  type Repositories,
  type RepositoryHooks,
} from './repositories/index.js';
export type * from './repositories/index.js';
export type {
  AssessmentMode,
  AssessmentStatus,
  EndedBecause,
  AdaptationDecision,
  ClinicRole,
  AppointmentStatus,
} from './schema.js';
export { isExclusionViolation, isRetryableConflict } from './errors.js';
