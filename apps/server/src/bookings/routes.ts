/** `/api/bookings/*`: what the triage allows, booking, the runner's bookings, reschedule, cancel, `.ics`. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../http/schemas.js';
import { ZBooking, ZBookingPolicy, ZNewBooking, ZPolicyQuery, ZReschedule } from './dto.js';
import type { BookingService } from './service.js';

const tags = ['bookings'];
const changing = errorResponses(
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
);
const signedIn = errorResponses('invalid_input', 'unauthenticated', 'not_found');

const policy = createRoute({
  method: 'get',
  path: '/policy',
  tags,
  summary: 'What the triage of an assessment allows to book (no assessment: as for self-care)',
  request: { query: ZPolicyQuery },
  responses: {
    200: jsonResponse(ZBookingPolicy, 'The policy'),
    ...errorResponses('invalid_input', 'not_found'),
  },
});
const book = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary:
    'Book a free slot, sharing what the runner chose; 409 when the slot was just taken, 400 when the triage forbids booking',
  request: { body: jsonBody(ZNewBooking) },
  responses: {
    201: jsonResponse(ZBooking, 'Booked; a confirmation with an .ics was mailed'),
    ...changing,
  },
});
const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The signed-in runner’s bookings, by start time',
  responses: {
    200: jsonResponse(z.object({ bookings: z.array(ZBooking) }), 'The bookings'),
    ...errorResponses('unauthenticated'),
  },
});
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One booking (its runner, or a member of its clinic)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZBooking, 'The booking'), ...signedIn },
});
const reschedule = createRoute({
  method: 'post',
  path: '/{id}/reschedule',
  tags,
  summary: 'Move a booking to another free slot (runner or clinic); returns the new booking',
  request: { params: ZIdParam, body: jsonBody(ZReschedule) },
  responses: { 200: jsonResponse(ZBooking, 'Moved'), ...changing },
});
const cancel = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  summary: 'Cancel a booking (runner or clinic)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZBooking, 'Cancelled'), ...changing },
});
const ics = createRoute({
  method: 'get',
  path: '/{id}/ics',
  tags,
  summary: 'The booking as an iCalendar file',
  request: { params: ZIdParam },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    ...signedIn,
  },
});

/** The booking routes (mounted at `/api/bookings`). */
export function bookingRoutes(service: BookingService) {
  return newRouter()
    .openapi(policy, async (c) => {
      const { session, user } = c.var.auth;
      return c.json(
        await service.policy(c.req.valid('query').assessmentId, {
          userId: user?.id ?? null,
          sessionIdHash: session?.idHash ?? null,
        }),
        200,
      );
    })
    .openapi(book, async (c) => {
      const user = requireUser(c.var.auth);
      const owner = { userId: user.id, sessionIdHash: c.var.auth.session?.idHash ?? null };
      return c.json(await service.book(owner, c.req.valid('json')), 201);
    })
    .openapi(list, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json({ bookings: await service.listMine(user.id) }, 200);
    })
    .openapi(get, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.get(c.req.valid('param').id, user.id), 200);
    })
    .openapi(reschedule, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(
        await service.reschedule(c.req.valid('param').id, user.id, c.req.valid('json')),
        200,
      );
    })
    .openapi(cancel, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.cancel(c.req.valid('param').id, user.id), 200);
    })
    .openapi(ics, async (c) => {
      const user = requireUser(c.var.auth);
      const text = await service.ics(c.req.valid('param').id, user.id);
      return c.body(text, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="appointment.ics"',
      });
    });
}
