/**
 * Links in reminder mail that turn the reminders off without signing in: a
 * token `<userId>.<HMAC-SHA256>` signed with a key the server makes once and
 * keeps in the database (so links survive restarts and work on every
 * instance). It can do one thing only: switch the check-in reminder off.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Repositories } from '@backtrack/db';
import type { Clock } from '../http/clock.js';

const KEY_NAME = 'reminder-unsubscribe-key';
const PURPOSE = 'checkin-reminder-off:';

/** Signs and checks unsubscribe tokens. */
export interface ReminderLinks {
  /** The token for a runner's unsubscribe link. */
  unsubscribeToken(userId: string): Promise<string>;
  /** The runner a token was made for; undefined when it is not one of ours. */
  verify(token: string): Promise<string | undefined>;
}

/** Unsubscribe tokens signed with the database's key (made on first use). */
export function reminderLinks(deps: { repos: Repositories; clock: Clock }): ReminderLinks {
  let key: Promise<string> | undefined;
  const signingKey = () =>
    (key ??= deps.repos.secrets.getOrCreate(
      KEY_NAME,
      randomBytes(32).toString('base64url'),
      deps.clock.now(),
    ));
  const sign = async (userId: string) =>
    createHmac('sha256', await signingKey())
      .update(PURPOSE + userId)
      .digest('base64url');
  return {
    async unsubscribeToken(userId) {
      return `${userId}.${await sign(userId)}`;
    },
    async verify(token) {
      const dot = token.indexOf('.');
      if (dot <= 0) return undefined;
      const userId = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1));
      const expected = Buffer.from(await sign(userId));
      return given.length === expected.length && timingSafeEqual(given, expected)
        ? userId
        : undefined;
    },
  };
}
