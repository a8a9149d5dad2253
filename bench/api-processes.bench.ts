/**
 * Benchmark of the HTTP API on PostgreSQL with one and with two server
 * processes (`BACKTRACK_PROCESSES`, node:cluster on one port), in one run:
 * the built server (`apps/server/dist/main.js`) on a throwaway database,
 * seeded through the repositories, measured closed-loop with autocannon
 * (a fixed number of connections, each sending its next request when the
 * last one answers) on
 *
 * - `GET /api/auth/me`: a session look-up and nothing else,
 * - `GET /api/plans/:id`: a saved plan with 14 check-ins, adapted, and
 * - `POST /api/assessments/:id/answers`: the interview's next step (every
 *   request answers a different assessment, so each is a real step).
 *
 * Where the CPU goes is measured beside each run from /proc: the server's
 * processes (primary and workers), PostgreSQL's (all `postgres` processes),
 * this load generator, and the machine as a whole (other work included).
 *
 * Run: `npm run bench:api-processes [-- --duration 10 --connections 20
 * --answers 3000 --rounds 1]` (PostgreSQL from TEST_DATABASE_URL, default the
 * test server of scripts/setup-test-deps.sh). Rounds alternate the order
 * (1 then 2 processes, then 2 then 1). Prints one JSON line per measurement
 * and the ratios; results are recorded in bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  assess,
  calmAnswer,
  generatePlan,
  loadKnowledgeBase,
  nextQuestion,
  type AnswerValue,
  type Question,
} from '@backtrack/core';
import { createRepositories, openDatabase } from '@backtrack/db';
import { rotatingPosts, startServer, stopServer, withBenchPostgres } from './harness.js';
import { signedInHeaders } from './api-seed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    answers: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '1' },
  },
});
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const ANSWERS = Number(values.answers);
const ROUNDS = Number(values.rounds);
const PROCESS_COUNTS = [1, 2] as const;
const kb = loadKnowledgeBase();

/** An ordinary answer: the calm one on the warning-sign screen, a plain one elsewhere. */
function ordinary(q: Question, answers: Readonly<Record<string, AnswerValue>>): AnswerValue {
  if (q.redFlag || q.type === 'yes_no' || q.type === 'number') return calmAnswer(q, answers);
  if (q.type === 'scale') return 3;
  if (q.type === 'body_regions') return ['low_back_centre'];
  const first = q.options?.[0]?.id ?? 'no';
  return q.type === 'multi' ? [first] : first;
}

/** An interview answered ordinarily until `after` questions past the warning signs (or its end). */
function interview(after: number) {
  const answers: Record<string, AnswerValue> = {};
  const asked: string[] = [];
  for (let past = 0; ;) {
    const step = nextQuestion(kb, { answers, asked }, { mode: 'adaptive' });
    if (step.done) return { answers, asked, open: undefined };
    if (step.stage !== 'red_flags' && past++ >= after)
      return { answers, asked, open: step.question };
    asked.push(step.question.id);
    answers[step.question.id] = ordinary(step.question, answers);
  }
}

/** Seeds a runner with a session, a saved plan with 14 check-ins, and `n` interviews mid-way. */
async function seed(url: string, n: number) {
  const database = await openDatabase({ kind: 'postgres', url });
  const repos = createRepositories(database.db);
  const now = new Date();
  const token = randomBytes(32).toString('base64url');
  const user = await repos.users.create({ email: 'bench@example.org', passwordHash: 'x', now });
  if (!user) throw new Error('could not create the bench user');
  await repos.sessions.create({
    idHash: createHash('sha256').update(token).digest('hex'),
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  const owner = { userId: user.id, sessionIdHash: null };
  const done = interview(Infinity);
  const result = assess(kb, done.answers);
  const finished = await repos.assessments.create({ owner, mode: 'adaptive', now });
  const changes = {
    status: 'done',
    endedBecause: 'stable',
    result,
    trainingAnswers: null,
  } as const;
  await repos.assessments.update(
    finished,
    { answers: done.answers, asked: done.asked, ...changes },
    now,
  );
  const plan = generatePlan(kb, result, done.answers, { runningDaysPerWeek: 3 });
  if (plan.kind !== 'plan') throw new Error(`the bench runner gets no plan: ${plan.reason}`);
  const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10);
  const saved = await repos.plans.create({
    userId: user.id,
    assessmentId: finished.id,
    profile: {},
    plan,
    startDate: day(13),
    now,
  });
  for (let d = 13; d >= 0; d--) {
    const pain = { painDuring: 2, painAfter: 2, painNextMorning: 2 };
    const sessions = { sessionsDone: 1, sessionsPlanned: 1 };
    await repos.plans.addCheckIn({
      planId: saved.id,
      date: day(d),
      day: 14 - d,
      ...pain,
      ...sessions,
      now,
    });
  }
  const mid = interview(8);
  if (!mid.open) throw new Error('the interview ended before the measured step');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = await repos.assessments.create({ owner, mode: 'adaptive', now });
    const open = {
      status: 'in_progress',
      endedBecause: null,
      result: null,
      trainingAnswers: null,
    } as const;
    await repos.assessments.update(a, { answers: mid.answers, asked: mid.asked, ...open }, now);
    ids.push(a.id);
  }
  await database.close();
  return {
    token,
    planId: saved.id,
    ids,
    question: mid.open,
    answer: ordinary(mid.open, mid.answers),
  };
}

/** CPU time (user + system) of a process so far, in clock ticks; 0 once it is gone. */
function ticks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Every process, with its parent and command name. */
function processes(): { pid: number; ppid: number; comm: string }[] {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, comm });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Busy and total clock ticks of the whole machine so far. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const n = line.trim().split(/\s+/).slice(1).map(Number);
  const total = n.reduce((s, x) => s + x, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU ticks so far of each process whose command is `postgres`, by pid. */
function postgresTicks(): Map<number, number> {
  return new Map(
    processes()
      .filter((p) => p.comm === 'postgres')
      .map((p) => [p.pid, ticks(p.pid)]),
  );
}

/**
 * Measures `run` and, beside it, the CPU seconds of the server, PostgreSQL,
 * this process and the machine. A PostgreSQL backend that ends during the
 * run is left out (its last ticks are gone with it), so PostgreSQL's figure
 * is a lower bound; one that starts during it counts from zero.
 */
async function withCpu<T>(serverPid: number, run: () => Promise<T>) {
  const server = [
    serverPid,
    ...processes()
      .filter((p) => p.ppid === serverPid)
      .map((p) => p.pid),
  ];
  const sum = (pids: number[]) => pids.reduce((s, pid) => s + ticks(pid), 0);
  const before = { server: sum(server), postgres: postgresTicks(), machine: machineTicks() };
  const self = process.cpuUsage();
  const result = await run();
  const mine = process.cpuUsage(self);
  let postgres = 0;
  for (const [pid, now] of postgresTicks()) postgres += now - (before.postgres.get(pid) ?? 0);
  const machine = machineTicks();
  const hz = 100;
  return {
    result,
    cpu: {
      serverS: +((sum(server) - before.server) / hz).toFixed(2),
      postgresS: +(Math.max(0, postgres) / hz).toFixed(2),
      loadGeneratorS: +((mine.user + mine.system) / 1e6).toFixed(2),
      machineBusyPct: Math.round(
        (100 * (machine.busy - before.machine.busy)) / (machine.total - before.machine.total),
      ),
      cores: cpus().length,
    },
  };
}

type Row = {
  processes: number;
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  /** CPU ms per request: the server's processes, PostgreSQL's, and the load generator's. */
  cost: { server: number; other: number };
};

/**
 * The most requests per second `processes` server processes can answer on
 * `cores` cores when each request costs `server` ms of a server process's
 * CPU and `other` ms elsewhere on the machine (PostgreSQL, the load
 * generator): one process uses at most one core; all of it shares `cores`.
 */
function ceilingRps(processes: number, cores: number, cost: Row['cost']): number {
  return Math.min(processes / cost.server, cores / (cost.server + cost.other)) * 1000;
}

async function measure(
  url: string,
  processCount: number,
  seeded: Awaited<ReturnType<typeof seed>>,
  next: { i: number },
) {
  const { url: base, child } = await startServer(root, {
    DATABASE_URL: url,
    BACKTRACK_PROCESSES: String(processCount),
  });
  const rows: Row[] = [];
  try {
    const headers = signedInHeaders(seeded.token);
    const report = (
      name: string,
      r: autocannon.Result,
      cpu: { serverS: number; postgresS: number; loadGeneratorS: number },
    ) => {
      const total = Math.max(1, r.requests.total);
      const row = {
        processes: processCount,
        name,
        requestsPerSecond: Math.round(r.requests.total / r.duration),
        p99Ms: r.latency.p99,
        cost: {
          server: (cpu.serverS * 1000) / total,
          other: ((cpu.postgresS + cpu.loadGeneratorS) * 1000) / total,
        },
      };
      rows.push(row);
      console.log(
        JSON.stringify({
          processes: row.processes,
          name: row.name,
          requestsPerSecond: row.requestsPerSecond,
          p99Ms: row.p99Ms,
          connections: r.connections,
          requests: r.requests.total,
          seconds: +r.duration.toFixed(2),
          p50Ms: r.latency.p50,
          non2xx: r.non2xx,
          errors: r.errors,
          // CPU per answered request: what each part costs, whatever share of the machine it got.
          serverCpuMsPerRequest: +((cpu.serverS * 1000) / Math.max(1, r.requests.total)).toFixed(2),
          postgresCpuMsPerRequest: +(
            (cpu.postgresS * 1000) /
            Math.max(1, r.requests.total)
          ).toFixed(2),
          cpu,
        }),
      );
    };
    for (const path of ['/api/auth/me', `/api/plans/${seeded.planId}`]) {
      const check = await fetch(base + path, { headers });
      if (check.status !== 200)
        throw new Error(`GET ${path}: ${check.status} ${await check.text()}`);
      // Warm-up: JIT in every process and the connection pools.
      await autocannon({ url: base + path, headers, connections: CONNECTIONS, duration: 2 });
      const measured = await withCpu(child.pid ?? 0, () =>
        autocannon({ url: base + path, headers, connections: CONNECTIONS, duration: DURATION_S }),
      );
      report(`GET ${path.replace(seeded.planId, ':id')}`, measured.result, measured.cpu);
    }
    const body = JSON.stringify({ questionId: seeded.question.id, value: seeded.answer });
    const answers = (amount: number) =>
      rotatingPosts(base, {
        headers,
        body,
        connections: CONNECTIONS,
        amount,
        nextPath: () => `/api/assessments/${seeded.ids[next.i++] ?? ''}/answers`,
      });
    await answers(200);
    const measured = await withCpu(child.pid ?? 0, () => answers(ANSWERS));
    report('POST /api/assessments/:id/answers', measured.result, measured.cpu);
  } finally {
    await stopServer(child);
  }
  return rows;
}

const built = spawnSync('npm', ['run', 'build', '-w', '@backtrack/server'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) throw new Error('building the server failed');

await withBenchPostgres(async (url) => {
  const runs = ROUNDS * PROCESS_COUNTS.length;
  const seeded = await seed(url, runs * (ANSWERS + 200));
  const next = { i: 0 };
  const rows: Row[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? PROCESS_COUNTS : [...PROCESS_COUNTS].reverse();
    for (const n of order) rows.push(...(await measure(url, n, seeded, next)));
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  for (const route of [...new Set(rows.map((r) => r.name))]) {
    const at = (n: number) => rows.filter((r) => r.name === route && r.processes === n);
    const [one, two] = [at(1), at(2)];
    const cost = {
      server: mean(one.map((r) => r.cost.server)),
      other: mean(one.map((r) => r.cost.other)),
    };
    console.log(
      JSON.stringify({
        name: route,
        oneProcessRps: Math.round(mean(one.map((r) => r.requestsPerSecond))),
        twoProcessesRps: Math.round(mean(two.map((r) => r.requestsPerSecond))),
        ratio: +(
          mean(two.map((r) => r.requestsPerSecond)) / mean(one.map((r) => r.requestsPerSecond))
        ).toFixed(2),
        oneProcessP99Ms: Math.max(...one.map((r) => r.p99Ms)),
        twoProcessesP99Ms: Math.max(...two.map((r) => r.p99Ms)),
        // What the CPU cost per request (one process's runs) allows on this machine's cores.
        ceilingRatio: +(
          ceilingRps(2, cpus().length, cost) / ceilingRps(1, cpus().length, cost)
        ).toFixed(2),
      }),
    );
  }
});
console.log(JSON.stringify({ node: process.version, cpus: cpus().length }));
