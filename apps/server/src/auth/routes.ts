/** `/api/auth/*`: register, log in, log out, who am I, and the CSRF token. */
import { createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import {
  clearSessionCookie,
  CSRF_COOKIE,
  setCsrfCookie,
  setSessionCookie,
  type CookieSecurity,
} from './cookies.js';
import type { AuthService } from './service.js';
import { isTokenShaped, newToken } from './tokens.js';

/** A signed-in user. */
export const ZUser = z.object({ id: z.uuid(), email: z.string() }).openapi('User');
const ZCredentials = z
  .object({
    email: z.email().max(254).openapi({ example: 'runner@example.org' }),
    password: z
      .string()
      .min(10, 'must be at least 10 characters')
      .max(256)
      .openapi({ example: 'correct horse battery' }),
  })
  .strict()
  .openapi('Credentials');

const register = createRoute({
  method: 'post',
  path: '/register',
  tags: ['auth'],
  summary: 'Create an account and sign in; claims this browser’s anonymous assessments',
  request: { body: jsonBody(ZCredentials) },
  responses: {
    201: jsonResponse(z.object({ user: ZUser }), 'Registered and signed in (sets bt_session)'),
    ...errorResponses(
      'invalid_input',
      'forbidden',
      'conflict',
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

/** A key for rate limiting by client: the remote address (behind a proxy, the proxy's). */
function clientKey(c: Context<AppEnv>): string {
  // `c.env` is undefined when a test calls `app.request` directly.
  return c.env?.incoming?.socket.remoteAddress ?? 'local';
}

/** The auth routes. */
export function authRoutes(service: AuthService, cookies: CookieSecurity) {
  return newRouter()
    .openapi(register, async (c) => {
      const { user, token } = await service.register(c.req.valid('json'), c.var.auth, clientKey(c));
      setSessionCookie(c, token, cookies);
      return c.json({ user }, 201);
    })
    .openapi(login, async (c) => {
      const { user, token } = await service.login(c.req.valid('json'), c.var.auth, clientKey(c));
      setSessionCookie(c, token, cookies);
      return c.json({ user }, 200);
    })
    .openapi(logout, async (c) => {
      await service.logout(c.var.auth);
      clearSessionCookie(c, cookies);
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
