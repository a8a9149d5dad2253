/**
 * Accounts and sessions: register, log in, log out, and anonymous sessions.
 * Registering or logging in starts a new session (the old token stops
 * working, so a planted cookie cannot ride along) and claims the anonymous
 * session's assessments for the account.
 */
import { DomainError } from '@backtrack/core';
import type { Repositories, UserRow } from '@backtrack/db';
import type { AppDeps, AuthState } from '../http/context.js';
import { HttpOnlyError } from '../http/errors.js';
import { SESSION_TTL_MS } from './cookies.js';
import { hashToken, newToken } from './tokens.js';

/** A user as the API shows it. */
export interface UserDto {
  id: string;
  email: string;
}

/** Credentials from a register or login body. */
export interface Credentials {
  email: string;
  password: string;
}

/** The result of signing in: the user and the new session's token for the cookie. */
export interface SignedIn {
  user: UserDto;
  token: string;
}

/** Emails are compared trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The API view of a user row. */
export function toUserDto(user: Pick<UserRow, 'id' | 'email'>): UserDto {
  return { id: user.id, email: user.email };
}

function rateLimited(retryAfter: number): HttpOnlyError {
  return new HttpOnlyError(
    'rate_limited',
    `Too many attempts. Try again in ${retryAfter} seconds.`,
    [],
    { 'retry-after': String(retryAfter) },
  );
}

/** The accounts and sessions use cases. */
export function authService(deps: AppDeps) {
  const { repos, clock, passwords, limits } = deps;

  /** Starts a signed-in session in a transaction, claiming the current anonymous session's assessments. */
  async function startUserSession(
    tx: Repositories,
    user: UserRow,
    current: AuthState,
  ): Promise<string> {
    const now = clock.now();
    const token = newToken();
    await tx.sessions.create({
      idHash: hashToken(token),
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    if (current.session) {
      if (current.session.userId === null)
        await tx.assessments.claim(current.session.idHash, user.id);
      await tx.sessions.delete(current.session.idHash);
    }
    return token;
  }

  return {
    /** Creates an anonymous session; returns its token for the cookie. */
    async startAnonymousSession(): Promise<{ token: string; idHash: string }> {
      const now = clock.now();
      const token = newToken();
      const idHash = hashToken(token);
      await repos.sessions.create({
        idHash,
        userId: null,
        now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      });
      return { token, idHash };
    },

    async register(
      credentials: Credentials,
      current: AuthState,
      clientKey: string,
    ): Promise<SignedIn> {
      const now = clock.now();
      const key = `register:${clientKey}`;
      const wait = limits.register.retryAfter(key, now);
      if (wait !== undefined) throw rateLimited(wait);
      limits.register.hit(key, now);
      const email = normaliseEmail(credentials.email);
      const passwordHash = await passwords.hash(credentials.password);
      return repos.transaction(async (tx) => {
        const user = await tx.users.create({ email, passwordHash, now });
        if (!user)
          throw new DomainError(
            'conflict',
            'An account with this email already exists. Log in instead.',
            ['email'],
          );
        const token = await startUserSession(tx, user, current);
        await tx.audit.record({ userId: user.id, action: 'account.register', at: now });
        return { user: toUserDto(user), token };
      });
    },

    async login(credentials: Credentials, current: AuthState, client = 'local'): Promise<SignedIn> {
      const now = clock.now();
      const email = normaliseEmail(credentials.email);
      const key = `login:${email}|${client}`;
      const checks = [
        [limits.login, key],
        [limits.loginClient, `login-client:${client}`],
        [limits.loginEmail, `login-email:${email}`],
      ] as const;
      const waits = checks.flatMap(([limiter, k]) => limiter.retryAfter(k, now) ?? []);
      if (waits.length > 0) throw rateLimited(Math.max(...waits));
      // Count the attempt before the (slow) password check, so that concurrent
      // guesses cannot all pass the limit while the first ones are hashing.
      for (const [limiter, k] of checks) limiter.hit(k, now);
      const user = await repos.users.findByEmail(email);
      // Spend the same time whether or not the account exists.
      const ok = await passwords.verify(
        credentials.password,
        user?.passwordHash ?? (await passwords.dummyHash),
      );
      if (!user || !ok) throw new DomainError('unauthenticated', 'Wrong email or password.');
      // A correct password is not a guess: only wrong ones count against the limits.
      limits.login.reset(key);
      limits.loginClient.release(`login-client:${client}`, now);
      limits.loginEmail.release(`login-email:${email}`, now);
      return repos.transaction(async (tx) => {
        const token = await startUserSession(tx, user, current);
        await tx.audit.record({ userId: user.id, action: 'auth.login', at: now });
        return { user: toUserDto(user), token };
      });
    },

    async logout(current: AuthState): Promise<void> {
      if (!current.session) return;
      await repos.sessions.delete(current.session.idHash);
      if (current.user)
        await repos.audit.record({
          userId: current.user.id,
          action: 'auth.logout',
          at: clock.now(),
        });
    },
  };
}
/** The accounts and sessions service. */
export type AuthService = ReturnType<typeof authService>;
