import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, mailConfigFromEnv, type MailMessage } from './mailer.js';

const message: MailMessage = {
  to: 'runner@example.com',
  subject: 'Your appointment on 4 December',
  text: 'See you at 09:30.\n',
  attachments: [
    {
      filename: 'appointment.ics',
      content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      contentType: 'text/calendar',
    },
  ],
};

describe('mailConfigFromEnv', () => {
  it('uses SMTP when SMTP_URL is set, the outbox folder otherwise', () => {
    expect(mailConfigFromEnv({ SMTP_URL: 'smtp://localhost:2525' }, '/w')).toMatchObject({
      kind: 'smtp',
      url: 'smtp://localhost:2525',
    });
    expect(mailConfigFromEnv({}, '/w')).toMatchObject({
      kind: 'outbox',
      folder: '/w/.backtrack/outbox',
    });
    expect(mailConfigFromEnv({ BACKTRACK_OUTBOX_DIR: 'mail', MAIL_FROM: 'a@b.c' }, '/w')).toEqual({
      kind: 'outbox',
      folder: '/w/mail',
      from: 'a@b.c',
    });
  });
  it('names a malformed SMTP_URL', () => {
    expect(() => mailConfigFromEnv({ SMTP_URL: 'not a url' }, '/w')).toThrow(/SMTP_URL/);
    expect(() => mailConfigFromEnv({ SMTP_URL: 'http://x' }, '/w')).toThrow(/smtp:\/\//);
  });
});

describe('the SMTP mailer, against a real SMTP server', () => {
  const received: string[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });

  it('delivers the message with its attachment', async () => {
    const mailer = createMailer({
      kind: 'smtp',
      url: `smtp://127.0.0.1:${port}`,
      from: 'Backtrack <no-reply@backtrack.test>',
    });
    expect(mailer.describe).toBe(`smtp://127.0.0.1:${port}`);
    const receipt = await mailer.send(message);
    expect(receipt.messageId).toMatch(/@/);
    expect(received).toHaveLength(1);
    const parsed = await simpleParser(received[0] ?? '');
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text).toBe(message.text);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['appointment.ics']);
  });

  it('rejects with an error when the server cannot be reached', async () => {
    const mailer = createMailer({ kind: 'smtp', url: 'smtp://127.0.0.1:1', from: 'a@b.c' });
    await expect(mailer.send(message)).rejects.toThrow();
  });
});

describe('the outbox mailer', () => {
  let folder = '';
  beforeAll(() => {
    folder = path.join(mkdtempSync(path.join(tmpdir(), 'bt-outbox-')), 'outbox');
  });
  afterAll(() => {
    rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it('writes each message as a whole .eml file in the folder', async () => {
    const mailer = createMailer({ kind: 'outbox', folder, from: 'a@b.c' });
    const first = await mailer.send(message);
    await mailer.send({ ...message, subject: 'Second' });
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    expect(first.file).toBeDefined();
    const parsed = await simpleParser(readFileSync(first.file ?? ''));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.to).toMatchObject({ text: 'runner@example.com' });
    expect(parsed.attachments[0]?.content.toString()).toContain('BEGIN:VCALENDAR');
  });
});
