/**
 * Bad input on every endpoint gets a 4xx with the error body — never a 500,
 * never a stack trace: wrong types, missing fields, unknown fields, malformed
 * JSON, huge bodies, unknown ids, another runner's ids, missing or wrong
 * CSRF tokens, and state that does not allow the request.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResultDto } from './activities/service.js';
import type { InterviewDto } from './assessments/dto.js';
import type { SavedPlanDto } from './plans/dto.js';
import { gpxRun } from './testing/activities.js';
import { takeAssessment } from './testing/interview.js';
import { DESK_RUNNER, SADDLE_NUMBNESS } from './testing/runners.js';
import {
  createTestApp,
  type RequestOptions,
  type TestApp,
  type TestBrowser,
} from './testing/test-app.js';

let t: TestApp;
/** Runners: A owns everything below; B is another account; anon has no account; fresh has no cookies at all. */
let who: Record<'A' | 'B' | 'anon' | 'fresh', TestBrowser>;
/** Ids used in the cases, filled in by `beforeAll`. */
const ids = {
  done: '',
  open: '',
  emergency: '',
  anonOpen: '',
  plan: '',
  activity: '',
  unknown: '5f0c3c3e-9d7a-4d1e-8f8e-2b9c3a1d0e7f',
};

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
  who = { A: t.browser(), B: t.browser(), anon: t.browser(), fresh: t.browser() };
  await t.register(who.A, 'a@example.org', 'password of A');
  await t.register(who.B, 'b@example.org', 'password of B');
  ids.done = (await takeAssessment(who.A, DESK_RUNNER)).id;
  ids.open = ((await who.A.post('/api/assessments', {})).body as InterviewDto).id;
  ids.emergency = (await takeAssessment(who.A, SADDLE_NUMBNESS)).id;
  ids.anonOpen = ((await who.anon.post('/api/assessments', {})).body as InterviewDto).id;
  const plan = await who.A.post('/api/plans', { assessmentId: ids.done, startDate: '2026-03-01' });
  ids.plan = (plan.body as SavedPlanDto).id;
  await who.A.post(`/api/plans/${ids.plan}/checkins`, checkIn({ date: '2026-03-01' }));
  const imported = await who.A.upload('/api/activities/import', [
    { name: 'run.gpx', data: gpxRun(new Date('2026-02-27T07:00:00Z'), 30) },
  ]);
  ids.activity = (imported.body as ImportResultDto).activities[0]?.id ?? '';
}, 60_000);
afterAll(async () => {
  await t.close();
});

function checkIn(overrides: Record<string, unknown> = {}) {
  return {
    date: '2026-03-02',
    painDuring: 2,
    painAfter: 2,
    painNextMorning: 1,
    sessionsDone: 1,
    sessionsPlanned: 1,
    ...overrides,
  };
}

const HUGE = 'x'.repeat(70 * 1024);
/** Over the 25 MiB upload limit. */
const HUGE_UPLOAD = 'x'.repeat(26 * 1024 * 1024);

/** A multipart body with these fields (a string is a text field, `{ file }` a file). */
function form(fields: [string, string | { file: string; data: string }][]): FormData {
  const f = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === 'string') f.append(name, value);
    else f.append(name, new File([value.data], value.file));
  }
  return f;
}
const GOOD_UPLOAD = () =>
  form([['files', { file: 'run.gpx', data: gpxRun(new Date('2026-02-25T07:00:00Z'), 20, 5) }]]);

interface Case {
  name: string;
  as: keyof typeof who;
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** Path; `:done`, `:open`, `:plan` … are replaced by the ids above. */
  path: string;
  options?: RequestOptions;
  status: number;
  code: string;
  /** A fragment of the message, when it matters what it names. */
  says?: RegExp;
}

const cases: Case[] = [
  // Routing and transport, anywhere under /api.
  {
    name: 'unknown route',
    as: 'A',
    method: 'GET',
    path: '/api/nothing-here',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'unknown method on a route',
    as: 'A',
    method: 'PUT',
    path: '/api/plans',
    options: { json: {} },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'no CSRF header',
    as: 'A',
    method: 'POST',
    path: '/api/assessments',
    options: { json: {}, csrf: false },
    status: 403,
    code: 'forbidden',
    says: /CSRF/,
  },
  {
    name: 'wrong CSRF header',
    as: 'A',
    method: 'POST',
    path: '/api/assessments',
    options: { json: {}, csrf: false, headers: { 'x-csrf-token': 'A'.repeat(43) } },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'CSRF header without cookie',
    as: 'fresh',
    method: 'POST',
    path: '/api/assessments',
    options: { json: {}, csrf: false, headers: { 'x-csrf-token': 'A'.repeat(43) } },
    status: 403,
    code: 'forbidden',
  },

  // POST /api/assessments
  {
    name: 'start: mode of the wrong type',
    as: 'anon',
    method: 'POST',
    path: '/api/assessments',
    options: { json: { mode: 5 } },
    status: 400,
    code: 'invalid_input',
    says: /mode/,
  },
  {
    name: 'start: unknown mode',
    as: 'anon',
    method: 'POST',
    path: '/api/assessments',
    options: { json: { mode: 'quick' } },
    status: 400,
    code: 'invalid_input',
    says: /mode/,
  },
  {
    name: 'start: unknown field',
    as: 'anon',
    method: 'POST',
    path: '/api/assessments',
    options: { json: { mode: 'full', admin: true } },
    status: 400,
    code: 'invalid_input',
    says: /admin/,
  },
  {
    name: 'start: body is an array',
    as: 'anon',
    method: 'POST',
    path: '/api/assessments',
    options: { json: [] },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'start: malformed JSON',
    as: 'anon',
    method: 'POST',
    path: '/api/assessments',
    options: { raw: '{"mode": ', headers: { 'content-type': 'application/json' } },
    status: 400,
    code: 'invalid_input',
    says: /JSON/,
  },
  {
    name: 'start: huge body',
    as: 'anon',
    method: 'POST',
    path: '/api/assessments',
    options: { json: { mode: HUGE } },
    status: 413,
    code: 'payload_too_large',
  },

  // GET /api/assessments/:id
  {
    name: 'get: id is not a UUID',
    as: 'A',
    method: 'GET',
    path: '/api/assessments/123',
    status: 400,
    code: 'invalid_input',
    says: /id/,
  },
  {
    name: 'get: unknown id',
    as: 'A',
    method: 'GET',
    path: '/api/assessments/:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'get: another account’s',
    as: 'B',
    method: 'GET',
    path: '/api/assessments/:done',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'get: another browser’s anonymous one',
    as: 'B',
    method: 'GET',
    path: '/api/assessments/:anonOpen',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'get: without any session',
    as: 'fresh',
    method: 'GET',
    path: '/api/assessments/:done',
    status: 404,
    code: 'not_found',
  },

  // POST /api/assessments/:id/answers
  {
    name: 'answer: missing questionId',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { value: 'no' } },
    status: 400,
    code: 'invalid_input',
    says: /questionId/,
  },
  {
    name: 'answer: missing value',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'age' } },
    status: 400,
    code: 'invalid_input',
    says: /value/,
  },
  {
    name: 'answer: value is an object',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'age', value: { n: 1 } } },
    status: 400,
    code: 'invalid_input',
    says: /value/,
  },
  {
    name: 'answer: value of the wrong type for the question',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'age', value: 'thirty' } },
    status: 400,
    code: 'invalid_input',
    says: /age/,
  },
  {
    name: 'answer: number out of range',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'age', value: 400 } },
    status: 400,
    code: 'invalid_input',
    says: /age/,
  },
  {
    name: 'answer: not the open question',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'pain_now', value: 3 } },
    status: 409,
    code: 'conflict',
    says: /open question/,
  },
  {
    name: 'answer: finished assessment',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:done/answers',
    options: { json: { questionId: 'age', value: 30 } },
    status: 409,
    code: 'conflict',
  },
  {
    name: 'answer: emergency ended it',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:emergency/answers',
    options: { json: { questionId: 'age', value: 30 } },
    status: 409,
    code: 'conflict',
  },
  {
    name: 'answer: another account’s',
    as: 'B',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'age', value: 30 } },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'answer: unknown id',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:unknown/answers',
    options: { json: { questionId: 'age', value: 30 } },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'answer: text/plain body',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { raw: 'age=30', headers: { 'content-type': 'text/plain' } },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'answer: malformed JSON',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { raw: '{questionId: age}', headers: { 'content-type': 'application/json' } },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'answer: huge body',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'age', value: HUGE } },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'answer: no CSRF',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/answers',
    options: { json: { questionId: 'age', value: 30 }, csrf: false },
    status: 403,
    code: 'forbidden',
  },

  // POST /api/assessments/:id/skip
  {
    name: 'skip: a warning-sign question',
    as: 'anon',
    method: 'POST',
    path: '/api/assessments/:anonOpen/skip',
    options: { json: { questionId: 'age' } },
    status: 400,
    code: 'invalid_input',
    says: /warning-sign/,
  },
  {
    name: 'skip: missing questionId',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/skip',
    options: { json: {} },
    status: 400,
    code: 'invalid_input',
    says: /questionId/,
  },
  {
    name: 'skip: questionId of the wrong type',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/skip',
    options: { json: { questionId: ['age'] } },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'skip: another account’s',
    as: 'B',
    method: 'POST',
    path: '/api/assessments/:open/skip',
    options: { json: { questionId: 'age' } },
    status: 404,
    code: 'not_found',
  },

  // POST /api/assessments/:id/back
  {
    name: 'back: nothing to undo',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/back',
    options: { json: {} },
    status: 409,
    code: 'conflict',
  },
  {
    name: 'back: finished assessment',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:done/back',
    options: { json: {} },
    status: 409,
    code: 'conflict',
  },
  {
    name: 'back: unexpected field',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/back',
    options: { json: { steps: 3 } },
    status: 400,
    code: 'invalid_input',
    says: /steps/,
  },
  {
    name: 'back: another account’s',
    as: 'B',
    method: 'POST',
    path: '/api/assessments/:open/back',
    options: { json: {} },
    status: 404,
    code: 'not_found',
  },

  // POST /api/assessments/:id/finish
  {
    name: 'finish: warning signs not answered yet',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/finish',
    options: { json: {} },
    status: 409,
    code: 'conflict',
    says: /warning-sign/,
  },
  {
    name: 'finish: another account’s',
    as: 'B',
    method: 'POST',
    path: '/api/assessments/:done/finish',
    options: { json: {} },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'finish: no CSRF',
    as: 'A',
    method: 'POST',
    path: '/api/assessments/:open/finish',
    options: { json: {}, csrf: false },
    status: 403,
    code: 'forbidden',
  },

  // GET /api/assessments/:id/plan
  {
    name: 'plan preview: not finished',
    as: 'A',
    method: 'GET',
    path: '/api/assessments/:open/plan',
    status: 409,
    code: 'conflict',
  },
  {
    name: 'plan preview: weeks = 0',
    as: 'A',
    method: 'GET',
    path: '/api/assessments/:done/plan?weeks=0',
    status: 400,
    code: 'invalid_input',
    says: /weeks/,
  },
  {
    name: 'plan preview: weeks not a number',
    as: 'A',
    method: 'GET',
    path: '/api/assessments/:done/plan?weeks=six',
    status: 400,
    code: 'invalid_input',
    says: /weeks/,
  },
  {
    name: 'plan preview: unknown equipment',
    as: 'A',
    method: 'GET',
    path: '/api/assessments/:done/plan?equipment=rocket',
    status: 400,
    code: 'invalid_input',
    says: /equipment/,
  },
  {
    name: 'plan preview: runningDaysPerWeek 9',
    as: 'A',
    method: 'GET',
    path: '/api/assessments/:done/plan?runningDaysPerWeek=9',
    status: 400,
    code: 'invalid_input',
    says: /runningDaysPerWeek/,
  },
  {
    name: 'plan preview: another account’s',
    as: 'B',
    method: 'GET',
    path: '/api/assessments/:done/plan',
    status: 404,
    code: 'not_found',
  },

  // POST /api/plans
  {
    name: 'save plan: no account',
    as: 'anon',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':anonOpen', startDate: '2026-03-02' } },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'save plan: missing startDate',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':done' } },
    status: 400,
    code: 'invalid_input',
    says: /startDate/,
  },
  {
    name: 'save plan: impossible date',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':done', startDate: '2026-02-30' } },
    status: 400,
    code: 'invalid_input',
    says: /startDate/,
  },
  ...['0000-01-01', '9999-12-31'].map((startDate) => ({
    name: `save plan: startDate ${startDate} outside the supported years`,
    as: 'A' as const,
    method: 'POST' as const,
    path: '/api/plans',
    options: { json: { assessmentId: ':done', startDate } },
    status: 400,
    code: 'invalid_input' as const,
    says: /startDate.*1900-01-01 to 2199-12-31/,
  })),
  {
    name: 'save plan: date in another format',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':done', startDate: '02/03/2026' } },
    status: 400,
    code: 'invalid_input',
    says: /startDate/,
  },
  {
    name: 'save plan: assessmentId not a UUID',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: 42, startDate: '2026-03-02' } },
    status: 400,
    code: 'invalid_input',
    says: /assessmentId/,
  },
  {
    name: 'save plan: profile of the wrong type',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: {
      json: { assessmentId: ':done', startDate: '2026-03-02', profile: { weeklyKm: 'lots' } },
    },
    status: 400,
    code: 'invalid_input',
    says: /weeklyKm/,
  },
  {
    name: 'save plan: weeks too many',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':done', startDate: '2026-03-02', weeks: 99 } },
    status: 400,
    code: 'invalid_input',
    says: /weeks/,
  },
  {
    name: 'save plan: unknown assessment',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':unknown', startDate: '2026-03-02' } },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'save plan: another account’s assessment',
    as: 'B',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':done', startDate: '2026-03-02' } },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'save plan: assessment not finished',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':open', startDate: '2026-03-02' } },
    status: 409,
    code: 'conflict',
  },
  {
    name: 'save plan: triage forbids a plan',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':emergency', startDate: '2026-03-02' } },
    status: 409,
    code: 'conflict',
    says: /No plan/,
  },
  {
    name: 'save plan: no CSRF',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':done', startDate: '2026-03-02' }, csrf: false },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'save plan: huge body',
    as: 'A',
    method: 'POST',
    path: '/api/plans',
    options: { json: { assessmentId: ':done', startDate: '2026-03-02', pad: HUGE } },
    status: 413,
    code: 'payload_too_large',
  },

  // GET /api/plans, GET /api/plans/:id, progress
  {
    name: 'list plans: no account',
    as: 'anon',
    method: 'GET',
    path: '/api/plans',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'get plan: no account',
    as: 'anon',
    method: 'GET',
    path: '/api/plans/:plan',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'get plan: another account’s',
    as: 'B',
    method: 'GET',
    path: '/api/plans/:plan',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'get plan: unknown id',
    as: 'A',
    method: 'GET',
    path: '/api/plans/:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'get plan: id is not a UUID',
    as: 'A',
    method: 'GET',
    path: '/api/plans/latest',
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'progress: no account',
    as: 'fresh',
    method: 'GET',
    path: '/api/plans/:plan/progress',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'progress: another account’s',
    as: 'B',
    method: 'GET',
    path: '/api/plans/:plan/progress',
    status: 404,
    code: 'not_found',
  },

  // POST /api/plans/:id/checkins
  {
    name: 'check-in: before the plan starts',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ date: '2026-02-28' }) },
    status: 400,
    code: 'invalid_input',
    says: /before the plan starts/,
  },
  {
    name: 'check-in: after the plan ends',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ date: '2026-06-01' }) },
    status: 400,
    code: 'invalid_input',
    says: /after the plan ends/,
  },
  {
    name: 'check-in: in the future',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ date: '2026-03-05' }) },
    status: 400,
    code: 'invalid_input',
    says: /future/,
  },
  {
    name: 'check-in: pain 11',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ painAfter: 11 }) },
    status: 400,
    code: 'invalid_input',
    says: /painAfter/,
  },
  {
    name: 'check-in: pain as a string',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ painDuring: '3' }) },
    status: 400,
    code: 'invalid_input',
    says: /painDuring/,
  },
  {
    name: 'check-in: pain not whole',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ painNextMorning: 2.5 }) },
    status: 400,
    code: 'invalid_input',
    says: /painNextMorning/,
  },
  {
    name: 'check-in: more sessions done than planned',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ sessionsDone: 3, sessionsPlanned: 2 }) },
    status: 400,
    code: 'invalid_input',
    says: /sessionsDone/,
  },
  {
    name: 'check-in: missing field',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: { date: '2026-03-02', painDuring: 1 } },
    status: 400,
    code: 'invalid_input',
    says: /painAfter/,
  },
  {
    name: 'check-in: a second one for the same date',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ date: '2026-03-01' }) },
    status: 409,
    code: 'conflict',
  },
  {
    name: 'check-in: another account’s plan',
    as: 'B',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn() },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'check-in: no account',
    as: 'anon',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn() },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'check-in: no CSRF',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn(), csrf: false },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'check-in: huge body',
    as: 'A',
    method: 'POST',
    path: '/api/plans/:plan/checkins',
    options: { json: checkIn({ note: HUGE }) },
    status: 413,
    code: 'payload_too_large',
  },

  // POST /api/activities/import
  {
    name: 'import: no account',
    as: 'anon',
    method: 'POST',
    path: '/api/activities/import',
    options: { form: GOOD_UPLOAD() },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'import: no CSRF',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: { form: GOOD_UPLOAD(), csrf: false },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'import: a JSON body instead of files',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: { json: { files: ['run.gpx'] } },
    status: 400,
    code: 'invalid_input',
    says: /multipart\/form-data/,
  },
  {
    name: 'import: no body',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    status: 400,
    code: 'invalid_input',
    says: /multipart\/form-data/,
  },
  {
    name: 'import: text in the files field',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: { form: form([['files', 'run.gpx']]) },
    status: 400,
    code: 'invalid_input',
    says: /files: expected a file/,
  },
  {
    name: 'import: unknown field',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: {
      form: form([
        ['files', { file: 'run.gpx', data: 'x' }],
        ['admin', 'true'],
      ]),
    },
    status: 400,
    code: 'invalid_input',
    says: /admin/,
  },
  {
    name: 'import: no file',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: { form: form([]) },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'import: malformed multipart',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: {
      raw: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.gpx"\r\n\r\nno end',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    },
    status: 400,
    code: 'invalid_input',
    says: /multipart/,
  },
  {
    name: 'import: nothing readable',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: { form: form([['files', { file: 'run.fit', data: 'not a fit file' }]]) },
    status: 400,
    code: 'invalid_input',
    says: /no activity could be read/,
  },
  {
    name: 'import: upload over 25 MiB',
    as: 'A',
    method: 'POST',
    path: '/api/activities/import',
    options: {
      raw: HUGE_UPLOAD,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    },
    status: 413,
    code: 'payload_too_large',
  },

  // GET /api/activities, GET and DELETE /api/activities/:id
  {
    name: 'list activities: no account',
    as: 'anon',
    method: 'GET',
    path: '/api/activities',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'list activities: limit 0',
    as: 'A',
    method: 'GET',
    path: '/api/activities?limit=0',
    status: 400,
    code: 'invalid_input',
    says: /limit/,
  },
  {
    name: 'list activities: limit not a number',
    as: 'A',
    method: 'GET',
    path: '/api/activities?limit=all',
    status: 400,
    code: 'invalid_input',
    says: /limit/,
  },
  {
    name: 'list activities: negative offset',
    as: 'A',
    method: 'GET',
    path: '/api/activities?offset=-1',
    status: 400,
    code: 'invalid_input',
    says: /offset/,
  },
  {
    name: 'get activity: id is not a UUID',
    as: 'A',
    method: 'GET',
    path: '/api/activities/123',
    status: 400,
    code: 'invalid_input',
    says: /id/,
  },
  {
    name: 'get activity: unknown id',
    as: 'A',
    method: 'GET',
    path: '/api/activities/:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'get activity: another account’s',
    as: 'B',
    method: 'GET',
    path: '/api/activities/:activity',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'get activity: no account',
    as: 'anon',
    method: 'GET',
    path: '/api/activities/:activity',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'delete activity: another account’s',
    as: 'B',
    method: 'DELETE',
    path: '/api/activities/:activity',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'delete activity: unknown id',
    as: 'A',
    method: 'DELETE',
    path: '/api/activities/:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'delete activity: id is not a UUID',
    as: 'A',
    method: 'DELETE',
    path: '/api/activities/latest',
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'delete activity: no account',
    as: 'anon',
    method: 'DELETE',
    path: '/api/activities/:activity',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'delete activity: no CSRF',
    as: 'A',
    method: 'DELETE',
    path: '/api/activities/:activity',
    options: { csrf: false },
    status: 403,
    code: 'forbidden',
  },

  // GET /api/training, GET /api/training/pain
  {
    name: 'training: no account',
    as: 'anon',
    method: 'GET',
    path: '/api/training',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'training: impossible asOf',
    as: 'A',
    method: 'GET',
    path: '/api/training?asOf=2026-02-30',
    status: 400,
    code: 'invalid_input',
    says: /asOf/,
  },
  ...['0001-01-01', '0000-06-01', '9999-12-31'].map((asOf) => ({
    name: `training: asOf ${asOf} outside the supported years`,
    as: 'A' as const,
    method: 'GET' as const,
    path: `/api/training?asOf=${asOf}`,
    status: 400,
    code: 'invalid_input' as const,
    says: /asOf.*1900-01-01 to 2199-12-31/,
  })),
  {
    name: 'training: asOf in another format',
    as: 'A',
    method: 'GET',
    path: '/api/training?asOf=yesterday',
    status: 400,
    code: 'invalid_input',
    says: /asOf/,
  },
  {
    name: 'training: offset out of range',
    as: 'A',
    method: 'GET',
    path: '/api/training?utcOffsetMin=2000',
    status: 400,
    code: 'invalid_input',
    says: /utcOffsetMin/,
  },
  {
    name: 'training pain: no account',
    as: 'fresh',
    method: 'GET',
    path: '/api/training/pain',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'training pain: offset not a number',
    as: 'A',
    method: 'GET',
    path: '/api/training/pain?utcOffsetMin=east',
    status: 400,
    code: 'invalid_input',
    says: /utcOffsetMin/,
  },

  // PUT /api/shoes/:name/reminder
  {
    name: 'shoe reminder: no account',
    as: 'anon',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { json: { km: 500 } },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'shoe reminder: no CSRF',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { json: { km: 500 }, csrf: false },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'shoe reminder: km as a string',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { json: { km: '500' } },
    status: 400,
    code: 'invalid_input',
    says: /km/,
  },
  {
    name: 'shoe reminder: km negative',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { json: { km: -5 } },
    status: 400,
    code: 'invalid_input',
    says: /km/,
  },
  {
    name: 'shoe reminder: missing km',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { json: {} },
    status: 400,
    code: 'invalid_input',
    says: /km/,
  },
  {
    name: 'shoe reminder: unknown field',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { json: { km: 500, brand: 'Nike' } },
    status: 400,
    code: 'invalid_input',
    says: /brand/,
  },
  {
    name: 'shoe reminder: name too long',
    as: 'A',
    method: 'PUT',
    path: `/api/shoes/${'x'.repeat(101)}/reminder`,
    options: { json: { km: 500 } },
    status: 400,
    code: 'invalid_input',
    says: /name/,
  },
  {
    name: 'shoe reminder: blank name',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/%20%20/reminder',
    options: { json: { km: 500 } },
    status: 400,
    code: 'invalid_input',
    says: /name/,
  },
  {
    name: 'shoe reminder: malformed JSON',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { raw: '{"km": ', headers: { 'content-type': 'application/json' } },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'shoe reminder: huge body',
    as: 'A',
    method: 'PUT',
    path: '/api/shoes/Pegasus/reminder',
    options: { json: { km: 500, pad: HUGE } },
    status: 413,
    code: 'payload_too_large',
  },

  // /api/auth/*
  {
    name: 'register: not an email',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register',
    options: { json: { email: 'runner', password: 'long enough password' } },
    status: 400,
    code: 'invalid_input',
    says: /email/,
  },
  {
    name: 'register: short password',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register',
    options: { json: { email: 'new@example.org', password: 'short' } },
    status: 400,
    code: 'invalid_input',
    says: /password/,
  },
  {
    name: 'register: missing password',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register',
    options: { json: { email: 'new@example.org' } },
    status: 400,
    code: 'invalid_input',
    says: /password/,
  },
  {
    name: 'register: next page off this site',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register',
    options: {
      json: { email: 'new@example.org', password: 'long enough password', next: 'https://x.y/' },
    },
    status: 400,
    code: 'invalid_input',
    says: /next/,
  },
  // A taken email is not an error: it answers like a new one (auth/accounts.int.test.ts).
  {
    name: 'confirm registration: unknown token',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register/confirm',
    options: { json: { token: 'x'.repeat(43) } },
    status: 400,
    code: 'invalid_input',
    says: /token/,
  },
  {
    name: 'confirm registration: missing token',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register/confirm',
    options: { json: {} },
    status: 400,
    code: 'invalid_input',
    says: /token/,
  },
  {
    name: 'logout everywhere: not signed in',
    as: 'anon',
    method: 'POST',
    path: '/api/auth/logout-all',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'sessions: not signed in',
    as: 'fresh',
    method: 'GET',
    path: '/api/auth/sessions',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'end session: not a UUID',
    as: 'A',
    method: 'DELETE',
    path: '/api/auth/sessions/not-a-uuid',
    status: 400,
    code: 'invalid_input',
    says: /id/,
  },
  {
    name: 'end session: not mine',
    as: 'A',
    method: 'DELETE',
    path: '/api/auth/sessions/:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'change password: new one too short',
    as: 'A',
    method: 'POST',
    path: '/api/auth/password',
    options: { json: { current: 'password of A', new: 'short' } },
    status: 400,
    code: 'invalid_input',
    says: /new/,
  },
  {
    name: 'change password: not signed in',
    as: 'anon',
    method: 'POST',
    path: '/api/auth/password',
    options: { json: { current: 'password of A', new: 'long enough password' } },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'password reset: not an email',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/password-reset',
    options: { json: { email: 'runner' } },
    status: 400,
    code: 'invalid_input',
    says: /email/,
  },
  {
    name: 'password reset confirm: made-up token',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    options: { json: { token: 'not a token', password: 'long enough password' } },
    status: 400,
    code: 'invalid_input',
    says: /token/,
  },
  {
    name: 'password reset confirm: short password',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    options: { json: { token: 'x'.repeat(43), password: 'short' } },
    status: 400,
    code: 'invalid_input',
    says: /password/,
  },
  {
    name: 'register: no CSRF',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register',
    options: { json: { email: 'new@example.org', password: 'long enough password' }, csrf: false },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'register: huge body',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/register',
    options: { json: { email: 'new@example.org', password: HUGE } },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'login: wrong password',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/login',
    options: { json: { email: 'a@example.org', password: 'not the password' } },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'login: unknown email',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/login',
    options: { json: { email: 'nobody@example.org', password: 'whatever password' } },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'login: password of the wrong type',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/login',
    options: { json: { email: 'a@example.org', password: 1234567890123 } },
    status: 400,
    code: 'invalid_input',
    says: /password/,
  },
  {
    name: 'login: no CSRF',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/login',
    options: { json: { email: 'a@example.org', password: 'password of A' }, csrf: false },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'logout: unexpected field',
    as: 'fresh',
    method: 'POST',
    path: '/api/auth/logout',
    options: { json: { everywhere: true } },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'logout: no CSRF',
    as: 'A',
    method: 'POST',
    path: '/api/auth/logout',
    options: { json: {}, csrf: false },
    status: 403,
    code: 'forbidden',
  },

  // /api/me
  {
    name: 'export: no account',
    as: 'anon',
    method: 'GET',
    path: '/api/me/export',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'delete account: no account',
    as: 'anon',
    method: 'DELETE',
    path: '/api/me',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'delete account: no CSRF',
    as: 'A',
    method: 'DELETE',
    path: '/api/me',
    options: { csrf: false },
    status: 403,
    code: 'forbidden',
  },

  // Knowledge
  {
    name: 'illustration: unknown exercise',
    as: 'fresh',
    method: 'GET',
    path: '/api/exercises/moonwalk/illustration.svg',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'illustration: bad id',
    as: 'fresh',
    method: 'GET',
    path: '/api/exercises/..%2F..%2Fetc/illustration.svg',
    status: 400,
    code: 'invalid_input',
  },
  // ── Clinics and bookings ──
  {
    name: 'new clinic with a name of the wrong type',
    as: 'A',
    method: 'POST',
    path: '/api/clinics',
    options: { json: { name: 1, address: 'Street 1', timeZone: 'UTC', displayName: 'Me' } },
    status: 400,
    code: 'invalid_input',
    says: /^name:/,
  },
  {
    name: 'new clinic in a time zone that does not exist',
    as: 'A',
    method: 'POST',
    path: '/api/clinics',
    options: {
      json: { name: 'Clinic', address: 'Street 1', timeZone: 'Mars/Olympus', displayName: 'Me' },
    },
    status: 400,
    code: 'invalid_input',
    says: /timeZone/,
  },
  {
    name: 'slots of an unknown clinic',
    as: 'anon',
    method: 'GET',
    path: '/api/clinics/:unknown/slots?appointmentTypeId=:unknown&from=2026-03-02&to=2026-03-03',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'slots with a malformed date',
    as: 'anon',
    method: 'GET',
    path: '/api/clinics/:unknown/slots?appointmentTypeId=:unknown&from=tomorrow&to=2026-03-03',
    status: 400,
    code: 'invalid_input',
    says: /from/,
  },
  {
    name: 'invitation to an unknown clinic',
    as: 'A',
    method: 'POST',
    path: '/api/clinics/:unknown/invitations',
    options: { json: { email: 'x@example.org' } },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'invitation with a malformed email',
    as: 'A',
    method: 'POST',
    path: '/api/clinics/:unknown/invitations',
    options: { json: { email: 'not an email' } },
    status: 400,
    code: 'invalid_input',
    says: /email/,
  },
  {
    name: 'accepting an invitation with an unknown token',
    as: 'A',
    method: 'POST',
    path: '/api/invitations/accept',
    options: { json: { token: 'x'.repeat(43), displayName: 'Someone' } },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'accepting an invitation without an account',
    as: 'anon',
    method: 'POST',
    path: '/api/invitations/accept',
    options: { json: { token: 'x'.repeat(43), displayName: 'Someone' } },
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'working hours of an unknown clinic',
    as: 'A',
    method: 'PUT',
    path: '/api/clinics/:unknown/members/:unknown/working-hours',
    options: { json: { blocks: [{ weekday: 1, start: '09:00', end: '17:00' }] } },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'working hours ending before they start',
    as: 'A',
    method: 'PUT',
    path: '/api/clinics/:unknown/members/:unknown/working-hours',
    options: { json: { blocks: [{ weekday: 1, start: '17:00', end: '09:00' }] } },
    status: 400,
    code: 'invalid_input',
    says: /start must be before end/,
  },
  {
    name: 'an absence ending before it starts',
    as: 'A',
    method: 'POST',
    path: '/api/clinics/:unknown/exceptions',
    options: { json: { memberId: null, from: '2026-03-05', to: '2026-03-01', reason: 'Away' } },
    status: 400,
    code: 'invalid_input',
    says: /^to:/,
  },
  {
    name: 'removing an absence of an unknown clinic',
    as: 'A',
    method: 'DELETE',
    path: '/api/clinics/:unknown/exceptions/:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'appointment type with a malformed key',
    as: 'A',
    method: 'POST',
    path: '/api/clinics/:unknown/appointment-types',
    options: {
      json: {
        key: 'Bad Key',
        name: 'Type',
        durationMinutes: 30,
        priceCents: 0,
        description: 'x',
      },
    },
    status: 400,
    code: 'invalid_input',
    says: /^key:/,
  },
  {
    name: 'changing an appointment type of an unknown clinic',
    as: 'A',
    method: 'PATCH',
    path: '/api/clinics/:unknown/appointment-types/:unknown',
    options: { json: { active: false } },
    status: 404,
    code: 'not_found',
  },
  // Sharing and the clinician workspace.
  {
    name: 'my consents, signed out',
    as: 'anon',
    method: 'GET',
    path: '/api/me/consents',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'revoking an unknown consent',
    as: 'A',
    method: 'POST',
    path: '/api/me/consents/:unknown/revoke',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'revoking a consent id that is no uuid',
    as: 'A',
    method: 'POST',
    path: '/api/me/consents/123/revoke',
    status: 400,
    code: 'invalid_input',
    says: /id/,
  },
  {
    name: 'my access log, signed out',
    as: 'anon',
    method: 'GET',
    path: '/api/me/access-log',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'an export in an unknown format',
    as: 'A',
    method: 'GET',
    path: '/api/me/export?format=xml',
    status: 400,
    code: 'invalid_input',
    says: /format/,
  },
  {
    name: 'reminder settings, signed out',
    as: 'anon',
    method: 'GET',
    path: '/api/me/reminders',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'a reminder in a time zone that does not exist',
    as: 'A',
    method: 'PUT',
    path: '/api/me/reminders',
    options: { json: { timeZone: 'Mars/Olympus', checkInHour: 8 } },
    status: 400,
    code: 'invalid_input',
    says: /timeZone/,
  },
  {
    name: 'a reminder at hour 24',
    as: 'A',
    method: 'PUT',
    path: '/api/me/reminders',
    options: { json: { timeZone: 'Europe/Copenhagen', checkInHour: 24 } },
    status: 400,
    code: 'invalid_input',
    says: /checkInHour/,
  },
  {
    name: 'unsubscribing with a forged token',
    as: 'anon',
    method: 'POST',
    path: '/api/reminders/unsubscribe',
    options: { json: { token: '00000000-0000-4000-8000-000000000000.forged' } },
    status: 400,
    code: 'invalid_input',
    says: /token/,
  },
  {
    name: 'clinic memberships, signed out',
    as: 'anon',
    method: 'GET',
    path: '/api/clinician/memberships',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'clinician appointments from a date that does not exist',
    as: 'A',
    method: 'GET',
    path: '/api/clinician/appointments?from=2026-02-30',
    status: 400,
    code: 'invalid_input',
    says: /from/,
  },
  {
    name: 'clinician appointments of a runner, not a member',
    as: 'A',
    method: 'GET',
    path: '/api/clinician/appointments',
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'a summary of a runner id that is no uuid',
    as: 'A',
    method: 'GET',
    path: '/api/clinician/runners/123/summary',
    status: 400,
    code: 'invalid_input',
    says: /runnerId/,
  },
  {
    name: 'a summary without consent',
    as: 'A',
    method: 'GET',
    path: '/api/clinician/runners/:unknown/summary',
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'a FHIR record without consent',
    as: 'A',
    method: 'GET',
    path: '/api/clinician/runners/:unknown/fhir',
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'booking policy of an unknown assessment',
    as: 'A',
    method: 'GET',
    path: '/api/bookings/policy?assessmentId=:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'booking policy of an unfinished assessment',
    as: 'A',
    method: 'GET',
    path: '/api/bookings/policy?assessmentId=:open',
    status: 400,
    code: 'invalid_input',
    says: /finish the assessment/,
  },
  {
    name: 'booking with a start that is not a date-time',
    as: 'A',
    method: 'POST',
    path: '/api/bookings',
    options: {
      json: {
        clinicId: ':unknown',
        appointmentTypeId: ':unknown',
        start: 'next tuesday',
        share: { assessment: true, plan: true, checkins: true, training: true },
      },
    },
    status: 400,
    code: 'invalid_input',
    says: /^start:/,
  },
  {
    name: 'booking without saying what to share',
    as: 'A',
    method: 'POST',
    path: '/api/bookings',
    options: {
      json: { clinicId: ':unknown', appointmentTypeId: ':unknown', start: '2026-03-03T09:00:00Z' },
    },
    status: 400,
    code: 'invalid_input',
    says: /^share:/,
  },
  {
    name: 'booking at an unknown clinic',
    as: 'A',
    method: 'POST',
    path: '/api/bookings',
    options: {
      json: {
        clinicId: ':unknown',
        appointmentTypeId: ':unknown',
        start: '2026-03-03T09:00:00Z',
        share: { assessment: true, plan: true, checkins: true, training: true },
      },
    },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'booking from an emergency triage',
    as: 'A',
    method: 'POST',
    path: '/api/bookings',
    options: {
      json: {
        clinicId: ':unknown',
        appointmentTypeId: ':unknown',
        start: '2026-03-03T09:00:00Z',
        assessmentId: ':emergency',
        clearedByDoctor: true,
        share: { assessment: true, plan: true, checkins: true, training: true },
      },
    },
    status: 400,
    code: 'invalid_input',
    says: /emergency/,
  },
  {
    name: 'listing bookings without an account',
    as: 'anon',
    method: 'GET',
    path: '/api/bookings',
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'an unknown booking',
    as: 'A',
    method: 'GET',
    path: '/api/bookings/:unknown',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'rescheduling to a start that is not a date-time',
    as: 'A',
    method: 'POST',
    path: '/api/bookings/:unknown/reschedule',
    options: { json: { start: 'later' } },
    status: 400,
    code: 'invalid_input',
    says: /^start:/,
  },
  {
    name: 'cancelling an unknown booking',
    as: 'A',
    method: 'POST',
    path: '/api/bookings/:unknown/cancel',
    options: { json: {} },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'the calendar file of an unknown booking',
    as: 'A',
    method: 'GET',
    path: '/api/bookings/:unknown/ics',
    status: 404,
    code: 'not_found',
  },
];

function fill(text: string): string {
  return text.replace(
    /:(done|open|emergency|anonOpen|plan|activity|unknown)\b/g,
    (_, key: keyof typeof ids) => ids[key],
  );
}

function fillJson(value: unknown): unknown {
  if (typeof value === 'string') return fill(value);
  if (Array.isArray(value)) return value.map(fillJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v)]));
  return value;
}

describe('bad input on every endpoint', () => {
  it.each(cases)('$name → $status $code', async (c) => {
    const options = c.options
      ? {
          ...c.options,
          ...(c.options.json === undefined ? {} : { json: fillJson(c.options.json) }),
        }
      : {};
    const res = await who[c.as].request(c.method, fill(c.path), options);
    expect(res.status, res.text).toBe(c.status);
    const body = res.body as { error: { code: string; message: string; details: string[] } };
    expect(body.error.code).toBe(c.code);
    expect(typeof body.error.message).toBe('string');
    expect(Array.isArray(body.error.details)).toBe(true);
    if (c.says) expect(body.error.message).toMatch(c.says);
    expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('covers every route of the OpenAPI document', async () => {
    const doc = (await who.fresh.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const covered = new Set(
      cases.map(
        (c) =>
          `${c.method.toLowerCase()} ${c.path
            .replace(/\?.*$/, '')
            .replace(/^\/api\/shoes\/[^/]+\//, '/api/shoes/{name}/')
            .replace(
              /\/:[a-zA-Z]+|\/[0-9a-f-]{36}|\/123|\/latest|\/moonwalk|\/\.\.%2F\.\.%2Fetc/g,
              '/{id}',
            )}`,
      ),
    );
    const publicGets = [
      'get /api/health',
      'get /api/openapi.json',
      'get /api/questions',
      'get /api/knowledge',
      'get /api/exercises',
      'get /api/stop-rules',
      'get /api/auth/me',
      'get /api/auth/csrf',
      'get /api/clinics',
    ];
    const missing = Object.entries(doc.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map(
          (m) =>
            `${m} ${path.replace(/\/$/, '').replace(/\{(memberId|exceptionId|typeId|runnerId)\}/g, '{id}')}`,
        ),
      )
      .filter((route) => !covered.has(route) && !publicGets.includes(route));
    expect(missing).toEqual([]);
  });

  it('answers any JSON body with a 2xx or 4xx, never a 500 (property)', async () => {
    const routes = [
      '/api/assessments',
      `/api/assessments/${ids.anonOpen}/answers`,
      `/api/assessments/${ids.anonOpen}/skip`,
      '/api/plans',
      '/api/auth/login',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.jsonValue({ maxDepth: 3 }),
        async (route, body) => {
          const res = await who.anon.post(route, body);
          return (
            res.status < 500 &&
            (res.status < 400 || (res.body as { error?: unknown }).error !== undefined)
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers any JSON body to a shoe reminder with a 2xx or 4xx (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const res = await who.A.request('PUT', '/api/shoes/Property%20shoe/reminder', {
          json: body,
        });
        return (
          res.status < 500 &&
          (res.status < 400 || (res.body as { error?: unknown }).error !== undefined)
        );
      }),
      { numRuns: 40 },
    );
  });

  it('logged no server error', () => {
    expect(t.logger.lines).toEqual([]);
  });
});
