/**
 * The runner's reminder settings (time zone, opt-in check-in reminder hour)
 * and turning reminders off from a mailed link without signing in.
 */
import { DomainError } from '@backtrack/core';
import type { UserRow } from '@backtrack/db';
import type { z } from '@hono/zod-openapi';
import type { AppDeps } from '../http/context.js';
import { scheduleCheckInReminder } from '../jobs/reminders.js';
import type { ReminderSettingsDto, ZReminderSettingsInput } from './dto.js';
import type { ReminderLinks } from './links.js';

function toDto(user: UserRow): ReminderSettingsDto {
  return { timeZone: user.timeZone, checkInHour: user.checkInReminderHour };
}

/** The reminder use cases. */
export function remindersService(
  deps: Pick<AppDeps, 'repos' | 'clock'> & { links: ReminderLinks },
) {
  const { repos, clock, links } = deps;
  return {
    async get(userId: string): Promise<ReminderSettingsDto> {
      const user = await repos.users.findById(userId);
      if (!user) throw new DomainError('not_found', 'No such account.');
      return toDto(user);
    },

    /** Stores the settings; when on, queues the next reminder at the hour on the runner's clock. */
    async set(
      userId: string,
      input: z.output<typeof ZReminderSettingsInput>,
    ): Promise<ReminderSettingsDto> {
      const now = clock.now();
      const user = await repos.transaction(async (tx) => {
        const row = await tx.users.setReminders(userId, {
          timeZone: input.timeZone,
          checkInReminderHour: input.checkInHour,
        });
        if (!row) throw new DomainError('not_found', 'No such account.');
        if (input.checkInHour !== null)
          await scheduleCheckInReminder(
            tx,
            { userId, timeZone: input.timeZone, hour: input.checkInHour },
            now.getTime(),
            now,
          );
        await tx.audit.record({ userId, action: 'reminders.set', targetId: userId, at: now });
        return row;
      });
      return toDto(user);
    },

    /** Turns the check-in reminder off for the runner the token names; 400 for a token that is not ours. */
    async unsubscribe(token: string): Promise<ReminderSettingsDto> {
      const userId = await links.verify(token);
      const user = userId ? await repos.users.findById(userId) : undefined;
      if (!userId || !user)
        throw new DomainError(
          'invalid_input',
          'token: this link is not valid (or the account is gone).',
        );
      const row = await repos.users.setReminders(userId, {
        timeZone: user.timeZone,
        checkInReminderHour: null,
      });
      await repos.audit.record({
        userId,
        action: 'reminders.unsubscribe',
        targetId: userId,
        at: clock.now(),
      });
      return toDto(row ?? user);
    },
  };
}
/** The reminders service. */
export type RemindersService = ReturnType<typeof remindersService>;
