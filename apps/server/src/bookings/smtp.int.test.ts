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
import { openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
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

describe('booking mail over SMTP', { timeout: 120_000 }, () => {
  it('queues the confirmation while the mail server is down and delivers it later', async () => {
    const received: string[] = [];
    // Find a free port, then leave it closed: the mail server is "down".
    const probe = smtpServer(received);
    const port = await listen(probe, 0);
    await close(probe);
    const mailer = createMailer({
      kind: 'smtp',
      url: `smtp://127.0.0.1:${String(port)}`,
      from: 'Backtrack <no-reply@backtrack.test>',
    });
    // Accounts are made through an app that mails to its outbox (where the
    // registration links are read); the booking goes through the SMTP one,
    // on the same database, with the same session.
    const accounts = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
    const t = await createTestApp({
      now: '2026-03-02T09:00:00.000Z',
      mailer,
      database: accounts.database,
    });
    let server: SMTPServer | undefined;
    try {
      const { clinic, types } = await openClinic(accounts);
      const runner = t.browser();
      for (const [name, value] of (await signUp(accounts, 'runner@example.org')).cookies)
        runner.cookies.set(name, value);
      const booked = await runner.post('/api/bookings', {
        clinicId: clinic.id,
        appointmentTypeId: types.running_analysis,
        start: '2026-03-05T09:00:00.000Z',
        share: SHARE_ALL,
      });
      expect(booked.status).toBe(201);
      expect(t.logger.lines.join('\n')).toMatch(
        /Booking mail \(booked\) .* failed; queued for retry/,
      );
      // Still down: retried later, nothing lost.
      expect(await t.runDueJobs()).toMatchObject({ retried: 1, done: 0 });

      server = smtpServer(received);
      await listen(server, port);
      expect(await t.runDueJobs(new Date('2026-03-02T09:05:00.000Z'))).toMatchObject({ done: 1 });
      expect(received).toHaveLength(1);
      const parsed = await simpleParser(received[0] ?? '');
      expect(parsed.subject).toMatch(/^Booked: Free running performance analysis/);
      expect(parsed.attachments.map((a) => a.filename)).toEqual(['appointment.ics']);
      expect(parsed.attachments[0]?.content.toString('utf8')).toContain('METHOD:REQUEST');
    } finally {
      await t.close();
      await accounts.close();
      if (server) await close(server);
    }
  });
});
