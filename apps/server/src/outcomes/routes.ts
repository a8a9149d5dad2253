/** `/api/me/outcomes` and `/api/clinician/runners/:runnerId/outcomes`: outcome measures over time. */
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { ZRunnerParam } from '../clinician/dto.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import { ZOutcomeInput, ZOutcomeMeasure, ZOutcomes } from './dto.js';
import type { OutcomeService } from './service.js';

const tags = ['outcomes'];

const list = createRoute({
  method: 'get',
  path: '/me/outcomes',
  tags,
  summary:
    'My outcome measures (pain NPRS, function PSFS), oldest first, with the change per instrument judged against its minimal important change',
  responses: {
    200: jsonResponse(ZOutcomes, 'The measures'),
    ...errorResponses('unauthenticated'),
  },
});
const record = createRoute({
  method: 'post',
  path: '/me/outcomes',
  tags,
  summary:
    'Record my pain now (NPRS 0–10) or my Patient-Specific Functional Scale (1–5 activities, each 0–10)',
  request: { body: jsonBody(ZOutcomeInput) },
  responses: {
    201: jsonResponse(ZOutcomeMeasure, 'Recorded'),
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden'),
  },
});
const recordAsClinician = createRoute({
  method: 'post',
  path: '/clinician/runners/{runnerId}/outcomes',
  tags: ['clinician', ...tags],
  summary:
    'Record an outcome measure for a runner who shares their check-ins with the clinician’s clinic (403 otherwise); shown in the runner’s access log',
  request: { params: ZRunnerParam, body: jsonBody(ZOutcomeInput) },
  responses: {
    201: jsonResponse(ZOutcomeMeasure, 'Recorded'),
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden'),
  },
});

/** The outcome routes (mounted at `/api`). */
export function outcomeRoutes(service: OutcomeService) {
  return newRouter()
    .openapi(list, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.list(user.id), 200);
    })
    .openapi(record, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.record(user.id, c.req.valid('json')), 201);
    })
    .openapi(recordAsClinician, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        await service.recordAsClinician(
          user.id,
          c.req.valid('param').runnerId,
          c.req.valid('json'),
        ),
        201,
      );
    });
}
