/**
 * Benchmark of clinic booking with autocannon, on the embedded database
 * (PGlite) and on PostgreSQL, against the built server as its own process:
 *
 * - **GET /api/clinics/:id/slots** for 14 days (the `see_clinician` window)
 *   of a clinic with 4 clinicians working 08:00–20:00 every day and 300
 *   appointments already booked: working hours, absences and bookings read,
 *   the core's slot computation, some 170 KB of JSON;
 * - **POST /api/bookings**: session lookup, the requested start checked
 *   against the slot computation, the insert under the exclusion constraint,
 *   consent, reminder job and audit in one transaction, then the
 *   confirmation mail with its `.ics` (to the outbox folder). Every request
 *   books a different free slot (autocannon's `setupRequest` rotates the
 *   body), so each is a real booking, none a 409.
 *
 * Run: `npm run bench:booking` (PostgreSQL from TEST_DATABASE_URL, default
 * the test server of scripts/setup-test-deps.sh; skipped when not reachable).
 * Options: `--duration <s>` (slot listing, default 10), `--bookings <n>`
 * (default 1000), `--connections <n>` (default 10). Prints one JSON line per
 * measurement; results are recorded in bench/README.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEFAULT_APPOINTMENT_TYPES } from '@backtrack/core';
import { createRepositories, openDatabase, type DatabaseConfig } from '@backtrack/db';
import { benchBothDatabases, report, startServer, stopServer } from './harness.js';
import { signedInHeaders } from './api-seed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DURATION_S = option('duration', 10);
const BOOKINGS = option('bookings', 1000);
const CONNECTIONS = option('connections', 10);
const CLINICIANS = 4;
const PRE_BOOKED = 300;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const T0 = new Date();
/** The first bookable day: tomorrow (UTC), so no slot is in the past. */
const FIRST_DAY = new Date(Date.parse(T0.toISOString().slice(0, 10)) + DAY_MS);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Seeds a clinic in UTC (so slot times are plain arithmetic here), its
 * clinicians working 08:00–20:00 every day, a 30-minute type with a 10-minute
 * buffer, `PRE_BOOKED` appointments, and a runner with a session.
 */
async function seed(config: DatabaseConfig) {
  const database = await openDatabase(config);
  const repos = createRepositories(database.db);
  const suffix = randomBytes(4).toString('hex');
  const user = async (email: string) => {
    const row = await repos.users.create({ email, passwordHash: 'x', now: T0 });
    if (!row) throw new Error(`could not create ${email}`);
    return row;
  };
  const clinic = await repos.clinics.create({
    name: `Bench clinic ${suffix}`,
    address: 'Bench Street 1',
    timeZone: 'UTC',
    bufferMinutes: 10,
    minNoticeMinutes: 0,
    now: T0,
  });
  const analysis = DEFAULT_APPOINTMENT_TYPES[0];
  if (!analysis) throw new Error('no default appointment type');
  const type = await repos.clinics.addAppointmentType({
    clinicId: clinic.id,
    key: analysis.key,
    name: analysis.name,
    durationMinutes: 30,
    priceCents: 0,
    currency: 'EUR',
    description: analysis.description,
    now: T0,
  });
  const memberIds: string[] = [];
  for (let i = 0; i < CLINICIANS; i++) {
    const u = await user(`clinician${String(i)}-${suffix}@bench.test`);
    const m = await repos.clinics.addMember({
      clinicId: clinic.id,
      userId: u.id,
      role: 'clinician',
      displayName: `Clinician ${String(i)}`,
      now: T0,
    });
    await repos.clinics.replaceWorkingHours(
      clinic.id,
      m.id,
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinutes: 480, endMinutes: 1200 })),
    );
    memberIds.push(m.id);
  }
  const runner = await user(`runner-${suffix}@bench.test`);
  const token = randomBytes(32).toString('base64url');
  await repos.sessions.create({
    idHash: createHash('sha256').update(token).digest('hex'),
    userId: runner.id,
    now: T0,
    expiresAt: new Date(T0.getTime() + DAY_MS),
  });

  // Every start 45 minutes apart (30 + 10 buffer, on the 15-minute grid) of each clinician's day:
  // 16 per clinician and day. The first PRE_BOOKED are booked now; the rest are for the benchmark.
  const starts: { clinicianId: string; start: Date }[] = [];
  for (let day = 0; day < 31; day++)
    for (let k = 0; k < 16; k++)
      for (const clinicianId of memberIds)
        starts.push({
          clinicianId,
          start: new Date(FIRST_DAY.getTime() + day * DAY_MS + (480 + k * 45) * MINUTE_MS),
        });
  for (const s of starts.slice(0, PRE_BOOKED)) {
    const id = crypto.randomUUID();
    await repos.bookings.create({
      id,
      seriesId: id,
      clinicId: clinic.id,
      clinicianId: s.clinicianId,
      runnerId: runner.id,
      appointmentTypeId: type.id,
      startsAt: s.start,
      endsAt: new Date(s.start.getTime() + 30 * MINUTE_MS),
      blockedUntil: new Date(s.start.getTime() + 40 * MINUTE_MS),
      status: 'booked',
      now: T0,
    });
  }
  await database.close();
  return { token, clinicId: clinic.id, typeId: type.id, free: starts.slice(PRE_BOOKED) };
}

async function run(
  database: 'pglite' | 'postgres',
  config: DatabaseConfig,
  env: Record<string, string>,
) {
  const seeded = await seed(config);
  if (seeded.free.length < BOOKINGS + 100) throw new Error('not enough free slots seeded');
  const outbox = mkdtempSync(path.join(tmpdir(), 'backtrack-bench-outbox-'));
  const { url, child } = await startServer(root, { ...env, BACKTRACK_OUTBOX_DIR: outbox });
  try {
    const headers = signedInHeaders(seeded.token);
    const slotsPath = `/api/clinics/${seeded.clinicId}/slots?appointmentTypeId=${seeded.typeId}&from=${isoDate(FIRST_DAY)}&to=${isoDate(new Date(FIRST_DAY.getTime() + 13 * DAY_MS))}`;
    const check = await fetch(url + slotsPath, { headers });
    if (check.status !== 200)
      throw new Error(`GET ${slotsPath}: ${check.status} ${await check.text()}`);
    const count = ((await check.json()) as { slots: unknown[] }).slots.length;

    await autocannon({ url: url + slotsPath, headers, connections: CONNECTIONS, duration: 2 });
    report(
      database,
      `GET /api/clinics/:id/slots (14 days, ${String(CLINICIANS)} clinicians, ${String(count)} slots)`,
      await autocannon({
        url: url + slotsPath,
        headers,
        connections: CONNECTIONS,
        duration: DURATION_S,
      }),
    );

    let next = 0;
    const bookRun = (amount: number) =>
      autocannon({
        url,
        connections: CONNECTIONS,
        amount,
        requests: [
          {
            method: 'POST',
            path: '/api/bookings',
            headers,
            setupRequest: (request) => {
              const slot = seeded.free[next++];
              return {
                ...request,
                body: JSON.stringify({
                  clinicId: seeded.clinicId,
                  appointmentTypeId: seeded.typeId,
                  clinicianId: slot?.clinicianId,
                  start: slot?.start.toISOString(),
                  share: { assessment: false, plan: false, checkins: false, training: false },
                }),
              };
            },
          },
        ],
      });
    await bookRun(50); // warm-up on slots of their own
    report(database, 'POST /api/bookings (a different free slot each)', await bookRun(BOOKINGS));
  } finally {
    await stopServer(child);
    rmSync(outbox, { recursive: true, force: true });
  }
}

await benchBothDatabases(root, run);
