/** `/api/me/*`: export all my data, delete my account. */
import { createRoute, z } from '@hono/zod-openapi';
import { clearSessionCookie, type CookieSecurity } from '../auth/cookies.js';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import type { AccountExport, AccountService } from './service.js';

const ZExport = z.custom<AccountExport>().openapi('AccountExport', {
  type: 'object',
  description:
    'Every record of the account: user, assessments (answers and results), plans with check-ins and adaptations, imported activities (with laps and series), shoe reminders, audit log.',
});

const exportData = createRoute({
  method: 'get',
  path: '/export',
  tags: ['account'],
  summary: 'Download every record of my account as JSON',
  responses: {
    200: jsonResponse(ZExport, 'The export (an attachment)'),
    ...errorResponses('unauthenticated'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/',
  tags: ['account'],
  summary: 'Delete my account and everything in it',
  responses: {
    204: { description: 'Deleted (clears bt_session)' },
    ...errorResponses('unauthenticated', 'forbidden'),
  },
});

/** The account routes. */
export function accountRoutes(service: AccountService, cookies: CookieSecurity) {
  return newRouter()
    .openapi(exportData, async (c) => {
      const user = requireUser(c.var.auth);
      const data = await service.export(user.id);
      c.header(
        'content-disposition',
        `attachment; filename="backtrack-export-${data.exportedAt.slice(0, 10)}.json"`,
      );
      c.header('cache-control', 'no-store');
      return c.json(data, 200);
    })
    .openapi(remove, async (c) => {
      const user = requireUser(c.var.auth);
      await service.delete(user.id);
      clearSessionCookie(c, cookies);
      return c.body(null, 204);
    });
}
