/** `/api/plans/*`: saved plans, check-ins and progress (an account is needed). */
import {
  CHECK_IN_DISTANCE_MAX_KM,
  CHECK_IN_NOTE_MAX,
  LEG_PAIN,
  ZRunnerProfile,
} from '@backtrack/core';
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { sendPrepared } from '../http/response-cache.js';
import { newRouter } from '../http/router.js';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  notModified,
  pdfResponse,
  ZIdParam,
  ZIsoDate,
  ZUnitQuery,
} from '../http/schemas.js';
import { ZCheckInResponse, ZProgress, ZSavedPlan, ZSavedPlanSummary } from './dto.js';
import type { PlanService } from './service.js';

const tags = ['plans'];

const pain = z.number().int().min(0).max(10);
const sessions = z.number().int().min(0).max(10);

const ZNewPlan = z
  .object({
    assessmentId: z.uuid(),
    startDate: ZIsoDate,
    weeks: z.number().int().min(1).max(16).default(6),
    profile: ZRunnerProfile.optional(),
  })
  .strict();
export const ZNewCheckIn = z
  .object({
    date: ZIsoDate,
    painDuring: pain,
    painAfter: pain,
    painNextMorning: pain,
    sessionsDone: sessions,
    sessionsPlanned: sessions,
    distanceKm: z
      .number()
      .min(0)
      .max(CHECK_IN_DISTANCE_MAX_KM)
      .optional()
      .openapi({ description: 'Kilometres actually run that day' }),
    legPain: z.enum(LEG_PAIN).optional().openapi({ description: 'Where the pain reached today' }),
    note: z
      .string()
      .trim()
      .min(1)
      .max(CHECK_IN_NOTE_MAX)
      .optional()
      .openapi({ description: 'A note for the physiotherapist' }),
  })
  .strict();

const signedIn = errorResponses('invalid_input', 'unauthenticated', 'not_found');
const changing = errorResponses(
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
);

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Save the plan of a finished assessment',
  request: { body: jsonBody(ZNewPlan) },
  responses: { 201: jsonResponse(ZSavedPlan, 'The saved plan'), ...changing },
});
const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The signed-in runner’s plans, newest first',
  responses: {
    200: jsonResponse(z.object({ plans: z.array(ZSavedPlanSummary) }), 'The plans'),
    ...errorResponses('unauthenticated'),
  },
});
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A saved plan with adaptations applied and its check-ins',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZSavedPlan, 'The plan'), ...notModified, ...signedIn },
});
const checkIn = createRoute({
  method: 'post',
  path: '/{id}/checkins',
  tags,
  summary:
    'Record a day’s check-in; returns the adaptation of next week so far (null in the last week)',
  request: { params: ZIdParam, body: jsonBody(ZNewCheckIn) },
  responses: {
    201: jsonResponse(ZCheckInResponse, 'Recorded'),
    ...changing,
  },
});
const progress = createRoute({
  method: 'get',
  path: '/{id}/progress',
  tags,
  summary: 'Pain over time and each week’s level and decision',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZProgress, 'The progress'), ...signedIn },
});

const handout = createRoute({
  method: 'get',
  path: '/{id}/handout.pdf',
  tags,
  summary: 'The plan as adapted so far, as the illustrated PDF handout (owner only)',
  request: { params: ZIdParam, query: ZUnitQuery },
  responses: {
    200: pdfResponse('The handout'),
    ...errorResponses('invalid_input', 'unauthenticated', 'not_found', 'rate_limited'),
  },
});
const calendar = createRoute({
  method: 'get',
  path: '/{id}/calendar.ics',
  tags,
  summary: 'The plan as adapted so far, as an iCalendar file (owner only)',
  request: { params: ZIdParam, query: ZUnitQuery },
  responses: {
    200: {
      description: 'The calendar',
      content: { 'text/calendar': { schema: z.string() } },
    },
    ...signedIn,
  },
});

/** `attachment; filename="…"` for a generated file name (ASCII, no quotes). */
function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}

/** The plan routes. */
export function planRoutes(service: PlanService) {
  return newRouter()
    .openapi(create, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.create(user.id, c.req.valid('json')), 201);
    })
    .openapi(list, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json({ plans: await service.list(user.id) }, 200);
    })
    .openapi(get, async (c) => {
      const user = requireUser(c.var.auth);
      return sendPrepared(c, await service.getPrepared(c.req.valid('param').id, user.id));
    })
    .openapi(checkIn, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        await service.checkIn(c.req.valid('param').id, user.id, c.req.valid('json')),
        201,
      );
    })
    .openapi(progress, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.progress(c.req.valid('param').id, user.id), 200);
    })
    .openapi(handout, async (c) => {
      const user = requireUser(c.var.auth);
      const { body, filename } = await service.handout(
        c.req.valid('param').id,
        user.id,
        c.req.valid('query').unit,
      );
      return c.body(new Uint8Array(body), 200, {
        'content-type': 'application/pdf',
        'content-disposition': attachment(filename),
        'cache-control': 'private, no-store',
      });
    })
    .openapi(calendar, async (c) => {
      const user = requireUser(c.var.auth);
      const { body, filename } = await service.calendar(
        c.req.valid('param').id,
        user.id,
        c.req.valid('query').unit,
      );
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': attachment(filename),
        'cache-control': 'private, no-store',
      });
    });
}
