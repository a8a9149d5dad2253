/** Request middleware: who is calling (from the session cookie), and the CSRF check. */
import { DomainError } from '@backtrack/core';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv, AuthState } from '../http/context.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies.js';
import type { SessionCache } from './session-cache.js';
import { hashToken, isTokenShaped, safeEqual } from './tokens.js';

/** How often a session's `last_seen_at` is written at most (for the sessions list). */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/**
 * Loads the caller's session and user into `c.var.auth` (from `cache` when
 * given and it holds them), noting when a signed-in session was last used.
 */
export function loadAuth(
  deps: Pick<AppDeps, 'repos' | 'clock'>,
  cache?: SessionCache,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let auth: AuthState = { session: null, user: null };
    if (isTokenShaped(token)) {
      const idHash = hashToken(token);
      let found = cache?.get(idHash, deps.clock.now());
      if (!found) {
        const since = cache?.generation() ?? 0;
        found = await deps.repos.sessions.findActiveWithUser(idHash, deps.clock.now());
        if (found) cache?.set(idHash, found, since);
      }
      if (found) auth = found;
      const { session } = auth;
      const now = deps.clock.now();
      if (
        session?.userId &&
        (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS)
      ) {
        const since = cache?.generation() ?? 0;
        await deps.repos.sessions.touch(session.idHash, now, LAST_SEEN_EVERY_MS);
        // The cached copy moves with it, or every request would touch again.
        cache?.set(idHash, { session: { ...session, lastSeenAt: now }, user: auth.user }, since);
      }
    }
    c.set('auth', auth);
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF check: a state-changing request must echo the
 * `bt_csrf` cookie in the `x-csrf-token` header. A cross-site page can make
 * the browser send the cookie but cannot read it to set the header.
 */
export const requireCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const cookie = getCookie(c, CSRF_COOKIE);
    const header = c.req.header(CSRF_HEADER);
    if (!isTokenShaped(cookie) || header === undefined || !safeEqual(cookie, header)) {
      throw new DomainError(
        'forbidden',
        `Missing or wrong CSRF token: send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header (GET /api/auth/csrf sets it).`,
      );
    }
  }
  await next();
};

/** The signed-in user, or an `unauthenticated` error. */
export function requireUser(auth: AuthState): NonNullable<AuthState['user']> {
  if (!auth.user) throw new DomainError('unauthenticated', 'Sign in first: this needs an account.');
  return auth.user;
}
