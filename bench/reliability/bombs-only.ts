/**
 * Only the upload bombs of the reliability suite, on PGlite (or, with
 * `--postgres`, on a fresh database of the PostgreSQL test server), against
 * the built server: `npx tsx --conditions=source bench/reliability/bombs-only.ts`
 * (add `--no-build` to reuse `apps/server/dist`). One JSON line per bomb.
 */
import { bombs } from './checks.js';
import { makeBombs } from './fixtures.js';
import {
  buildServer,
  initialise,
  pgliteDatabase,
  postgresDatabase,
  startServer,
  stopServer,
} from './harness.js';

if (!process.argv.includes('--no-build')) buildServer();
const list = await makeBombs({ inflateBytes: 1024 * 1024 * 1024 });
const db = process.argv.includes('--postgres') ? await postgresDatabase() : pgliteDatabase();
try {
  await initialise(db);
  const server = await startServer(db);
  try {
    for (const result of await bombs(server, db.kind, list)) console.log(JSON.stringify(result));
    if (process.argv.includes('--server-output')) console.log(server.output());
  } finally {
    await stopServer(server);
  }
} finally {
  await db.drop();
}
