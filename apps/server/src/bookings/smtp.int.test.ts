/**
 * Booking mail over real SMTP (a `smtp-server` started in the test): when the
 * mail server is down the booking still succeeds and its confirmation waits
 * in the durable job table; once the server is up, the job runner delivers
 * it, with the `.ics`.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../mail/mailer.js';
import { bookAnalysis, openClinic, signUp } from '../testing/clinic.js';
import { createTestApp } from '../testing/test-app.js';

function smtpServer(received: string[]): SMTPServer {
  return new SMTPServer({
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
}
const smtpMailer = (port: number) =>
  createMailer({
    kind: 'smtp',
    url: `smtp://127.0.0.1:${String(port)}`,
    from: 'Backtrack <no-reply@backtrack.test>',
  });
const listen = (server: SMTPServer, port: number) =>
  new Promise<number>((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      resolve((server.server.address() as AddressInfo).port);
    }),
  );
const close = (server: SMTPServer) =>
  new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });

/**
 * An app that mails over SMTP on `port`, and one on the same database that
 * mails to its outbox, where sign-up links are read: accounts are made
 * through the second, and their sessions used in the first.
 */
async function smtpApp(port: number) {
  const accounts = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
  const t = await createTestApp({
    now: '2026-03-02T09:00:00.000Z',
    mailer: smtpMailer(port),
    database: accounts.database,
  });
  const signUpHere = async (email: string) => {
    const browser = t.browser();
    for (const [name, value] of (await signUp(accounts, email)).cookies)
      browser.cookies.set(name, value);
    return browser;
  };
  return { t, accounts, signUpHere };
}

describe('booking mail over SMTP', { timeout: 120_000 }, () => {
  it('queues the confirmation while the mail server is down and delivers it later', async () => {
    const received: string[] = [];
    // Find a free port, then leave it closed: the mail server is "down".
    const probe = smtpServer(received);
    const port = await listen(probe, 0);
    await close(probe);
    const { t, accounts, signUpHere } = await smtpApp(port);
    let server: SMTPServer | undefined;
    try {
      const runner = await signUpHere('runner@example.org');
      await bookAnalysis(runner, await openClinic(accounts), '2026-03-05T09:00:00.000Z');
      expect(t.logger.lines.join('\n')).toMatch(
        /Booking mail \(booked, to the runner\) .* failed; queued for retry/,
      );
      expect(t.logger.lines.join('\n')).toMatch(
        /Booking mail \(booked, to the clinician\) .* failed; queued for retry/,
      );
      // Still down: retried later, nothing lost.
      expect(await t.runDueJobs()).toMatchObject({ retried: 2, done: 0 });

      server = smtpServer(received);
      await listen(server, port);
      expect(await t.runDueJobs(new Date('2026-03-02T09:05:00.000Z'))).toMatchObject({ done: 2 });
      expect(received).toHaveLength(2);
      const mails = await Promise.all(received.map((raw) => simpleParser(raw)));
      expect(mails.map((m) => recipient(m)).sort()).toEqual([
        'admin@clinic.test',
        'runner@example.org',
      ]);
      for (const parsed of mails) {
        expect(parsed.subject).toMatch(/^Booked: Free running performance analysis/);
        expect(parsed.attachments.map((a) => a.filename)).toEqual(['appointment.ics']);
        expect(parsed.attachments[0]?.content.toString('utf8')).toContain('METHOD:REQUEST');
      }
    } finally {
      await t.close();
      await accounts.close();
      if (server) await close(server);
    }
  });

  it('mails the clinician on book, reschedule and cancel, each with the .ics', async () => {
    const received: string[] = [];
    const server = smtpServer(received);
    const port = await listen(server, 0);
    const { t, accounts, signUpHere } = await smtpApp(port);
    try {
      const clinic = await openClinic(accounts);
      const runner = await signUpHere('runner@example.org');
      const clinicianMail = async () => {
        const mails = await Promise.all(received.splice(0).map((raw) => simpleParser(raw)));
        expect(mails.map((m) => recipient(m)).sort()).toEqual([
          'admin@clinic.test',
          'runner@example.org',
        ]);
        const mail = mails.find((m) => recipient(m) === 'admin@clinic.test');
        const ics = mail?.attachments[0]?.content.toString('utf8') ?? '';
        return { subject: mail?.subject, text: mail?.text, ics };
      };

      const { id } = await bookAnalysis(runner, clinic, '2026-03-05T09:00:00.000Z');
      const first = await clinicianMail();
      expect(first.subject).toBe(
        'Booked: Free running performance analysis with runner@example.org, Thursday 5 March 2026, 10:00–10:30 (Europe/Copenhagen)',
      );
      expect(first.text).toContain('A runner has booked an appointment with you.');
      expect(first.ics).toMatch(/METHOD:REQUEST[\s\S]*SEQUENCE:0[\s\S]*mailto:admin@clinic.test/);

      const moved = await runner.post(`/api/bookings/${id}/reschedule`, {
        start: '2026-03-05T12:00:00.000Z',
      });
      expect(moved.status, moved.text).toBe(200);
      const second = await clinicianMail();
      expect(second.subject).toMatch(/^Moved: .* 13:00–13:30 \(Europe\/Copenhagen\)$/);
      expect(second.ics).toMatch(/METHOD:REQUEST[\s\S]*SEQUENCE:1/);

      const cancelled = await runner.post(
        `/api/bookings/${(moved.body as { id: string }).id}/cancel`,
        {},
      );
      expect(cancelled.status, cancelled.text).toBe(200);
      const third = await clinicianMail();
      expect(third.subject).toMatch(/^Cancelled: /);
      expect(third.text).toContain('An appointment with you has been cancelled.');
      expect(third.ics).toMatch(/METHOD:CANCEL[\s\S]*SEQUENCE:2/);
      // Sent at once: nothing waits in the job table.
      expect(await t.runDueJobs()).toMatchObject({ done: 0, retried: 0 });
    } finally {
      await t.close();
      await accounts.close();
      await close(server);
    }
  });
});

/** The first address a parsed mail went to. */
function recipient(mail: Awaited<ReturnType<typeof simpleParser>>): string | undefined {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address;
}
