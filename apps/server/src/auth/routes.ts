/**
 * `/api/auth/*`: register, log in, log out (here or everywhere), who am I,
 * the CSRF token, the sessions list, password change and password reset by mail.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../http/schemas.js';
import {
  clearSessionCookie,
  CSRF_COOKIE,
  setCsrfCookie,
  setSessionCookie,
  type CookieSecurity,
} from './cookies.js';
import { RESET_REQUESTED_MESSAGE, type PasswordResetService } from './password-reset.js';
import { REGISTER_MESSAGE, type AuthService, type ClientInfo } from './service.js';
import { isTokenShaped, newToken } from './tokens.js';

/** A signed-in user. */
export const ZUser = z.object({ id: z.uuid(), email: z.string() }).openapi('User');
const ZEmail = z.email().max(254).openapi({ example: 'runner@example.org' });
const ZNewPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256)
  .openapi({ example: 'correct horse battery' });
const ZCredentials = z
  .object({ email: ZEmail, password: ZNewPassword })
  .strict()
  .openapi('Credentials');

/** A same-site path (never `//host`), to continue to after finishing a registration. */
const ZNextPath = z
  .string()
  .max(2000, 'next must be at most 2000 characters')
  .regex(/^\/(?!\/)[^\s\\]*$/, 'next must be a path on this site, such as /plan')
  .openapi({ example: '/plan' });

/** `POST /api/auth/register`: credentials and, optionally, where the mailed link leads after. */
export const ZRegistration = z
  .object({ email: ZEmail, password: ZNewPassword, next: ZNextPath.optional() })
  .strict()
  .openapi('Registration');

/** `POST /api/auth/register/confirm`: the token from the mailed link. */
export const ZRegistrationConfirm = z
  .object({ token: z.string().min(1).max(128) })
  .strict()
  .openapi('RegistrationConfirm');

/** What registering answers, the same whether or not the address already had an account. */
export const ZRegistered = z
  .object({ message: z.string().openapi({ example: REGISTER_MESSAGE }) })
  .openapi('Registered');

/** One of the caller's sessions. */
export const ZSession = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime().nullable(),
    browser: z.string().openapi({ example: 'Firefox on Linux' }),
    current: z.boolean().openapi({ description: 'Whether this is the session making the request' }),
  })
  .openapi('Session');

/** `POST /api/auth/password`: the current password and the new one. */
export const ZPasswordChange = z
  .object({ current: z.string().min(1, 'enter your current password').max(256), new: ZNewPassword })
  .strict()
  .openapi('PasswordChange');

/** `POST /api/auth/password-reset`. */
export const ZPasswordResetRequest = z
  .object({ email: ZEmail })
  .strict()
  .openapi('PasswordResetRequest');

/** `POST /api/auth/password-reset/confirm`: the token from the mail and the new password. */
export const ZPasswordResetConfirm = z
  .object({ token: z.string().min(1).max(128), password: ZNewPassword })
  .strict()
  .openapi('PasswordResetConfirm');

/** What asking for a password reset answers, whether or not the address has an account. */
export const ZPasswordResetRequested = z
  .object({ message: z.string().openapi({ example: RESET_REQUESTED_MESSAGE }) })
  .openapi('PasswordResetRequested');

const register = createRoute({
  method: 'post',
  path: '/register',
  tags: ['auth'],
  summary:
    'Start creating an account: mails a link that finishes it; an address that already has an account gets the same answer and its owner a note',
  request: { body: jsonBody(ZRegistration) },
  responses: {
    202: jsonResponse(
      ZRegistered,
      'The same body, and no cookie, either way. A new address: a link is mailed to it (POST /api/auth/register/confirm finishes). An existing one: nothing changed, the owner is mailed.',
    ),
    ...errorResponses('invalid_input', 'forbidden', 'payload_too_large', 'rate_limited'),
  },
});

const confirmRegistration = createRoute({
  method: 'post',
  path: '/register/confirm',
  tags: ['auth'],
  summary:
    'Finish a registration with the mailed token: creates the account, signs in and claims the registering browser’s anonymous assessments',
  request: { body: jsonBody(ZRegistrationConfirm) },
  responses: {
    200: jsonResponse(z.object({ user: ZUser }), 'Account created and signed in (sets bt_session)'),
    ...errorResponses(
      'invalid_input',
      'conflict',
      'forbidden',
      'payload_too_large',
      'rate_limited',
    ),
  },
});

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in; claims this browser’s anonymous assessments',
  request: { body: jsonBody(ZCredentials) },
  responses: {
    200: jsonResponse(z.object({ user: ZUser }), 'Signed in (sets bt_session)'),
    ...errorResponses(
      'invalid_input',
      'unauthenticated',
      'forbidden',
      'payload_too_large',
      'rate_limited',
    ),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'End the session',
  request: { body: jsonBody(z.object({}).strict(), { required: false }) },
  responses: {
    204: { description: 'Signed out (clears bt_session)' },
    ...errorResponses('invalid_input', 'forbidden'),
  },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user, or null',
  responses: { 200: jsonResponse(z.object({ user: ZUser.nullable() }), 'The caller') },
});

const csrf = createRoute({
  method: 'get',
  path: '/csrf',
  tags: ['auth'],
  summary: 'The CSRF token (also set as cookie bt_csrf); echo it in x-csrf-token',
  responses: { 200: jsonResponse(z.object({ token: z.string() }), 'The token') },
});

const logoutAll = createRoute({
  method: 'post',
  path: '/logout-all',
  tags: ['auth'],
  summary: 'End every session of my account, this one included',
  request: { body: jsonBody(z.object({}).strict(), { required: false }) },
  responses: {
    204: { description: 'Signed out everywhere (clears bt_session)' },
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden'),
  },
});

const listSessions = createRoute({
  method: 'get',
  path: '/sessions',
  tags: ['auth'],
  summary: 'My active sessions, most recently used first',
  responses: {
    200: jsonResponse(z.object({ sessions: z.array(ZSession) }), 'The sessions'),
    ...errorResponses('unauthenticated'),
  },
});

const endSession = createRoute({
  method: 'delete',
  path: '/sessions/{id}',
  tags: ['auth'],
  summary: 'End one of my sessions (ending the current one signs this browser out)',
  request: { params: ZIdParam },
  responses: {
    204: { description: 'Ended (clears bt_session when it was the current one)' },
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden', 'not_found'),
  },
});

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: 'Change my password; ends my other sessions (counted like a login)',
  request: { body: jsonBody(ZPasswordChange) },
  responses: {
    204: { description: 'Changed; this session stays signed in' },
    ...errorResponses(
      'invalid_input',
      'unauthenticated',
      'forbidden',
      'payload_too_large',
      'rate_limited',
    ),
  },
});

const requestReset = createRoute({
  method: 'post',
  path: '/password-reset',
  tags: ['auth'],
  summary:
    'Mail a password reset link to the account with this address, if any (the same answer either way)',
  request: { body: jsonBody(ZPasswordResetRequest) },
  responses: {
    202: jsonResponse(ZPasswordResetRequested, 'Accepted; a mail goes out only to a real account'),
    ...errorResponses('invalid_input', 'forbidden', 'payload_too_large', 'rate_limited'),
  },
});

const confirmReset = createRoute({
  method: 'post',
  path: '/password-reset/confirm',
  tags: ['auth'],
  summary:
    'Set a new password with the token from the reset mail; ends every session and lifts the login lock',
  request: { body: jsonBody(ZPasswordResetConfirm) },
  responses: {
    204: { description: 'Password set; log in with it' },
    ...errorResponses('invalid_input', 'forbidden', 'payload_too_large', 'rate_limited'),
  },
});

/** Who is calling, for throttling (the remote address; behind a proxy, the proxy's) and the sessions list. */
function clientInfo(c: Context<AppEnv>): ClientInfo {
  // `c.env` is undefined when a test calls `app.request` directly.
  return {
    address: c.env?.incoming?.socket.remoteAddress ?? 'local',
    userAgent: c.req.header('user-agent'),
  };
}

/** The auth routes. */
export function authRoutes(
  service: AuthService,
  reset: PasswordResetService,
  cookies: CookieSecurity,
) {
  return newRouter()
    .openapi(register, async (c) => {
      await service.register(c.req.valid('json'), c.var.auth, clientInfo(c));
      return c.json({ message: REGISTER_MESSAGE }, 202);
    })
    .openapi(confirmRegistration, async (c) => {
      const { user, token } = await service.confirmRegistration(
        c.req.valid('json').token,
        c.var.auth,
        clientInfo(c),
      );
      setSessionCookie(c, token, cookies);
      return c.json({ user }, 200);
    })
    .openapi(login, async (c) => {
      const { user, token } = await service.login(c.req.valid('json'), c.var.auth, clientInfo(c));
      setSessionCookie(c, token, cookies);
      return c.json({ user }, 200);
    })
    .openapi(logout, async (c) => {
      await service.logout(c.var.auth);
      clearSessionCookie(c, cookies);
      return c.body(null, 204);
    })
    .openapi(logoutAll, async (c) => {
      await service.logoutEverywhere(c.var.auth);
      clearSessionCookie(c, cookies);
      return c.body(null, 204);
    })
    .openapi(listSessions, async (c) => {
      return c.json({ sessions: await service.listSessions(c.var.auth) }, 200);
    })
    .openapi(endSession, async (c) => {
      const { wasCurrent } = await service.endSession(c.var.auth, c.req.valid('param').id);
      if (wasCurrent) clearSessionCookie(c, cookies);
      return c.body(null, 204);
    })
    .openapi(changePassword, async (c) => {
      await service.changePassword(c.var.auth, c.req.valid('json'), clientInfo(c));
      return c.body(null, 204);
    })
    .openapi(requestReset, async (c) => {
      await reset.request(c.req.valid('json').email, clientInfo(c));
      return c.json({ message: RESET_REQUESTED_MESSAGE }, 202);
    })
    .openapi(confirmReset, async (c) => {
      await reset.confirm(c.req.valid('json'), clientInfo(c));
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const { user } = c.var.auth;
      return c.json({ user: user ? { id: user.id, email: user.email } : null }, 200);
    })
    .openapi(csrf, (c) => {
      const existing = getCookie(c, CSRF_COOKIE);
      const token = isTokenShaped(existing) ? existing : newToken();
      setCsrfCookie(c, token, cookies);
      return c.json({ token }, 200);
    });
}
