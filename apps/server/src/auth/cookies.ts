/**
 * The two cookies: `bt_session` (httpOnly, the session token) and `bt_csrf`
 * (readable by the page, the double-submit CSRF token). Both SameSite=Lax;
 * Secure when the request came over https or the server runs in production.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'bt_session';
/** Name of the CSRF cookie. */
export const CSRF_COOKIE = 'bt_csrf';
/** Name of the CSRF header. */
export const CSRF_HEADER = 'x-csrf-token';
/** How long a session lasts. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Whether cookies get the Secure attribute. */
export type CookieSecurity = 'auto' | 'always';

function secure(c: Context, security: CookieSecurity): boolean {
  return security === 'always' || new URL(c.req.url).protocol === 'https:';
}

/** Sets the session cookie. */
export function setSessionCookie(c: Context, token: string, security: CookieSecurity): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c, security),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, security: CookieSecurity): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c, security),
  });
}

/** Sets the CSRF cookie (readable by the page's script, which echoes it in the header). */
export function setCsrfCookie(c: Context, token: string, security: CookieSecurity): void {
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: false,
    sameSite: 'Lax',
    secure: secure(c, security),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}
