/**
 * Accounts and sessions: register, log in, log out (here or everywhere),
 * list and end sessions, anonymous sessions. Registering or logging in
 * starts a new session (the old token stops working, so a planted cookie
 * cannot ride along) and claims the anonymous session's assessments for the
 * account. Every password check is counted against the limits before the
 * hash runs. Registering only mails a link: the account exists once the
 * owner of the address opens it, and an address that already has an
 * account gets a note instead, so the answer never says which.
 */
import { DomainError } from '@backtrack/core';
import type { Repositories, SessionRow, UserRow } from '@backtrack/db';
import type { AppDeps, AuthState } from '../http/context.js';
import { HttpOnlyError } from '../http/errors.js';
import { SESSION_TTL_MS } from './cookies.js';
import {
  alreadyRegisteredMail,
  CONFIRM_TTL_MS,
  confirmLink,
  confirmRegistrationMail,
  sendInBackground,
} from './mails.js';
import { requireUser } from './middleware.js';
import { hitAll, keyPart } from './rate-limit.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';
import { describeUserAgent } from './user-agent.js';

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

/** Who is asking, as far as throttling and the sessions list care. */
export interface ClientInfo {
  /** The remote address (behind a proxy, the proxy's). */
  address: string;
  /** The User-Agent header, if any. */
  userAgent?: string | undefined;
}

/** The result of signing in: the user and the new session's token for the cookie. */
export interface SignedIn {
  user: UserDto;
  token: string;
}

/** A session as its owner sees it in the list. */
export interface SessionDto {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  /** "Firefox on Linux", from the User-Agent when the session started. */
  browser: string;
  /** Whether this is the session making the request. */
  current: boolean;
}

/** What registering says, the same whether or not the address already had an account. */
export const REGISTER_MESSAGE =
  'Thank you. We have sent a mail to this address: open the link in it to finish creating your account. If the address already has an account, the mail says so instead.';

/** How many unconfirmed registrations one address can have at once (each sends a mail). */
const MAX_PENDING_PER_EMAIL = 3;

const BAD_CONFIRM_TOKEN =
  'token: this link is unknown, already used or expired; register again to get a new one.';

/** Emails are compared trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The API view of a user row. */
export function toUserDto(user: Pick<UserRow, 'id' | 'email'>): UserDto {
  return { id: user.id, email: user.email };
}

/** The 429 with its `retry-after` header. */
export function rateLimited(retryAfter: number): HttpOnlyError {
  return new HttpOnlyError(
    'rate_limited',
    `Too many attempts. Try again in ${retryAfter} seconds.`,
    [],
    { 'retry-after': String(retryAfter) },
  );
}

/** The limiter keys of password checks, built from digests of the email and the address. */
export const loginKeys = {
  /** One account from one address. */
  accountAddress: (email: string, address: string) => `login:${keyPart(email)}|${keyPart(address)}`,
  /** Every address's lock on one account (a prefix of `accountAddress`). */
  accountPrefix: (email: string) => `login:${keyPart(email)}|`,
  account: (email: string) => `login-email:${keyPart(email)}`,
  address: (address: string) => `login-client:${keyPart(address)}`,
};

/** The accounts and sessions use cases. */
export function authService(deps: AppDeps) {
  const { repos, clock, passwords, limits, logger, mailer } = deps;

  /** Counts one password check for `email` from `address`; throws 429 when over a limit. */
  async function countPasswordCheck(email: string, address: string, now: Date): Promise<void> {
    const wait = await hitAll(
      [
        [limits.login, loginKeys.accountAddress(email, address)],
        [limits.loginClient, loginKeys.address(address)],
        [limits.loginEmail, loginKeys.account(email)],
      ],
      now,
    );
    if (wait !== undefined) throw rateLimited(wait);
  }

  /** A correct password is not a guess: only wrong ones count against the limits. */
  async function forgivePasswordCheck(email: string, address: string, now: Date): Promise<void> {
    await limits.login.reset(loginKeys.accountAddress(email, address));
    await limits.loginClient.release(loginKeys.address(address), now);
    await limits.loginEmail.release(loginKeys.account(email), now);
  }

  /** Starts a signed-in session in a transaction, claiming the current anonymous session's assessments. */
  async function startUserSession(
    tx: Repositories,
    user: UserRow,
    current: AuthState,
    client: ClientInfo,
  ): Promise<string> {
    const now = clock.now();
    const token = newToken();
    await tx.sessions.create({
      idHash: hashToken(token),
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      userAgent: client.userAgent,
    });
    if (current.session) {
      if (current.session.userId === null)
        await tx.assessments.claim(current.session.idHash, user.id);
      await tx.sessions.delete(current.session.idHash);
    }
    return token;
  }

  function toSessionDto(row: SessionRow, current: AuthState): SessionDto {
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
      browser: describeUserAgent(row.userAgent),
      current: row.idHash === current.session?.idHash,
    };
  }

  return {
    /** Creates an anonymous session; returns its token for the cookie. */
    async startAnonymousSession(
      client: Partial<ClientInfo> = {},
    ): Promise<{ token: string; idHash: string }> {
      const now = clock.now();
      const token = newToken();
      const idHash = hashToken(token);
      await repos.sessions.create({
        idHash,
        userId: null,
        now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        userAgent: client.userAgent,
      });
      return { token, idHash };
    },

    /**
     * Starts a registration: nothing is created and nobody is signed in until
     * the owner of the address opens the link mailed to it
     * ({@link confirmRegistration}). An address that already has an account
     * gets a note instead. The answer, the time it takes and the cookies are
     * the same either way, so registering never says whether an address is
     * taken.
     */
    async register(
      input: Credentials & { next?: string | undefined },
      current: AuthState,
      client: ClientInfo,
    ): Promise<void> {
      const now = clock.now();
      const wait = await limits.register.hit(`register:${keyPart(client.address)}`, now);
      if (wait !== undefined) throw rateLimited(wait);
      const email = normaliseEmail(input.email);
      // Hash in both cases, so that an existing address does not answer sooner.
      const passwordHash = await passwords.hash(input.password);
      if (await repos.users.findByEmail(email)) {
        sendInBackground(mailer, logger, alreadyRegisteredMail(email, deps.publicUrl));
        return;
      }
      // A flood of registrations for one address sends it a bounded number of mails.
      if ((await repos.pendingRegistrations.countForEmail(email, now)) >= MAX_PENDING_PER_EMAIL)
        return;
      const token = newToken();
      await repos.pendingRegistrations.create({
        tokenHash: hashToken(token),
        email,
        passwordHash,
        anonymousSessionHash: current.session?.userId === null ? current.session.idHash : null,
        now,
        expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS),
      });
      sendInBackground(
        mailer,
        logger,
        confirmRegistrationMail(email, confirmLink(deps.publicUrl, token, input.next)),
      );
    },

    /**
     * Finishes a registration from the mailed link: creates the account with
     * the password chosen in that registration, signs in, and claims the
     * assessments of the browser that registered and of this one. Each link
     * works once, and only until the first link of the address is used.
     */
    async confirmRegistration(
      token: string,
      current: AuthState,
      client: ClientInfo,
    ): Promise<SignedIn> {
      const now = clock.now();
      const wait = await limits.confirm.hit(`confirm-client:${keyPart(client.address)}`, now);
      if (wait !== undefined) throw rateLimited(wait);
      if (!isTokenShaped(token))
        throw new DomainError('invalid_input', BAD_CONFIRM_TOKEN, ['token']);
      const signedIn = await repos.transaction(async (tx) => {
        const pending = await tx.pendingRegistrations.redeem(hashToken(token), now);
        if (!pending) return undefined;
        await tx.pendingRegistrations.deleteForEmail(pending.email);
        const user = await tx.users.create({
          email: pending.email,
          passwordHash: pending.passwordHash,
          now,
        });
        if (!user) return null;
        if (
          pending.anonymousSessionHash &&
          pending.anonymousSessionHash !== current.session?.idHash
        )
          await tx.assessments.claim(pending.anonymousSessionHash, user.id);
        const started = await startUserSession(tx, user, current, client);
        await tx.audit.record({ userId: user.id, action: 'account.register', at: now });
        return { user: toUserDto(user), token: started };
      });
      if (signedIn === undefined)
        throw new DomainError('invalid_input', BAD_CONFIRM_TOKEN, ['token']);
      if (signedIn === null)
        throw new DomainError(
          'conflict',
          'This address already has an account: log in, or reset your password if you forgot it.',
          ['token'],
        );
      return signedIn;
    },

    async login(
      credentials: Credentials,
      current: AuthState,
      client: ClientInfo,
    ): Promise<SignedIn> {
      const now = clock.now();
      const email = normaliseEmail(credentials.email);
      // Counted before the (slow) password check, in one atomic statement per
      // limit, so that concurrent guesses cannot all pass while the first hash.
      await countPasswordCheck(email, client.address, now);
      const user = await repos.users.findByEmail(email);
      // Spend the same time whether or not the account exists.
      const ok = await passwords.verify(
        credentials.password,
        user?.passwordHash ?? (await passwords.dummyHash),
      );
      if (!user || !ok) throw new DomainError('unauthenticated', 'Wrong email or password.');
      await forgivePasswordCheck(email, client.address, now);
      return repos.transaction(async (tx) => {
        const token = await startUserSession(tx, user, current, client);
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

    /** Ends every session of the signed-in user, this one included. */
    async logoutEverywhere(current: AuthState): Promise<void> {
      const user = requireUser(current);
      await repos.sessions.deleteForUser(user.id);
      await repos.audit.record({ userId: user.id, action: 'auth.logout_all', at: clock.now() });
    },

    /** The signed-in user's active sessions, most recently used first. */
    async listSessions(current: AuthState): Promise<SessionDto[]> {
      const user = requireUser(current);
      const rows = await repos.sessions.listForUser(user.id, clock.now());
      return rows.map((row) => toSessionDto(row, current));
    },

    /** Ends one of the signed-in user's sessions; says whether it was the caller's own. */
    async endSession(current: AuthState, id: string): Promise<{ wasCurrent: boolean }> {
      const user = requireUser(current);
      const idHash = await repos.sessions.deleteForUserById(user.id, id);
      if (idHash === undefined)
        throw new DomainError('not_found', `No session ${id} of yours.`, ['id']);
      await repos.audit.record({
        userId: user.id,
        action: 'auth.session_end',
        targetId: id,
        at: clock.now(),
      });
      return { wasCurrent: idHash === current.session?.idHash };
    },

    /**
     * Changes the signed-in user's password after checking the current one
     * (counted like a login), and ends every other session.
     */
    async changePassword(
      current: AuthState,
      change: { current: string; new: string },
      client: ClientInfo,
    ): Promise<void> {
      const user = requireUser(current);
      const now = clock.now();
      await countPasswordCheck(user.email, client.address, now);
      if (!(await passwords.verify(change.current, user.passwordHash)))
        throw new DomainError('invalid_input', 'current: wrong password', ['current']);
      await forgivePasswordCheck(user.email, client.address, now);
      const passwordHash = await passwords.hash(change.new);
      await repos.transaction(async (tx) => {
        await tx.users.setPasswordHash(user.id, passwordHash);
        await tx.sessions.deleteForUser(user.id, { except: current.session?.idHash });
        await tx.passwordResets.deleteForUser(user.id);
        await tx.audit.record({ userId: user.id, action: 'auth.password_change', at: now });
      });
    },
  };
}
/** The accounts and sessions service. */
export type AuthService = ReturnType<typeof authService>;
