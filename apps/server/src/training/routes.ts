/**
 * `/api/training`, `/api/training/pain` and `/api/shoes/:name/reminder`:
 * what the signed-in runner's imported runs show, pain against training,
 * and shoe reminders (an account is needed).
 */
import type { PainComparison, TrainingReport } from '@backtrack/core';
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonBody, jsonResponse, ZIsoDate } from '../http/schemas.js';
import type { TrainingService } from './service.js';

const tags = ['training'];

/** The runner's offset from UTC in minutes (UTC+1 → 60), for days and weeks. */
const ZOffset = z.coerce
  .number()
  .int()
  .min(-14 * 60)
  .max(14 * 60)
  .default(0)
  .openapi({
    description:
      'Your offset from UTC in minutes (UTC+1: 60); days and weeks are counted in it. Default 0.',
  });

const ZTrainingQuery = z.object({
  asOf: ZIsoDate.optional().openapi({
    description: 'The last day to include (your local date); default now',
  }),
  utcOffsetMin: ZOffset,
});

const ZTrainingReport = z.custom<TrainingReport>().openapi('TrainingReport', {
  type: 'object',
  description:
    '`TrainingReport` in @backtrack/core: `activities` (counts), `weekly` (12 ISO weeks with distance, time and runs; week-to-week `changes`; `caveat`), `longestRun30d`, `spikes` (runs >10% longer than the 30-day longest, Frandsen 2025 bands), `acuteChronic` (ratio, uncoupled ratio, `caveats`), `hills` (28 days: downhill share, climb per km), `cadence` (steps/min per run, recent vs earlier), `gctBalance` (recent mean % left, trend), `shoes` (distance per shoe, reminder, `caveat`), `findings` (each with its "From your imported runs: …" text, caveat, basis, sources) and `answersFromData`. Distances in metres, durations in seconds.',
});

const ZPainComparison = z.custom<PainComparison>().openapi('PainComparison', {
  type: 'object',
  description:
    '`PainComparison` in @backtrack/core: `{ id, outcome, a: {label, n, meanPain}, b, status: "estimated" | "not_enough_data", difference?, ci95?, hedgesG?, text }`.',
});

/** Pain against training. */
export const ZPain = z
  .object({
    status: z.enum(['no_check_ins', 'compared']),
    checkIns: z.number().int(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    runs: z.number().int(),
    comparisons: z.array(ZPainComparison),
    note: z.string(),
  })
  .openapi('PainVsTraining');

const ZShoeName = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters')
    .openapi({ param: { name: 'name', in: 'path' }, example: 'Pegasus 40' }),
});

const ZReminderBody = z
  .object({
    km: z
      .number()
      .positive()
      .max(10_000)
      .nullable()
      .openapi({ description: 'Remind at this distance, km; null clears the reminder' }),
  })
  .strict();

const ZShoe = z
  .object({
    shoe: z.object({
      name: z.string(),
      distanceM: z.number(),
      runs: z.number().int(),
      firstUsed: z.string().nullable(),
      lastUsed: z.string().nullable(),
      reminderKm: z.number().nullable(),
      pastReminder: z.boolean(),
    }),
    caveat: z.string(),
  })
  .openapi('Shoe');

const report = createRoute({
  method: 'get',
  path: '/training',
  tags,
  summary:
    'What the imported runs show: load, spikes, ACWR, hills, cadence, balance, shoes, findings',
  request: { query: ZTrainingQuery },
  responses: {
    200: jsonResponse(ZTrainingReport, 'The training report'),
    ...errorResponses('invalid_input', 'unauthenticated'),
  },
});

const pain = createRoute({
  method: 'get',
  path: '/training/pain',
  tags,
  summary: 'Pain from the check-ins of my plans against my imported runs',
  request: { query: z.object({ utcOffsetMin: ZOffset }) },
  responses: {
    200: jsonResponse(ZPain, 'Each comparison, or "not enough data yet"'),
    ...errorResponses('invalid_input', 'unauthenticated'),
  },
});

const reminder = createRoute({
  method: 'put',
  path: '/shoes/{name}/reminder',
  tags,
  summary: 'Set (or clear, with null) the replacement reminder of a shoe',
  request: { params: ZShoeName, body: jsonBody(ZReminderBody) },
  responses: {
    200: jsonResponse(ZShoe, 'The shoe with its distance and reminder'),
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden', 'payload_too_large'),
  },
});

/** The training routes (mounted at `/api`). */
export function trainingRoutes(service: TrainingService) {
  return newRouter()
    .openapi(report, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.report(user.id, c.req.valid('query')), 200);
    })
    .openapi(pain, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.pain(user.id, c.req.valid('query')), 200);
    })
    .openapi(reminder, async (c) => {
      const user = requireUser(c.var.auth);
      const { name } = c.req.valid('param');
      return c.json(await service.setShoeReminder(user.id, name, c.req.valid('json').km), 200);
    });
}
