/** `/api/clinics/*` and `/api/invitations/*`: clinics, free slots, invitations and what the admin edits. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../http/schemas.js';
import {
  ZAcceptInvitation,
  ZAppointmentType,
  ZAppointmentTypeChanges,
  ZClinic,
  ZException,
  ZInvitation,
  ZMembership,
  ZNewAppointmentType,
  ZNewClinic,
  ZNewException,
  ZNewInvitation,
  ZSlots,
  ZSlotsQuery,
  ZWorkingHours,
} from './dto.js';
import type { ClinicService } from './service.js';

const tags = ['clinics'];
const changing = errorResponses(
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
);
const ZMemberParams = z.object({
  id: ZIdParam.shape.id,
  memberId: z.uuid().openapi({ param: { name: 'memberId', in: 'path' } }),
});
const ZExceptionParams = z.object({
  id: ZIdParam.shape.id,
  exceptionId: z.uuid().openapi({ param: { name: 'exceptionId', in: 'path' } }),
});
const ZTypeParams = z.object({
  id: ZIdParam.shape.id,
  typeId: z.uuid().openapi({ param: { name: 'typeId', in: 'path' } }),
});

const create = createRoute({
  method: 'post',
  path: '/clinics',
  tags,
  summary: 'Create a clinic; the signed-in user becomes its admin',
  request: { body: jsonBody(ZNewClinic) },
  responses: { 201: jsonResponse(ZClinic, 'The new clinic'), ...changing },
});
const list = createRoute({
  method: 'get',
  path: '/clinics',
  tags,
  summary: 'Clinics with their appointment types and clinicians',
  responses: { 200: jsonResponse(z.object({ clinics: z.array(ZClinic) }), 'The clinics') },
});
const slots = createRoute({
  method: 'get',
  path: '/clinics/{id}/slots',
  tags,
  summary: 'Free slots of an appointment type from one local date to another (at most 31 days)',
  request: { params: ZIdParam, query: ZSlotsQuery },
  responses: {
    200: jsonResponse(ZSlots, 'The free slots'),
    ...errorResponses('invalid_input', 'not_found'),
  },
});
const invite = createRoute({
  method: 'post',
  path: '/clinics/{id}/invitations',
  tags,
  summary: 'Invite a clinician by mail (clinic admin only)',
  request: { params: ZIdParam, body: jsonBody(ZNewInvitation) },
  responses: { 201: jsonResponse(ZInvitation, 'Invited; the link was mailed'), ...changing },
});
const accept = createRoute({
  method: 'post',
  path: '/invitations/accept',
  tags,
  summary: 'Accept an invitation sent to the signed-in user’s email',
  request: { body: jsonBody(ZAcceptInvitation) },
  responses: { 200: jsonResponse(ZMembership, 'Now a member'), ...changing },
});
const setHours = createRoute({
  method: 'put',
  path: '/clinics/{id}/members/{memberId}/working-hours',
  tags,
  summary: 'Replace a clinician’s weekly working hours (admin, or the clinician)',
  request: { params: ZMemberParams, body: jsonBody(ZWorkingHours) },
  responses: { 200: jsonResponse(ZWorkingHours, 'The hours'), ...changing },
});
const addException = createRoute({
  method: 'post',
  path: '/clinics/{id}/exceptions',
  tags,
  summary: 'Add an absence of a clinician or a clinic holiday, over whole local days (admin)',
  request: { params: ZIdParam, body: jsonBody(ZNewException) },
  responses: { 201: jsonResponse(ZException, 'Added'), ...changing },
});
const deleteException = createRoute({
  method: 'delete',
  path: '/clinics/{id}/exceptions/{exceptionId}',
  tags,
  summary: 'Remove an absence or holiday (admin)',
  request: { params: ZExceptionParams },
  responses: { 204: { description: 'Removed' }, ...changing },
});
const addType = createRoute({
  method: 'post',
  path: '/clinics/{id}/appointment-types',
  tags,
  summary: 'Add an appointment type (admin)',
  request: { params: ZIdParam, body: jsonBody(ZNewAppointmentType) },
  responses: { 201: jsonResponse(ZAppointmentType, 'Added'), ...changing },
});
const updateType = createRoute({
  method: 'patch',
  path: '/clinics/{id}/appointment-types/{typeId}',
  tags,
  summary: 'Change an appointment type, or retire it with active: false (admin)',
  request: { params: ZTypeParams, body: jsonBody(ZAppointmentTypeChanges) },
  responses: { 200: jsonResponse(ZAppointmentType, 'Changed'), ...changing },
});

/** The clinic routes (mounted at `/api`). */
export function clinicRoutes(service: ClinicService) {
  return newRouter()
    .openapi(create, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.create(user.id, c.req.valid('json')), 201);
    })
    .openapi(list, async (c) => c.json({ clinics: await service.list() }, 200))
    .openapi(slots, async (c) =>
      c.json(await service.slots(c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(invite, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        await service.invite(user.id, c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    })
    .openapi(accept, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.accept(user, c.req.valid('json')), 200);
    })
    .openapi(setHours, async (c) => {
      const user = requireUser(c.var.auth);
      const { id, memberId } = c.req.valid('param');
      return c.json(await service.setWorkingHours(user.id, id, memberId, c.req.valid('json')), 200);
    })
    .openapi(addException, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        await service.addException(user.id, c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    })
    .openapi(deleteException, async (c) => {
      const user = requireUser(c.var.auth);
      const { id, exceptionId } = c.req.valid('param');
      await service.deleteException(user.id, id, exceptionId);
      return c.body(null, 204);
    })
    .openapi(addType, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        await service.addAppointmentType(user.id, c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    })
    .openapi(updateType, async (c) => {
      const user = requireUser(c.var.auth);
      const { id, typeId } = c.req.valid('param');
      return c.json(
        await service.updateAppointmentType(user.id, id, typeId, c.req.valid('json')),
        200,
      );
    });
}
