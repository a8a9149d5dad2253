/** `/api/assessments/*`: the interview, step by step, and the plan it leads to. */
import { ZRunnerProfile } from '@backtrack/core';
import type { Owner } from '@backtrack/db';
import { createRoute, z } from '@hono/zod-openapi';
import type { AuthService } from '../auth/service.js';
import { setSessionCookie, type CookieSecurity } from '../auth/cookies.js';
import type { AuthState } from '../http/context.js';
import { invalidInput } from '../http/errors.js';
import { newRouter } from '../http/router.js';
import { sendPrepared } from '../http/response-cache.js';
import { errorResponses, jsonBody, jsonResponse, notModified, ZIdParam } from '../http/schemas.js';
import {
  ZAnswerBody,
  ZEmptyBody,
  ZInterview,
  ZPlanOutcome,
  ZPlanQuery,
  ZSkipBody,
  ZStartBody,
} from './schemas.js';
import type { AssessmentService } from './service.js';

const tags = ['assessments'];
const owned = errorResponses(
  'invalid_input',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
);

const start = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Start an assessment (anonymous sessions are created on the fly)',
  request: { body: jsonBody(ZStartBody, { required: false }) },
  responses: {
    201: jsonResponse(ZInterview, 'The new interview with its first question'),
    ...errorResponses('invalid_input', 'forbidden', 'payload_too_large'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'The interview',
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(ZInterview, 'The interview'),
    ...notModified,
    ...errorResponses('invalid_input', 'not_found'),
  },
});

const answer = createRoute({
  method: 'post',
  path: '/{id}/answers',
  tags,
  summary: 'Answer the open question',
  description:
    'An answer that makes the triage an emergency ends the interview at once (`status: "done"`, with the result).',
  request: { params: ZIdParam, body: jsonBody(ZAnswerBody) },
  responses: { 200: jsonResponse(ZInterview, 'The interview after the answer'), ...owned },
});

const skip = createRoute({
  method: 'post',
  path: '/{id}/skip',
  tags,
  summary: 'Skip the open question (never a warning-sign question: 400)',
  request: { params: ZIdParam, body: jsonBody(ZSkipBody) },
  responses: { 200: jsonResponse(ZInterview, 'The interview after the skip'), ...owned },
});

const back = createRoute({
  method: 'post',
  path: '/{id}/back',
  tags,
  summary: 'Undo the last answer or skip (only while in progress)',
  request: { params: ZIdParam, body: jsonBody(ZEmptyBody, { required: false }) },
  responses: { 200: jsonResponse(ZInterview, 'The interview one step back'), ...owned },
});

const finish = createRoute({
  method: 'post',
  path: '/{id}/finish',
  tags,
  summary:
    'Finish now and get the result (not before the warning-sign questions are answered: 409)',
  request: { params: ZIdParam, body: jsonBody(ZEmptyBody, { required: false }) },
  responses: { 200: jsonResponse(ZInterview, 'The finished interview with its result'), ...owned },
});

const plan = createRoute({
  method: 'get',
  path: '/{id}/plan',
  tags,
  summary: 'The plan this finished assessment leads to (computed, not saved)',
  request: { params: ZIdParam, query: ZPlanQuery },
  responses: {
    200: jsonResponse(ZPlanOutcome, 'A plan, or why there is none'),
    ...notModified,
    ...errorResponses('invalid_input', 'not_found', 'conflict'),
  },
});

function ownerOf(auth: AuthState): Owner {
  return { userId: auth.user?.id ?? null, sessionIdHash: auth.session?.idHash ?? null };
}

/** Parses the profile fields of the plan query with the core's profile schema. */
function profileFromQuery(query: z.infer<typeof ZPlanQuery>) {
  const { weeks, equipment, ...fields } = query;
  const input = {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(equipment === undefined
      ? {}
      : {
          equipment: equipment
            .split(',')
            .map((e) => e.trim())
            .filter(Boolean),
        }),
  };
  const parsed = ZRunnerProfile.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error.issues, 'query parameter');
  return { weeks, profile: parsed.data };
}

/** The assessment routes. */
export function assessmentRoutes(
  service: AssessmentService,
  auth: AuthService,
  cookies: CookieSecurity,
) {
  return newRouter()
    .openapi(start, async (c) => {
      // Without a JSON body the validator hands over `{}` unparsed, so the default may be missing.
      const mode = c.req.valid('json').mode ?? 'adaptive';
      const owner = ownerOf(c.var.auth);
      if (owner.userId === null && owner.sessionIdHash === null) {
        const session = await auth.startAnonymousSession();
        setSessionCookie(c, session.token, cookies);
        owner.sessionIdHash = session.idHash;
      }
      return c.json(await service.start(owner, mode), 201);
    })
    .openapi(get, async (c) =>
      sendPrepared(c, await service.getPrepared(c.req.valid('param').id, ownerOf(c.var.auth))),
    )
    .openapi(answer, async (c) => {
      const { questionId, value } = c.req.valid('json');
      return c.json(
        await service.answer(c.req.valid('param').id, ownerOf(c.var.auth), questionId, value),
        200,
      );
    })
    .openapi(skip, async (c) => {
      const { questionId } = c.req.valid('json');
      return c.json(
        await service.skip(c.req.valid('param').id, ownerOf(c.var.auth), questionId),
        200,
      );
    })
    .openapi(back, async (c) =>
      c.json(await service.back(c.req.valid('param').id, ownerOf(c.var.auth)), 200),
    )
    .openapi(finish, async (c) =>
      c.json(await service.finish(c.req.valid('param').id, ownerOf(c.var.auth)), 200),
    )
    .openapi(plan, async (c) => {
      const options = profileFromQuery(c.req.valid('query'));
      return sendPrepared(
        c,
        await service.planPreview(c.req.valid('param').id, ownerOf(c.var.auth), options),
      );
    });
}
