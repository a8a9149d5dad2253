/** The runner's reminder settings: their time zone and the daily check-in reminder hour. */
import { isTimeZone, REMINDER_HOURS } from '@backtrack/core';
import { z } from '@hono/zod-openapi';

/** The settings as stored and shown. */
export const ZReminderSettings = z
  .object({
    /** The runner's IANA time zone (null: not set yet). */
    timeZone: z.string().nullable(),
    /** The local hour of the daily check-in reminder; null: off (the default). */
    checkInHour: z.number().int().nullable(),
  })
  .openapi('ReminderSettings');

/** `PUT /api/me/reminders`: the browser's time zone and the hour (null: off). */
export const ZReminderSettingsInput = z
  .object({
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, {
        message: 'expected an IANA time zone such as Europe/Copenhagen',
      })
      .openapi({ example: 'Europe/Copenhagen' }),
    checkInHour: z.number().int().min(REMINDER_HOURS.min).max(REMINDER_HOURS.max).nullable(),
  })
  .strict();

/** `POST /api/reminders/unsubscribe`: the token from a reminder mail's link. */
export const ZUnsubscribe = z.object({ token: z.string().min(1).max(200) }).strict();

/** Reminder settings as the API shows them. */
export type ReminderSettingsDto = z.infer<typeof ZReminderSettings>;
