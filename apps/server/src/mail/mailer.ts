/**
 * The one way Backtrack sends mail. With `SMTP_URL` set, messages go to that
 * SMTP server; without it they are written, whole and readable, as `.eml`
 * files to a local outbox folder (`BACKTRACK_OUTBOX_DIR`, default
 * `.backtrack/outbox`), so that nothing is silently lost on a machine without
 * a mail server. Both paths build the message with the same composer
 * (nodemailer), so what lands in the outbox is exactly what SMTP would carry.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

/** A file sent with a message (an `.ics` invitation, a PDF). */
export interface MailAttachment {
  filename: string;
  content: string | Uint8Array;
  contentType: string;
}

/** One message. `text` is required: every mail must read well without HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly MailAttachment[];
}

/** Where a message went: the SMTP server's message id, or the outbox file. */
export interface MailReceipt {
  messageId: string;
  /** The `.eml` file written, for the outbox mailer. */
  file?: string;
}

/** Sends mail. Rejects with an Error naming the problem when the message cannot be handed on. */
export interface Mailer {
  /** How mail leaves: `smtp://host:port` (no credentials) or the outbox folder. */
  readonly describe: string;
  send(message: MailMessage): Promise<MailReceipt>;
}

/** How the mailer is configured. */
export type MailConfig =
  { kind: 'smtp'; url: string; from: string } | { kind: 'outbox'; folder: string; from: string };

/** The sender used when `MAIL_FROM` is not set. */
export const DEFAULT_MAIL_FROM = 'Backtrack <no-reply@backtrack.local>';

/** Reads the mail configuration from the environment (`SMTP_URL`, `MAIL_FROM`, `BACKTRACK_OUTBOX_DIR`). */
export function mailConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): MailConfig {
  const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  const url = env.SMTP_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`SMTP_URL must be a URL like smtp://user:pass@host:587, got "${url}"`);
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
      throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${parsed.protocol}"`);
    return { kind: 'smtp', url, from };
  }
  const folder = path.resolve(cwd, env.BACKTRACK_OUTBOX_DIR?.trim() || '.backtrack/outbox');
  return { kind: 'outbox', folder, from };
}

function toNodemailer(message: MailMessage, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    attachments: (message.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: typeof a.content === 'string' ? a.content : Buffer.from(a.content),
      contentType: a.contentType,
    })),
  };
}

function smtpMailer(url: string, from: string): Mailer {
  const target = new URL(url);
  const transport: Transporter = nodemailer.createTransport(url);
  return {
    describe: `${target.protocol}//${target.host}`,
    async send(message) {
      const info = (await transport.sendMail(toNodemailer(message, from))) as {
        messageId: string;
      };
      return { messageId: info.messageId };
    },
  };
}

function outboxMailer(folder: string, from: string): Mailer {
  const composer: Transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  let sent = 0;
  return {
    describe: folder,
    async send(message) {
      sent += 1;
      const info = (await composer.sendMail(toNodemailer(message, from))) as {
        messageId: string;
        message: Buffer;
      };
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(
        folder,
        `${stamp}-${String(sent).padStart(6, '0')}-${randomUUID().slice(0, 8)}.eml`,
      );
      // Written under a temporary name and renamed, so a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
      return { messageId: info.messageId, file };
    },
  };
}

/** The mailer for a configuration. */
export function createMailer(config: MailConfig): Mailer {
  return config.kind === 'smtp'
    ? smtpMailer(config.url, config.from)
    : outboxMailer(config.folder, config.from);
}
