/** `/api/me/consents`, `/api/me/access-log`: what the runner shares, revoking it, and who looked. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonResponse, ZIdParam } from '../http/schemas.js';
import { ZAccessEntry, ZConsent } from './dto.js';
import type { SharingService } from './service.js';

const tags = ['sharing'];

const list = createRoute({
  method: 'get',
  path: '/consents',
  tags,
  summary: 'The signed-in runner’s consents to clinics, newest first, with the items each shares',
  responses: {
    200: jsonResponse(z.object({ consents: z.array(ZConsent) }), 'The consents'),
    ...errorResponses('unauthenticated'),
  },
});
const revoke = createRoute({
  method: 'post',
  path: '/consents/{id}/revoke',
  tags,
  summary:
    'Revoke a consent: the clinic loses access at once (revoking twice keeps the first time)',
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(ZConsent, 'Revoked'),
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden', 'not_found'),
  },
});
const accessLog = createRoute({
  method: 'get',
  path: '/access-log',
  tags,
  summary:
    'Every clinician read of the runner’s data: who, which clinic, what and when, newest first',
  responses: {
    200: jsonResponse(z.object({ entries: z.array(ZAccessEntry) }), 'The access log'),
    ...errorResponses('unauthenticated'),
  },
});

/** The sharing routes (mounted at `/api/me`). */
export function sharingRoutes(service: SharingService) {
  return newRouter()
    .openapi(list, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json({ consents: await service.consents(user.id) }, 200);
    })
    .openapi(revoke, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.revoke(user.id, c.req.valid('param').id), 200);
    })
    .openapi(accessLog, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json({ entries: await service.accessLog(user.id) }, 200);
    });
}
