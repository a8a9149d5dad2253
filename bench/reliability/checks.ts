/**
 * The reliability checks, each against a running server (`harness.ts`):
 *
 * - {@link bombs}: each upload bomb gets a clear 4xx or per-file error
 *   within 5 s, the server's memory stays under 600 MB and `/api/health`
 *   answers with p99 under 200 ms while it runs;
 * - {@link fuzz}: thousands of malformed requests over every route of the
 *   OpenAPI document (bodies, paths, queries, headers): no 5xx;
 * - {@link concurrency}: 200 requests at once on every state-changing
 *   route: no 5xx, and every acknowledged write is there afterwards;
 * - {@link durability}: writes acknowledged before a `kill -9` are there
 *   after the restart.
 *
 * Each returns plain numbers and a list of failures (empty when it holds).
 */
import { randomBytes } from 'node:crypto';
import { calmAnswer, loadKnowledgeBase, type AnswerValue } from '@backtrack/core';
import type { Bomb } from './fixtures.js';
import {
  Client,
  inParallel,
  killServer,
  round,
  startServer,
  watch,
  type Reply,
  type RunningServer,
  type ServerDatabase,
} from './harness.js';

/** What a check found. */
export interface CheckResult {
  name: string;
  database: string;
  failures: string[];
  [measure: string]: unknown;
}

/** The limits of issue 10. */
export const LIMITS = { bombSeconds: 5, rssMb: 600, healthP99Ms: 200 } as const;

/** Limits a check judges by (LIMITS unless the caller says otherwise). */
export type Limits = { readonly [K in keyof typeof LIMITS]: number };

/**
 * The limits of the CI form: there the server shares two cores with the
 * rest of the test suite, so a health probe also waits for other processes'
 * turns on the CPU. A stall of the server's own thread (the bug this guards
 * against took tens of seconds) still fails it; the 200 ms figure is
 * measured by `npm run reliability` on a quiet machine.
 */
export const CI_LIMITS: Limits = { ...LIMITS, healthP99Ms: 1000 };

function uploadForm(file: string, bytes: Buffer): FormData {
  const form = new FormData();
  form.append('files', new File([bytes], file));
  return form;
}

/** A new account on the server, signed in. */
async function signedIn(server: RunningServer, label: string): Promise<Client> {
  const client = new Client(server.url);
  await client.register(`${label}-${randomBytes(4).toString('hex')}@example.org`);
  return client;
}

/** Uploads each bomb (one at a time) while watching the server. */
export async function bombs(
  server: RunningServer,
  database: string,
  list: readonly Bomb[],
  limits: Limits = LIMITS,
): Promise<CheckResult[]> {
  const client = await signedIn(server, 'bombs');
  // An ordinary import first: the worker thread starts (and stays 30 s) as after any recent import.
  await client.request('POST', '/api/activities/import', {
    body: uploadForm('warm-up.gpx', Buffer.from('<gpx></gpx>')),
  });
  const out: CheckResult[] = [];
  for (const bomb of list) {
    const started = performance.now();
    const seen = await watch(server, () =>
      client.request('POST', '/api/activities/import', { body: uploadForm(bomb.file, bomb.bytes) }),
    );
    const seconds = round((performance.now() - started) / 1000);
    const reply = seen.result;
    const body = reply.json as { errors?: { message: string }[]; error?: { message: string } };
    const said = body.error?.message ?? body.errors?.map((e) => e.message).join('; ') ?? '';
    const failures: string[] = [];
    const clear = reply.status >= 400 && reply.status < 500;
    const perFile = reply.status === 200 && (body.errors?.length ?? 0) > 0;
    if (!clear && !perFile)
      failures.push(`${bomb.name}: ${String(reply.status)} without a per-file error`);
    if (seconds > limits.bombSeconds) failures.push(`${bomb.name}: took ${String(seconds)} s`);
    if (seen.peakRssMb > limits.rssMb)
      failures.push(`${bomb.name}: server memory reached ${String(seen.peakRssMb)} MB`);
    if (seen.healthP99Ms > limits.healthP99Ms)
      failures.push(`${bomb.name}: /api/health p99 ${String(seen.healthP99Ms)} ms`);
    out.push({
      name: `bomb ${bomb.name}`,
      database,
      what: bomb.what,
      uploadKiB: round(bomb.bytes.length / 1024),
      status: reply.status,
      seconds,
      peakRssMb: seen.peakRssMb,
      healthP99Ms: seen.healthP99Ms,
      healthMaxMs: seen.healthMaxMs,
      healthProbes: seen.healthMs.length,
      message: said.slice(0, 160),
      failures,
    });
  }
  return out;
}

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
}

/** The routes of the server's OpenAPI document. */
async function operations(server: RunningServer): Promise<Operation[]> {
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  };
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      out.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      });
    }
  }
  return out;
}

/** A small seeded random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  ' ',
  '0001-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-03-02',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '<script>',
  "'; drop table users; --",
  'a'.repeat(5000),
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'NaN',
  '-1',
  '1e309',
  'true',
  'null',
];

/** A random JSON value, nested up to `depth`. */
function value(rand: () => number, depth: number): unknown {
  const pick = Math.floor(rand() * (depth > 0 ? 12 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return Math.floor(rand() * 2000) - 1000;
    case 3:
      return [Number.MAX_SAFE_INTEGER, -1e308, 1e308, 0.1, -0][Math.floor(rand() * 5)];
    case 4:
    case 5:
    case 6:
      return STRINGS[Math.floor(rand() * STRINGS.length)];
    case 7:
      return randomBytes(Math.floor(rand() * 20)).toString('base64');
    case 8:
      return {};
    case 9:
      return Array.from({ length: Math.floor(rand() * 4) }, () => value(rand, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      for (const key of FIELDS.slice(0, 1 + Math.floor(rand() * 6)))
        o[FIELDS[Math.floor(rand() * FIELDS.length)] ?? key] = value(rand, depth - 1);
      return o;
    }
  }
}

/** Field names the API's bodies use, so that mutated bodies reach the validators' deeper checks. */
const FIELDS = [
  'email',
  'password',
  'mode',
  'questionId',
  'value',
  'assessmentId',
  'startDate',
  'profile',
  'date',
  'painDuring',
  'painAfter',
  'painNextMorning',
  'sessionsDone',
  'sessionsPlanned',
  'runningDaysPerWeek',
  'weeklyKm',
  'units',
  'answers',
  '__proto__',
  'constructor',
];

/**
 * Sends `count` malformed requests (seeded) over every route, signed in,
 * `parallel` at a time; counts statuses and lists every 5xx.
 */
export async function fuzz(
  server: RunningServer,
  database: string,
  options: { count: number; parallel?: number; seed?: number },
): Promise<CheckResult> {
  const client = await signedIn(server, 'fuzz');
  // Real ids, so some requests reach the services.
  const started = await client.request('POST', '/api/assessments', { json: { mode: 'adaptive' } });
  const realId = (started.json as { id?: string } | undefined)?.id ?? 'x';
  const ops = await operations(server);
  const rand = random(options.seed ?? 10);
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  const begun = performance.now();
  await inParallel(options.count, options.parallel ?? 16, async () => {
    const op = ops[Math.floor(rand() * ops.length)];
    if (!op) return;
    let path = op.path;
    for (const p of op.params) {
      const v = rand() < 0.3 ? realId : String(value(rand, 0));
      path = path.replace(`{${p}}`, encodeURIComponent(v).slice(0, 3000) || '%20');
    }
    if (rand() < 0.05) path += `/${encodeURIComponent(String(value(rand, 0)))}`;
    const query = op.query
      .filter(() => rand() < 0.7)
      .map((q) => `${q}=${encodeURIComponent(String(value(rand, 0))).slice(0, 2000)}`);
    if (rand() < 0.2) query.push(`${FIELDS[Math.floor(rand() * FIELDS.length)] ?? 'x'}=1`);
    const method =
      rand() < 0.9
        ? op.method
        : (['GET', 'POST', 'PUT', 'DELETE', 'PATCH'][Math.floor(rand() * 5)] ?? 'GET');
    const headers: Record<string, string> = {};
    const r = rand();
    let body: string | undefined;
    if (!['GET', 'HEAD'].includes(method)) {
      body =
        r < 0.7
          ? JSON.stringify(value(rand, 3))
          : r < 0.8
            ? '{"unterminated": '
            : r < 0.9
              ? randomBytes(Math.floor(rand() * 200)).toString('latin1')
              : JSON.stringify({ a: 'x'.repeat(70 * 1024) });
      headers['content-type'] =
        rand() < 0.8
          ? 'application/json'
          : ([
              'text/plain',
              'multipart/form-data; boundary=x',
              'application/json; charset=latin1',
              '',
            ][Math.floor(rand() * 4)] ?? '');
    }
    if (rand() < 0.1) headers['x-csrf-token'] = 'wrong';
    if (rand() < 0.05) headers.cookie = 'bt_session=forged; bt_csrf=forged';
    if (rand() < 0.05) headers.accept = 'text/html';
    let reply: Reply;
    try {
      reply = await client.request(
        method,
        `${path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
        { ...(body === undefined ? {} : { body }), headers },
      );
    } catch (error) {
      failures.push(`${method} ${path}: no answer (${String(error)})`);
      return;
    }
    const key = String(reply.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (reply.status >= 500 && failures.length < 20)
      failures.push(`${method} ${path}: ${String(reply.status)} ${reply.text.slice(0, 200)}`);
  });
  const fivexx = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, c]) => n + c, 0);
  if (fivexx > 0 && failures.length === 0) failures.push(`${String(fivexx)} responses were 5xx`);
  return {
    name: 'fuzz',
    database,
    requests: options.count,
    routes: ops.length,
    seconds: round((performance.now() - begun) / 1000),
    fivexx,
    statuses,
    failures,
  };
}

const kb = loadKnowledgeBase();

/** A finished interview, so that a plan can be saved from it. */
async function finishedInterview(client: Client): Promise<string> {
  const start = await client.request('POST', '/api/assessments', { json: { mode: 'adaptive' } });
  let interview = start.json as { id: string; next: { question: { id: string } } | null };
  const given: Record<string, AnswerValue> = {};
  for (let i = 0; i < 200 && interview.next; i++) {
    const question = kb.questions.find((q) => q.id === interview.next?.question.id);
    if (!question) throw new Error(`unknown question ${interview.next.question.id}`);
    // Warning signs get their calm answer; the rest is skipped (enough for a plan).
    const value = question.redFlag ? calmAnswer(question, given) : undefined;
    if (value !== undefined) given[question.id] = value;
    const res =
      value === undefined
        ? await client.request('POST', `/api/assessments/${interview.id}/skip`, {
            json: { questionId: question.id },
          })
        : await client.request('POST', `/api/assessments/${interview.id}/answers`, {
            json: { questionId: question.id, value },
          });
    if (res.status !== 200) throw new Error(`interview stuck at ${question.id}: ${res.text}`);
    interview = res.json as typeof interview;
  }
  return interview.id;
}

/** `n` statuses in a count table. */
function tally(replies: readonly Reply[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) out[String(r.status)] = (out[String(r.status)] ?? 0) + 1;
  return out;
}

/**
 * `width` requests at once on each state-changing route; checks no 5xx and
 * that what was acknowledged is stored.
 */
export async function concurrency(
  server: RunningServer,
  database: string,
  options: { width: number; /** A zip holding one activity file. */ fitFile: Buffer },
): Promise<CheckResult[]> {
  const { width } = options;
  const out: CheckResult[] = [];
  const record = (name: string, replies: Reply[], failures: string[], seconds: number) => {
    const fivexx = replies.filter((r) => r.status >= 500);
    for (const r of fivexx.slice(0, 5))
      failures.push(`${String(r.status)} ${r.text.slice(0, 200)}`);
    out.push({
      name: `concurrency ${name}`,
      database,
      width,
      seconds,
      statuses: tally(replies),
      failures,
    });
  };
  const timed = async (run: () => Promise<Reply[]>) => {
    const begun = performance.now();
    const replies = await run();
    return { replies, seconds: round((performance.now() - begun) / 1000) };
  };

  const owner = await signedIn(server, 'owner');
  const email = `${randomBytes(4).toString('hex')}-login@example.org`;
  await new Client(server.url).register(email, 'the right password');
  {
    const { replies, seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: width }, (_, i) =>
          new Client(server.url).request('POST', '/api/auth/login', {
            json: { email, password: i % 4 === 0 ? 'the right password' : 'a wrong password' },
          }),
        ),
      ),
    );
    const checked = replies.filter((r) => r.status === 401).length;
    record('login', replies, [], seconds);
    const last = out[out.length - 1];
    if (last) last.wrongPasswordsChecked = checked;
  }

  // Answers: everyone answers the same interview's next question at once.
  {
    const start = await owner.request('POST', '/api/assessments', { json: { mode: 'adaptive' } });
    const interview = start.json as { id: string; next: { question: { id: string } } };
    const question = kb.questions.find((q) => q.id === interview.next.question.id);
    if (!question) throw new Error(`unknown question ${interview.next.question.id}`);
    const value = calmAnswer(question, {});
    const { replies, seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: width }, () =>
          owner.request('POST', `/api/assessments/${interview.id}/answers`, {
            json: { questionId: question.id, value },
          }),
        ),
      ),
    );
    const failures: string[] = [];
    const stored = await owner.request('GET', `/api/assessments/${interview.id}`);
    const asked = (stored.json as { asked: string[] }).asked;
    if (replies.some((r) => r.status === 200) && !asked.includes(interview.next.question.id))
      failures.push('an acknowledged answer is missing');
    record('answers', replies, failures, seconds);
  }

  // Plan save: the same plan many times (idempotent), then check-ins on many days.
  const assessmentId = await finishedInterview(owner);
  const today = new Date().toISOString().slice(0, 10);
  const startDate = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  let planId: string | undefined;
  {
    const { replies, seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: width }, () =>
          owner.request('POST', '/api/plans', { json: { assessmentId, startDate } }),
        ),
      ),
    );
    const failures: string[] = [];
    const ids = new Set(
      replies.filter((r) => r.status < 300).map((r) => (r.json as { id: string }).id),
    );
    if (ids.size > 1) failures.push(`${String(ids.size)} plans for one request repeated`);
    planId = [...ids][0];
    const list = await owner.request('GET', '/api/plans');
    const listed = (list.json as { plans: { id: string }[] }).plans.map((p) => p.id);
    for (const id of ids)
      if (!listed.includes(id)) failures.push(`plan ${id} acknowledged, not listed`);
    record('plan save', replies, failures, seconds);
  }

  if (planId !== undefined) {
    const days = Array.from({ length: 30 }, (_, i) =>
      new Date(Date.parse(`${startDate}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    ).filter((d) => d <= today);
    const { replies, seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: width }, (_, i) =>
          owner.request('POST', `/api/plans/${planId}/checkins`, {
            json: {
              date: days[i % days.length],
              painDuring: i % 4,
              painAfter: i % 5,
              painNextMorning: i % 3,
              sessionsDone: 1,
              sessionsPlanned: 1,
            },
          }),
        ),
      ),
    );
    const failures: string[] = [];
    const acked = new Set(
      replies
        .filter((r) => r.status === 201)
        .map((r) => (r.json as { checkIn: { date: string } }).checkIn.date),
    );
    const plan = await owner.request('GET', `/api/plans/${planId}`);
    const stored = new Set(
      (plan.json as { checkIns: { date: string }[] }).checkIns.map((c) => c.date),
    );
    for (const d of acked)
      if (!stored.has(d)) failures.push(`check-in ${d} acknowledged, not stored`);
    record('check-ins', replies, failures, seconds);
  }

  // Imports: the same file at once (the pool's queue answers 429 beyond its bound).
  let activityId: string | undefined;
  {
    const { replies, seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: width }, () =>
          owner.request('POST', '/api/activities/import', {
            body: uploadForm('run.zip', options.fitFile),
          }),
        ),
      ),
    );
    const failures: string[] = [];
    const imported = replies
      .filter((r) => r.status === 200)
      .reduce((n, r) => n + (r.json as { imported: number }).imported, 0);
    const busy = replies.filter((r) => r.status === 429);
    if (busy.some((r) => r.headers.get('retry-after') === null))
      failures.push('a 429 without Retry-After');
    const list = await owner.request('GET', '/api/activities');
    const page = list.json as { activities: { id: string }[]; total: number };
    activityId = page.activities[0]?.id;
    if (imported !== page.total)
      failures.push(`${String(imported)} imported, ${String(page.total)} stored`);
    record('import', replies, failures, seconds);
    const last = out[out.length - 1];
    if (last) Object.assign(last, { imported, busy: busy.length });
  }

  // Delete: the same activity at once: one 204, the others 404.
  if (activityId !== undefined) {
    const { replies, seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: width }, () =>
          owner.request('DELETE', `/api/activities/${activityId}`),
        ),
      ),
    );
    const failures: string[] = [];
    const deleted = replies.filter((r) => r.status === 204).length;
    if (deleted !== 1) failures.push(`${String(deleted)} deletes of one activity acknowledged`);
    record('delete', replies, failures, seconds);
  }

  // Last: it uses up the address's sign-up allowance.
  // Registration: different emails and one email many times.
  {
    const tag = randomBytes(3).toString('hex');
    const { replies, seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: width }, (_, i) =>
          new Client(server.url).request('POST', '/api/auth/register', {
            json: {
              email: `c${tag}-${String(i % 2 === 0 ? i : 0)}@example.org`,
              password: 'a long enough password',
            },
          }),
        ),
      ),
    );
    record('register', replies, [], seconds);
  }
  return out;
}

/**
 * Rounds of: start the server, write (start interviews) from several
 * clients, `kill -9` it mid-writes, restart, and check every acknowledged
 * write is there.
 */
export async function durability(
  db: ServerDatabase,
  options: { rounds: number; killAfterMs?: number },
): Promise<CheckResult> {
  const failures: string[] = [];
  let acknowledged = 0;
  let server = await startServer(db);
  const ids: string[] = [];
  try {
    const client = await signedIn(server, 'durable');
    for (let round = 0; round < options.rounds; round++) {
      let writing = true;
      const writers = Array.from({ length: 4 }, async () => {
        while (writing) {
          try {
            const res = await client.request('POST', '/api/assessments', {
              json: { mode: 'adaptive' },
            });
            if (res.status === 201) ids.push((res.json as { id: string }).id);
          } catch {
            return; // the server is gone
          }
        }
      });
      await new Promise((r) => setTimeout(r, options.killAfterMs ?? 700 + Math.random() * 600));
      await killServer(server);
      writing = false;
      await Promise.all(writers);
      server = await startServer(db, { port: server.port });
      const missing: string[] = [];
      await inParallel(ids.length, 8, async (i) => {
        const id = ids[i];
        if (id === undefined) return;
        const res = await client.request('GET', `/api/assessments/${id}`);
        if (res.status !== 200) missing.push(`${id} (${String(res.status)})`);
      });
      if (missing.length > 0)
        failures.push(
          `round ${String(round + 1)}: ${String(missing.length)} acknowledged writes lost: ${missing.slice(0, 3).join(', ')}`,
        );
      acknowledged = ids.length;
    }
  } finally {
    await killServer(server);
  }
  return {
    name: 'kill -9 durability',
    database: db.kind,
    rounds: options.rounds,
    acknowledged,
    failures,
  };
}

/**
 * A big real import (a zip of `files` two-hour FIT runs), then the export of
 * everything, then `logins` password checks at once, each while watching
 * `/api/health`: none of the three may stall the thread that answers it.
 */
export async function heavyWork(
  server: RunningServer,
  database: string,
  options: { zip: Buffer; files: number; logins: number },
): Promise<CheckResult[]> {
  const client = await signedIn(server, 'heavy');
  const out: CheckResult[] = [];
  const judge = (
    name: string,
    seen: { healthP99Ms: number; peakRssMb: number },
    failures: string[],
  ) => {
    if (seen.healthP99Ms > LIMITS.healthP99Ms)
      failures.push(`${name}: /api/health p99 ${String(seen.healthP99Ms)} ms`);
    if (seen.peakRssMb > LIMITS.rssMb)
      failures.push(`${name}: memory ${String(seen.peakRssMb)} MB`);
    return failures;
  };
  let begun = performance.now();
  const imported = await watch(server, () =>
    client.request('POST', '/api/activities/import', {
      body: uploadForm('history.zip', options.zip),
    }),
  );
  const count = (imported.result.json as { imported?: number }).imported ?? 0;
  out.push({
    name: 'big import',
    database,
    uploadMiB: round(options.zip.length / 1024 / 1024),
    files: options.files,
    imported: count,
    status: imported.result.status,
    seconds: round((performance.now() - begun) / 1000),
    healthP99Ms: imported.healthP99Ms,
    healthMaxMs: imported.healthMaxMs,
    healthProbes: imported.healthMs.length,
    peakRssMb: imported.peakRssMb,
    failures: judge(
      'big import',
      imported,
      count === options.files ? [] : [`imported ${String(count)} of ${String(options.files)}`],
    ),
  });
  begun = performance.now();
  const exported = await watch(server, () => client.request('GET', '/api/me/export'));
  out.push({
    name: 'export',
    database,
    status: exported.result.status,
    exportMiB: round(exported.result.text.length / 1024 / 1024),
    seconds: round((performance.now() - begun) / 1000),
    healthP99Ms: exported.healthP99Ms,
    healthMaxMs: exported.healthMaxMs,
    peakRssMb: exported.peakRssMb,
    failures: judge('export', exported, exported.result.status === 200 ? [] : ['export failed']),
  });
  const email = `${randomBytes(4).toString('hex')}-hash@example.org`;
  await new Client(server.url).register(email, 'the right password');
  begun = performance.now();
  const hashed = await watch(server, () =>
    Promise.all(
      Array.from({ length: options.logins }, () =>
        new Client(server.url).request('POST', '/api/auth/login', {
          json: { email, password: 'the right password' },
        }),
      ),
    ),
  );
  out.push({
    name: 'password hashing',
    database,
    logins: options.logins,
    statuses: tally(hashed.result),
    seconds: round((performance.now() - begun) / 1000),
    healthP99Ms: hashed.healthP99Ms,
    healthMaxMs: hashed.healthMaxMs,
    // Memory is reported, not judged here: scrypt's memory is the password hasher's (auth/passwords.ts).
    peakRssMb: hashed.peakRssMb,
    failures:
      hashed.healthP99Ms > LIMITS.healthP99Ms
        ? [`password hashing: /api/health p99 ${String(hashed.healthP99Ms)} ms`]
        : [],
  });
  return out;
}
