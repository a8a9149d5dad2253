/**
 * Only the big import of the reliability suite (a zip of two-hour FIT runs,
 * with `/api/health` watched and the server's peak memory read), on PGlite,
 * against the built server: `npx tsx --conditions=source
 * bench/reliability/big-import-only.ts [--files 120] [--no-build]`. One JSON
 * line per check (the big import, then the export and the logins that
 * `heavyWork` runs after it).
 */
import { heavyWork } from './checks.js';
import { historyZip } from './fixtures.js';
import { buildServer, initialise, pgliteDatabase, startServer, stopServer } from './harness.js';

const at = process.argv.indexOf('--files');
const files = at >= 0 ? Number(process.argv[at + 1]) : 120;
if (!process.argv.includes('--no-build')) buildServer();
const zip = await historyZip(files, 7200);
const db = pgliteDatabase();
try {
  await initialise(db);
  const server = await startServer(db);
  try {
    for (const result of await heavyWork(server, db.kind, { zip, files, logins: 10 }))
      console.log(JSON.stringify(result));
  } finally {
    await stopServer(server);
  }
} finally {
  await db.drop();
}
