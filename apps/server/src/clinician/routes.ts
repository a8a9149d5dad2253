/** `/api/clinician/*`: the clinician's appointments and a consenting runner's pre-visit summary. */
import { createRoute, z } from '@hono/zod-openapi';
import type { FhirBundleJson } from '../fhir/bundle.js';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { ZPlanEditRequest } from '@backtrack/core';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  pdfResponse,
  ZUnitQuery,
} from '../http/schemas.js';
import { ZPlanEditOut } from '../plans/dto.js';
import {
  ZAppointmentsQuery,
  ZClinicianAppointment,
  ZClinicMembership,
  ZPreVisitSummary,
  ZRunnerParam,
} from './dto.js';
import type { ClinicianService } from './service.js';

const tags = ['clinician'];
const reading = errorResponses('invalid_input', 'unauthenticated', 'forbidden', 'not_found');

const memberships = createRoute({
  method: 'get',
  path: '/memberships',
  tags,
  summary: 'The signed-in user’s clinic memberships (empty for a runner)',
  responses: {
    200: jsonResponse(z.object({ memberships: z.array(ZClinicMembership) }), 'The memberships'),
    ...errorResponses('unauthenticated'),
  },
});
const appointments = createRoute({
  method: 'get',
  path: '/appointments',
  tags,
  summary:
    'The signed-in clinician’s booked appointments starting from `from` to `to` (dates in the clinic’s time zone, inclusive; default: a week from the clinic’s today); clinic admins see the whole clinic',
  request: { query: ZAppointmentsQuery },
  responses: {
    200: jsonResponse(
      z.object({ appointments: z.array(ZClinicianAppointment) }),
      'The appointments',
    ),
    ...reading,
  },
});
const summary = createRoute({
  method: 'get',
  path: '/runners/{runnerId}/summary',
  tags,
  summary:
    'The pre-visit summary of a runner who shares data with the clinician’s clinic (403 otherwise), from the assessment and plan linked to their booking; every read is audited',
  request: { params: ZRunnerParam },
  responses: { 200: jsonResponse(ZPreVisitSummary, 'The summary'), ...reading },
});

const fhir = createRoute({
  method: 'get',
  path: '/runners/{runnerId}/fhir',
  tags,
  summary:
    'A consenting runner’s record as a FHIR R4 Bundle, the consented items only (403 otherwise); audited',
  request: { params: ZRunnerParam },
  responses: {
    200: jsonResponse(
      z
        .custom<FhirBundleJson>()
        .openapi({ type: 'object', description: 'A FHIR R4 Bundle (collection)' }),
      'The Bundle',
    ),
    ...reading,
  },
});

const summaryPdf = createRoute({
  method: 'get',
  path: '/runners/{runnerId}/summary.pdf',
  tags,
  summary:
    'The pre-visit summary as a PDF: the same consent check (403 otherwise) and audited read as the JSON summary',
  request: {
    params: ZRunnerParam,
    query: ZUnitQuery,
  },
  responses: {
    200: pdfResponse('The summary as PDF'),
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden', 'not_found', 'rate_limited'),
  },
});

const planEdit = createRoute({
  method: 'post',
  path: '/runners/{runnerId}/plan-edits',
  tags,
  summary:
    'Edit one exercise of the plan a runner shared with the clinician’s clinic (403 without plan consent), from a week on: a dose within the knowledge base’s bounds, a swap to its easier or harder variant, or a pause, with a reason (≤ 500 characters); 400 names the field and the bound; audited',
  request: { params: ZRunnerParam, body: jsonBody(ZPlanEditRequest) },
  responses: {
    201: jsonResponse(ZPlanEditOut, 'The stored edit'),
    ...errorResponses(
      'invalid_input',
      'unauthenticated',
      'forbidden',
      'not_found',
      'payload_too_large',
    ),
  },
});

/** The clinician routes (mounted at `/api/clinician`). */
export function clinicianRoutes(service: ClinicianService) {
  return newRouter()
    .openapi(memberships, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json({ memberships: await service.memberships(user.id) }, 200);
    })
    .openapi(appointments, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        { appointments: await service.appointments(user.id, c.req.valid('query')) },
        200,
      );
    })
    .openapi(summary, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.summary(user.id, c.req.valid('param').runnerId), 200);
    })
    .openapi(summaryPdf, async (c) => {
      const user = requireUser(c.var.auth);
      const { body, filename } = await service.summaryPdf(
        user.id,
        c.req.valid('param').runnerId,
        c.req.valid('query').unit,
      );
      return c.body(new Uint8Array(body), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'private, no-store',
      });
    })
    .openapi(planEdit, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        await service.editPlan(user.id, c.req.valid('param').runnerId, c.req.valid('json')),
        201,
      );
    })
    .openapi(fhir, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.fhir(user.id, c.req.valid('param').runnerId), 200, {
        'content-type': 'application/fhir+json; charset=utf-8',
      });
    });
}
