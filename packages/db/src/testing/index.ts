/**
 * `@backtrack/db/testing`: databases for other packages' tests. A fresh,
 * migrated in-memory PGlite loaded from a template (`openTestPglite`), and
 * throwaway PostgreSQL databases when a server is reachable.
 */
export { ensurePgliteTemplate, openTestPglite, pgliteTemplatePath } from './pglite-template.js';
export {
  openThrowawayPostgres,
  testDatabaseKinds,
  testDatabaseUrl,
  DEFAULT_TEST_DATABASE_URL,
  type TestDatabaseKind,
} from './test-databases.js';
