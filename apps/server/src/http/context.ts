/** What every request handler can reach: the caller's session and user, and the app's dependencies. */
import type { IncomingMessage } from 'node:http';
import type { KnowledgeBase } from '@backtrack/core';
import type { Repositories, SessionRow, UserRow } from '@backtrack/db';
import type { PasswordHasher } from '../auth/passwords.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import type { Mailer } from '../mail/mailer.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

/** The caller, as the session cookie says. */
export interface AuthState {
  session: SessionRow | null;
  user: UserRow | null;
}

/** Hono's environment for Backtrack's routes. */
export interface AppEnv {
  /** What `@hono/node-server` passes along (absent when a test calls `app.request`). */
  Bindings: { incoming?: IncomingMessage };
  Variables: { auth: AuthState };
}

/** The services' dependencies, built once by `createApp`. */
export interface AppDeps {
  repos: Repositories;
  kb: KnowledgeBase;
  clock: Clock;
  passwords: PasswordHasher;
  logger: Logger;
  /** The one way mail leaves (SMTP or the outbox folder). */
  mailer: Mailer;
  /** Where runners reach the app (`PUBLIC_URL`), for links in mails; never taken from a request's Host. */
  publicUrl: string;
  limits: {
    /** Wrong passwords for one account from one address. */
    login: RateLimiter;
    /** Wrong passwords from one address, whatever the account. */
    loginClient: RateLimiter;
    /** Wrong passwords for one account, whatever the address. */
    loginEmail: RateLimiter;
    /** Sign-ups from one address. */
    register: RateLimiter;
    /** Registration links opened from one address. */
    confirm: RateLimiter;
    /** Password reset requests and confirmations from one address. */
    resetClient: RateLimiter;
    /** Password reset mails to one address. */
    resetEmail: RateLimiter;
  };
}
