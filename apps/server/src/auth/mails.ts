/**
 * The account mails: the link that finishes a registration, a password
 * reset link, and the note to an owner whose address someone tried to
 * register again. Plain text; they name no health
 * data.
 */
import type { Logger } from '../http/logger.js';
import type { MailMessage, Mailer } from '../mail/mailer.js';

/** How long a password reset link works. */
export const RESET_TTL_MS = 45 * 60 * 1000;

/** The page that takes a reset token: the token rides in the fragment, which browsers never send to a server. */
export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/account#reset=${token}`;
}

/** How long the link that finishes a registration works. */
export const CONFIRM_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The link that finishes a registration: the account page, with the page
 * to continue to (a same-site path) and the token in the fragment.
 */
export function confirmLink(publicUrl: string, token: string, next?: string): string {
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  return `${publicUrl.replace(/\/+$/, '')}/account${query}#confirm=${token}`;
}

/** The mail that finishes a registration. */
export function confirmRegistrationMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Finish creating your Backtrack account',
    text: [
      'Someone (we hope you) started creating a Backtrack account with this email address.',
      '',
      `Open this link within ${CONFIRM_TTL_MS / 3_600_000} hours to finish and sign in:`,
      link,
      '',
      'Until you do, no account exists. If it was not you, ignore this mail.',
    ].join('\n'),
  };
}

/** The mail with a password reset link. */
export function passwordResetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Reset your Backtrack password',
    text: [
      'Someone (we hope you) asked to reset the password of your Backtrack account.',
      '',
      `Open this link within ${RESET_TTL_MS / 60_000} minutes to choose a new password:`,
      link,
      '',
      'Choosing a new password signs you out everywhere and lifts any lock from wrong passwords.',
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** The mail to an owner when someone registers with their address. */
export function alreadyRegisteredMail(to: string, publicUrl: string): MailMessage {
  return {
    to,
    subject: 'Someone tried to create a Backtrack account with your address',
    text: [
      'Someone tried to create a Backtrack account with this email address, which already has one.',
      'No new account was made and nothing in your account changed.',
      '',
      `If it was you: log in at ${publicUrl.replace(/\/+$/, '')}/account, or reset your password there if you forgot it.`,
      'If it was not you, you need not do anything.',
    ].join('\n'),
  };
}

/**
 * Sends without making the caller wait, so that an answer takes as long
 * whether or not a mail goes out; a failure is logged.
 */
export function sendInBackground(mailer: Mailer, logger: Logger, message: MailMessage): void {
  mailer.send(message).catch((error: unknown) => {
    logger.error(`Sending the mail "${message.subject}" failed:`, error);
  });
}
