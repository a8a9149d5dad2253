/**
 * What the HTTP API benchmarks seed through the repositories before the
 * server starts: one account with a session, a finished assessment, a
 * 6-week plan with 14 check-ins and 2 adaptations, and interviews stopped
 * at the same point (8 answers after the warning-sign screen), so that
 * every measured answer is a real step on an interview of its own.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  adaptPlan,
  assess,
  generatePlan,
  loadKnowledgeBase,
  nextQuestion,
  type AnswerValue,
  type AssessmentResult,
  type CheckIn,
  type Question,
} from '@backtrack/core';
import { createRepositories, openDatabase, type DatabaseConfig } from '@backtrack/db';

const kb = loadKnowledgeBase();

/** A calm runner: no warning sign, everything ordinary. */
export function calm(q: Question): AnswerValue {
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

/** What {@link seed} made: the session token and the ids to request. */
export interface Seeded {
  /** The session cookie's value. */
  token: string;
  /** The finished assessment (its report and computed plan). */
  doneId: string;
  /** The saved plan with 14 check-ins and 2 adaptations. */
  planId: string;
  /** Interviews mid-way, each waiting for `question`. */
  assessmentIds: string[];
  question: Question;
  answer: AnswerValue;
  /** How many questions each interview has asked before `question`. */
  asked: number;
}

/** Seeds a user with a session, a finished assessment, a plan with two weeks of check-ins, and `n` interviews mid-way. */
export async function seed(config: DatabaseConfig, n: number): Promise<Seeded> {
  const t0 = new Date();
  const start = new Date(t0.getTime() - 13 * 86_400_000).toISOString().slice(0, 10);
  const database = await openDatabase(config);
  const repos = createRepositories(database.db);
  const token = randomBytes(32).toString('base64url');
  const user = await repos.users.create({
    email: `bench-${token.slice(0, 8)}@example.org`,
    passwordHash: 'x',
    now: t0,
  });
  if (!user) throw new Error('could not create the bench user');
  const idHash = createHash('sha256').update(token).digest('hex');
  await repos.sessions.create({
    idHash,
    userId: user.id,
    now: t0,
    expiresAt: new Date(t0.getTime() + 86_400_000),
  });
  const owner = { userId: user.id, sessionIdHash: null };
  /** A new assessment of the user's, stored at `state`. */
  const stored = async (
    state: { answers: Record<string, AnswerValue>; asked: string[] },
    result: AssessmentResult | null,
  ) => {
    const a = await repos.assessments.create({ owner, mode: 'adaptive', now: t0 });
    const { answers, asked } = state;
    const changes = result
      ? { status: 'done' as const, endedBecause: 'stable' as const, result }
      : { status: 'in_progress' as const, endedBecause: null, result: null };
    await repos.assessments.update(a, { answers, asked, ...changes, trainingAnswers: null }, t0);
    return a.id;
  };

  const finished = interviewState(Infinity);
  const result = assess(kb, finished.answers);
  const doneId = await stored(finished, result);
  const plan = generatePlan(kb, result, finished.answers, { runningDaysPerWeek: 3 });
  if (plan.kind !== 'plan') throw new Error(`the bench runner gets no plan: ${plan.reason}`);
  const saved = await repos.plans.create({
    userId: user.id,
    assessmentId: doneId,
    profile: {},
    plan,
    startDate: start,
    now: t0,
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
    const date = new Date(Date.parse(`${start}T00:00:00Z`) + (day - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await repos.plans.addCheckIn({ planId: saved.id, date, ...c, now: t0 });
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
    t0,
  );

  const mid = interviewState(8);
  if (!mid.open) throw new Error('the interview ended before the measured step');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await stored(mid, null));
  await database.close();
  return {
    token,
    doneId,
    planId: saved.id,
    assessmentIds: ids,
    question: mid.open,
    answer: calm(mid.open),
    asked: mid.asked.length,
  };
}

/** The headers of a signed-in request with a CSRF token, for `seeded.token`. */
export function signedInHeaders(token: string): Record<string, string> {
  const csrf = randomBytes(32).toString('base64url');
  return {
    cookie: `bt_session=${token}; bt_csrf=${csrf}`,
    'x-csrf-token': csrf,
    'content-type': 'application/json',
  };
}
