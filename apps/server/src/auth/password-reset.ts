/**
 * Password reset by mail, so that an owner locked out by wrong passwords
 * (theirs or a guesser's) can get in without waiting. Asking answers the
 * same whether or not the address has an account; only a real account gets
 * a mail, with a single-use token (stored as its SHA-256) that works for
 * {@link RESET_TTL_MS}. Redeeming it sets the password, ends every session
 * and lifts the account's login locks.
 */
import { DomainError } from '@backtrack/core';
import type { AppDeps } from '../http/context.js';
import { passwordResetMail, resetLink, RESET_TTL_MS, sendInBackground } from './mails.js';
import { hitAll, keyPart } from './rate-limit.js';
import { loginKeys, normaliseEmail, rateLimited, type ClientInfo } from './service.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

/** What asking for a reset says, whether or not the address has an account. */
export const RESET_REQUESTED_MESSAGE =
  'If an account uses this address, we have sent it a link to choose a new password. The link works for 45 minutes.';

const BAD_TOKEN = 'token: this reset link is unknown, already used or expired; ask for a new one.';

/** The password reset use cases. */
export function passwordResetService(deps: AppDeps) {
  const { repos, clock, passwords, limits, logger, mailer } = deps;

  return {
    /** Mails a reset link to the account with this address, if there is one. */
    async request(rawEmail: string, client: ClientInfo): Promise<void> {
      const now = clock.now();
      const email = normaliseEmail(rawEmail);
      const wait = await hitAll(
        [[limits.resetClient, `reset-client:${keyPart(client.address)}`]],
        now,
      );
      if (wait !== undefined) throw rateLimited(wait);
      // Over the per-address limit: answer as always, send nothing (the inbox is not flooded).
      if ((await limits.resetEmail.hit(`reset-email:${keyPart(email)}`, now)) !== undefined) return;
      const user = await repos.users.findByEmail(email);
      if (!user) return;
      const token = newToken();
      await repos.passwordResets.create({
        tokenHash: hashToken(token),
        userId: user.id,
        now,
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      });
      await repos.audit.record({ userId: user.id, action: 'auth.password_reset_request', at: now });
      sendInBackground(
        mailer,
        logger,
        passwordResetMail(user.email, resetLink(deps.publicUrl, token)),
      );
    },

    /** Sets a new password with a reset token; ends every session and lifts the login locks. */
    async confirm(input: { token: string; password: string }, client: ClientInfo): Promise<void> {
      const now = clock.now();
      const wait = await hitAll(
        [[limits.resetClient, `reset-client:${keyPart(client.address)}`]],
        now,
      );
      if (wait !== undefined) throw rateLimited(wait);
      if (!isTokenShaped(input.token)) throw new DomainError('invalid_input', BAD_TOKEN, ['token']);
      const tokenHash = hashToken(input.token);
      // Check first, so that a bad token costs no hash; redeem atomically after.
      if (!(await repos.passwordResets.isUsable(tokenHash, now)))
        throw new DomainError('invalid_input', BAD_TOKEN, ['token']);
      const passwordHash = await passwords.hash(input.password);
      const user = await repos.transaction(async (tx) => {
        const userId = await tx.passwordResets.redeem(tokenHash, now);
        if (userId === undefined) return undefined;
        await tx.users.setPasswordHash(userId, passwordHash);
        await tx.sessions.deleteForUser(userId);
        await tx.passwordResets.deleteForUser(userId);
        await tx.audit.record({ userId, action: 'auth.password_reset', at: now });
        return tx.users.findById(userId);
      });
      if (!user) throw new DomainError('invalid_input', BAD_TOKEN, ['token']);
      await limits.login.reset(loginKeys.accountPrefix(user.email));
      await limits.loginEmail.reset(loginKeys.account(user.email));
    },
  };
}
/** The password reset service. */
export type PasswordResetService = ReturnType<typeof passwordResetService>;
