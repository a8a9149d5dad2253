/**
 * Vitest global setup for the projects whose tests open databases (db,
 * server): makes the migrated PGlite template once, before any test file
 * starts, so that parallel test files load it instead of racing to make it.
 */
import { ensurePgliteTemplate } from './pglite-template.js';

/** Runs once per test run, in Vitest's main process. */
export default async function setup(): Promise<void> {
  await ensurePgliteTemplate();
}
