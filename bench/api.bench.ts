/**
 * Benchmark of the HTTP API with autocannon, on the embedded database
 * (PGlite) and on PostgreSQL: the built server (`apps/server/dist/main.js`)
 * runs as its own process on a loopback port, seeded through the
 * repositories beforehand, and is measured for
 *
 * - reading a saved plan (`GET /api/plans/:id`: session lookup, plan,
 *   14 check-ins, adaptations applied), and
 * - submitting an answer mid-interview (`POST /api/assessments/:id/answers`:
 *   session lookup, load, two adaptive next-question computations, versioned
 *   update). Every request answers a different assessment, so each is a
 *   real step, never a 409.
 *
 * Run: `npm run bench:api` (PostgreSQL from TEST_DATABASE_URL, default the
 * test server of scripts/setup-test-deps.sh; skipped when not reachable).
 * Options: `--duration <s>` (plan reads, default 10), `--answers <n>`
 * (default 3000), `--connections <n>` (default 10).
 * Prints one JSON line per measurement; results are recorded in bench/README.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchBothDatabases, report, startServer, stopServer } from './harness.js';
import {
  adaptPlan,
  assess,
  generatePlan,
  loadKnowledgeBase,
  nextQuestion,
  type AnswerValue,
  type CheckIn,
  type Question,
} from '@backtrack/core';
import { createRepositories, openDatabase, type DatabaseConfig } from '@backtrack/db';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DURATION_S = option('duration', 10);
const ANSWERS = option('answers', 3000);
const CONNECTIONS = option('connections', 10);
const kb = loadKnowledgeBase();

/** A calm runner: no warning sign, everything ordinary. */
function calm(q: Question): AnswerValue {
  if (q.id === 'age') return 34;
  switch (q.type) {
    case 'yes_no':
      return 'no';
    case 'single':
      return (
        (q.options?.find((o) => /^(none|no|never|regular)$/.test(o.id)) ?? q.options?.[0])?.id ??
        'no'
      );
    case 'multi':
      return q.options?.some((o) => o.id === 'none') ? ['none'] : [];
    case 'body_regions':
      return ['low_back_centre'];
    case 'number':
      return q.min ?? 0;
    case 'scale':
      return 3;
  }
}

/** Answers `calm` to the interview's questions, stopping `rankingAnswers` answers after the warning-sign screen (or at the end). */
function interviewState(rankingAnswers: number) {
  const answers: Record<string, AnswerValue> = {};
  const asked: string[] = [];
  let ranking = 0;
  for (;;) {
    const step = nextQuestion(kb, { answers, asked }, { mode: 'adaptive' });
    if (step.done) return { answers, asked, open: undefined };
    if (step.stage !== 'red_flags' && ranking++ >= rankingAnswers)
      return { answers, asked, open: step.question };
    asked.push(step.question.id);
    answers[step.question.id] = calm(step.question);
  }
}

const T0 = new Date();
const START = new Date(T0.getTime() - 13 * 86_400_000).toISOString().slice(0, 10);

/** Seeds a user with a session, a finished assessment, a plan with two weeks of check-ins, and `n` interviews mid-way. */
async function seed(config: DatabaseConfig, n: number) {
  const database = await openDatabase(config);
  const repos = createRepositories(database.db);
  const token = randomBytes(32).toString('base64url');
  const user = await repos.users.create({
    email: `bench-${token.slice(0, 8)}@example.org`,
    passwordHash: 'x',
    now: T0,
  });
  if (!user) throw new Error('could not create the bench user');
  const idHash = createHash('sha256').update(token).digest('hex');
  await repos.sessions.create({
    idHash,
    userId: user.id,
    now: T0,
    expiresAt: new Date(T0.getTime() + 86_400_000),
  });
  const owner = { userId: user.id, sessionIdHash: null };

  const finished = interviewState(Infinity);
  const result = assess(kb, finished.answers);
  const done = await repos.assessments.create({ owner, mode: 'adaptive', now: T0 });
  await repos.assessments.update(
    done.id,
    0,
    {
      answers: finished.answers,
      asked: finished.asked,
      status: 'done',
      endedBecause: 'stable',
      result,
      trainingAnswers: null,
    },
    T0,
  );
  const plan = generatePlan(kb, result, finished.answers, { runningDaysPerWeek: 3 });
  if (plan.kind !== 'plan') throw new Error(`the bench runner gets no plan: ${plan.reason}`);
  const saved = await repos.plans.create({
    userId: user.id,
    assessmentId: done.id,
    profile: {},
    plan,
    startDate: START,
    now: T0,
  });
  const checkIns: CheckIn[] = [];
  for (let day = 1; day <= 14; day++) {
    const c = {
      day,
      painDuring: 2,
      painAfter: 2,
      painNextMorning: 2,
      sessionsDone: 1,
      sessionsPlanned: 1,
    };
    checkIns.push(c);
    const date = new Date(Date.parse(`${START}T00:00:00Z`) + (day - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await repos.plans.addCheckIn({ planId: saved.id, date, ...c, now: T0 });
  }
  const week1 = adaptPlan(kb, plan, 1, checkIns.slice(0, 7));
  const adapted = { ...plan, weeks: plan.weeks.map((w, i) => (i === 1 ? week1.nextWeek : w)) };
  const week2 = adaptPlan(kb, adapted, 2, checkIns.slice(7));
  await repos.plans.replaceAdaptationsFrom(
    saved.id,
    1,
    [
      { week: 1, ...week1 },
      { week: 2, ...week2 },
    ],
    T0,
  );

  const mid = interviewState(8);
  if (!mid.open) throw new Error('the interview ended before the measured step');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = await repos.assessments.create({ owner, mode: 'adaptive', now: T0 });
    await repos.assessments.update(
      a.id,
      0,
      {
        answers: mid.answers,
        asked: mid.asked,
        status: 'in_progress',
        endedBecause: null,
        result: null,
        trainingAnswers: null,
      },
      T0,
    );
    ids.push(a.id);
  }
  await database.close();
  return {
    token,
    planId: saved.id,
    assessmentIds: ids,
    question: mid.open,
    answer: calm(mid.open),
    asked: mid.asked.length,
  };
}

async function run(
  database: 'pglite' | 'postgres',
  config: DatabaseConfig,
  env: Record<string, string>,
) {
  const seeded = await seed(config, ANSWERS + 200);
  const { url, child } = await startServer(root, env);
  try {
    const csrf = randomBytes(32).toString('base64url');
    const headers = {
      cookie: `bt_session=${seeded.token}; bt_csrf=${csrf}`,
      'x-csrf-token': csrf,
      'content-type': 'application/json',
    };
    const planPath = `/api/plans/${seeded.planId}`;
    const check = await fetch(url + planPath, { headers });
    if (check.status !== 200)
      throw new Error(`GET ${planPath}: ${check.status} ${await check.text()}`);

    // Warm-up: JIT and connection pools.
    await autocannon({ url: url + planPath, headers, connections: CONNECTIONS, duration: 2 });
    report(
      database,
      'GET /api/plans/:id',
      await autocannon({
        url: url + planPath,
        headers,
        connections: CONNECTIONS,
        duration: DURATION_S,
      }),
    );

    const body = JSON.stringify({ questionId: seeded.question.id, value: seeded.answer });
    let next = 0;
    const answerRun = (amount: number) =>
      autocannon({
        url,
        connections: CONNECTIONS,
        amount,
        requests: [
          {
            method: 'POST',
            headers,
            body,
            setupRequest: (request) => ({
              ...request,
              path: `/api/assessments/${seeded.assessmentIds[next++] ?? ''}/answers`,
            }),
          },
        ],
      });
    await answerRun(200); // warm-up on assessments of their own
    report(
      database,
      `POST /api/assessments/:id/answers (question ${seeded.asked + 1}: ${seeded.question.id})`,
      await answerRun(ANSWERS),
    );
  } finally {
    await stopServer(child);
  }
}

await benchBothDatabases(root, run);
