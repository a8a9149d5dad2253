/**
 * Benchmark of the clinician's pre-visit summary with autocannon, against
 * the built server as its own process, on PGlite and PostgreSQL: a clinic,
 * a runner who assessed, saved a plan, checked in 28 times and booked the
 * free analysis sharing everything; then `GET
 * /api/clinician/runners/:runnerId/summary` as the clinician (session
 * lookup, consent check, assessment, plan replay over the check-ins,
 * training report, the core's `buildPreVisitSummary`, and the audit rows
 * of every read) under `--connections` (default 10) for `--duration`
 * seconds (default 10).
 *
 * Run: `npm run bench:summary`. Prints one JSON line per database; results
 * are recorded in bench/README.md.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { confirmTokenOf, registrationLinkIn } from '../e2e/support/outbox.js';
import { benchBothDatabases, report, startServer, stopServer } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DURATION_S = option('duration', 10);
const CONNECTIONS = option('connections', 10);
const DAY_MS = 86_400_000;

/** A cookie-keeping client that sends the CSRF header. */
function client(url: string) {
  const cookies = new Map<string, string>();
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (method !== 'GET' && !cookies.has('bt_csrf')) await call('GET', '/api/auth/csrf');
    const res = await fetch(url + path, {
      method,
      headers: {
        cookie: header(),
        'content-type': 'application/json',
        'x-csrf-token': decodeURIComponent(cookies.get('bt_csrf') ?? ''),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${String(res.status)}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return { call, header };
}

interface Interview {
  id: string;
  status: string;
  next: { question: { id: string; type: string; options?: { id: string }[]; min?: number } } | null;
}

/** Answers of an adult runner where the first option or the minimum would not be one. */
const OVERRIDES: Record<string, string | number> = { age: 34, pain_now: 3, weekly_km: 30 };

/** Answers every question with its first option (or the minimum): a complete, benign-enough assessment. */
async function assess(c: ReturnType<typeof client>): Promise<string> {
  let i = await c.call<Interview>('POST', '/api/assessments', { mode: 'adaptive' });
  for (let n = 0; n < 200 && i.next; n++) {
    const q = i.next.question;
    const value =
      OVERRIDES[q.id] ??
      (q.type === 'yes_no'
        ? 'no'
        : q.type === 'body_regions'
          ? ['low_back_centre']
          : q.type === 'multi'
            ? [q.options?.find((o) => o.id === 'none')?.id ?? q.options?.[0]?.id ?? '']
            : q.options
              ? (q.options.find((o) => o.id === 'no')?.id ?? q.options[0]?.id ?? '')
              : (q.min ?? 0));
    i = await c.call<Interview>('POST', `/api/assessments/${i.id}/answers`, {
      questionId: q.id,
      value,
    });
  }
  if (i.status !== 'done') i = await c.call<Interview>('POST', `/api/assessments/${i.id}/finish`);
  return i.id;
}

await benchBothDatabases(root, async (database, _config, env) => {
  const outbox = mkdtempSync(path.join(tmpdir(), 'bt-summary-outbox-'));
  const { url, child } = await startServer(root, { ...env, BACKTRACK_OUTBOX_DIR: outbox });
  /** Registers as a person does: the link from the outbox finishes it. */
  const register = async (c: ReturnType<typeof client>, email: string) => {
    await c.call('POST', '/api/auth/register', { email, password: 'a long enough password' });
    const token = confirmTokenOf(await registrationLinkIn(outbox, email));
    await c.call('POST', '/api/auth/register/confirm', { token });
  };
  try {
    const clinician = client(url);
    await register(clinician, 'clinician@bench.test');
    const clinic = await clinician.call<{
      id: string;
      clinicians: { id: string }[];
      appointmentTypes: { id: string; key: string }[];
    }>('POST', '/api/clinics', {
      name: 'Bench clinic',
      address: 'Street 1',
      timeZone: 'UTC',
      bufferMinutes: 0,
      minNoticeMinutes: 0,
      displayName: 'Bench Physio',
    });
    await clinician.call(
      'PUT',
      `/api/clinics/${clinic.id}/members/${clinic.clinicians[0]?.id ?? ''}/working-hours`,
      {
        blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
      },
    );
    const runner = client(url);
    await register(runner, 'runner@bench.test');
    const assessmentId = await assess(runner);
    const start = new Date(Date.now() - 27 * DAY_MS).toISOString().slice(0, 10);
    const plan = await runner.call<{ id: string }>('POST', '/api/plans', {
      assessmentId,
      startDate: start,
      weeks: 6,
    });
    for (let d = 0; d < 28; d++)
      await runner.call('POST', `/api/plans/${plan.id}/checkins`, {
        date: new Date(Date.parse(start) + d * DAY_MS).toISOString().slice(0, 10),
        painDuring: 3,
        painAfter: 3,
        painNextMorning: 2,
        sessionsDone: 1,
        sessionsPlanned: 1,
      });
    const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
    const typeId = clinic.appointmentTypes.find((t) => t.key === 'running_analysis')?.id ?? '';
    const slots = await runner.call<{ slots: { start: string }[] }>(
      'GET',
      `/api/clinics/${clinic.id}/slots?appointmentTypeId=${typeId}&from=${tomorrow}&to=${tomorrow}`,
    );
    await runner.call('POST', '/api/bookings', {
      clinicId: clinic.id,
      appointmentTypeId: typeId,
      start: slots.slots[0]?.start,
      assessmentId,
      share: { assessment: true, plan: true, checkins: true, training: true },
    });
    const me = await runner.call<{ user: { id: string } }>('GET', '/api/auth/me');
    const path = `/api/clinician/runners/${me.user.id}/summary`;
    await clinician.call('GET', path);
    const result = await autocannon({
      url: url + path,
      headers: { cookie: clinician.header() },
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    if (result.non2xx > 0) throw new Error(`${String(result.non2xx)} answers were not 2xx`);
    report(database, 'GET /api/clinician/runners/:runnerId/summary', result);
  } finally {
    await stopServer(child);
  }
});
