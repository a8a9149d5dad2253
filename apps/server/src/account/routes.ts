/** `/api/me/*`: export all my data, delete my account. */
import { createRoute, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { clearSessionCookie, type CookieSecurity } from '../auth/cookies.js';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import type { FhirBundleJson } from '../fhir/bundle.js';
import type { AccountExport, AccountService } from './service.js';

const ZExport = z.custom<AccountExport>().openapi('AccountExport', {
  type: 'object',
  description:
    'Every record of the account: user, assessments (answers and results), plans with check-ins and adaptations, imported activities (with laps and series), shoe reminders, audit log.',
});

const ZFhirBundle = z.custom<FhirBundleJson>().openapi('FhirBundle', {
  type: 'object',
  description:
    'A FHIR R4 Bundle (collection): Patient, QuestionnaireResponse, Observation, ClinicalImpression, RiskAssessment, CarePlan, Appointment.',
});

const exportData = createRoute({
  method: 'get',
  path: '/export',
  tags: ['account'],
  summary: 'Download every record of my account as JSON, or (`?format=fhir`) as a FHIR R4 Bundle',
  request: { query: z.object({ format: z.enum(['json', 'fhir']).default('json') }) },
  responses: {
    200: jsonResponse(z.union([ZExport, ZFhirBundle]), 'The export (an attachment), streamed'),
    ...errorResponses('invalid_input', 'unauthenticated', 'rate_limited'),
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
export function accountRoutes(
  service: AccountService,
  cookies: CookieSecurity,
  fhir: (userId: string) => Promise<FhirBundleJson>,
) {
  return newRouter()
    .openapi(exportData, async (c) => {
      const user = requireUser(c.var.auth);
      if (c.req.valid('query').format === 'fhir')
        return c.json(await fhir(user.id), 200, {
          'content-type': 'application/fhir+json; charset=utf-8',
          'content-disposition': 'attachment; filename="backtrack-fhir.json"',
        });
      const { exportedAt, chunks } = await service.export(user.id);
      const body = ReadableStream.from(chunks).pipeThrough(new TextEncoderStream());
      // Streamed: the typed `c.json` would hold the whole export at once.
      return c.body(body, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="backtrack-export-${exportedAt.slice(0, 10)}.json"`,
        'cache-control': 'no-store',
      }) as unknown as TypedResponse<AccountExport, 200, 'json'>;
    })
    .openapi(remove, async (c) => {
      const user = requireUser(c.var.auth);
      await service.delete(user.id);
      clearSessionCookie(c, cookies);
      return c.body(null, 204);
    });
}
