/** `/api/me/reminders` (the signed-in runner's settings) and `/api/reminders/unsubscribe` (from a mailed link). */
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import { ZReminderSettings, ZReminderSettingsInput, ZUnsubscribe } from './dto.js';
import type { RemindersService } from './service.js';

const tags = ['reminders'];

const get = createRoute({
  method: 'get',
  path: '/me/reminders',
  tags,
  summary: 'The signed-in runner’s time zone and daily check-in reminder hour (null: off)',
  responses: {
    200: jsonResponse(ZReminderSettings, 'The settings'),
    ...errorResponses('unauthenticated', 'not_found'),
  },
});
const put = createRoute({
  method: 'put',
  path: '/me/reminders',
  tags,
  summary:
    'Set the runner’s IANA time zone and the local hour (0–23) of a daily check-in reminder, or null for none (the default)',
  request: { body: jsonBody(ZReminderSettingsInput) },
  responses: {
    200: jsonResponse(ZReminderSettings, 'Stored'),
    ...errorResponses('invalid_input', 'unauthenticated', 'not_found'),
  },
});
const unsubscribe = createRoute({
  method: 'post',
  path: '/reminders/unsubscribe',
  tags,
  summary:
    'Turn the check-in reminder off with the signed token of a reminder mail’s link (no sign-in needed)',
  request: { body: jsonBody(ZUnsubscribe) },
  responses: {
    200: jsonResponse(ZReminderSettings, 'Turned off'),
    ...errorResponses('invalid_input'),
  },
});

/** The reminder routes (mounted at `/api`). */
export function reminderRoutes(service: RemindersService) {
  return newRouter()
    .openapi(get, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.get(user.id), 200);
    })
    .openapi(put, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.set(user.id, c.req.valid('json')), 200);
    })
    .openapi(unsubscribe, async (c) =>
      c.json(await service.unsubscribe(c.req.valid('json').token), 200),
    );
}
