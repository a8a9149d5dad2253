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
import { bookAnalysis, openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
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

  it('mails the cancellation to the clinician who was booked: on a move to a colleague, and when the clinic cancels', async () => {
    const received: string[] = [];
    const server = smtpServer(received);
    const port = await listen(server, 0);
    const { t, accounts, signUpHere } = await smtpApp(port);
    try {
      const clinic = await openClinic(accounts);
      // A second clinician, Ben, joins by the mailed invitation and works the same hours.
      const invited = await clinic.admin.post(`/api/clinics/${clinic.clinic.id}/invitations`, {
        email: 'ben@clinic.test',
      });
      expect(invited.status, invited.text).toBe(201);
      const invitation = (await accounts.mail()).find((m) => m.to === 'ben@clinic.test');
      const token = /join\?token=([\w-]+)/.exec(invitation?.text ?? '')?.[1];
      const ben = await signUpHere('ben@clinic.test');
      const joined = await ben.post('/api/invitations/accept', {
        token,
        displayName: 'Ben Okafor',
      });
      expect(joined.status, joined.text).toBe(200);
      const benId = (joined.body as { memberId: string }).memberId;
      const hours = await ben.put(
        `/api/clinics/${clinic.clinic.id}/members/${benId}/working-hours`,
        { blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) },
      );
      expect(hours.status, hours.text).toBe(200);
      const runner = await signUpHere('runner@example.org');
      /** The mails received since the last call, by recipient (one each). */
      const mailsByRecipient = async () => {
        const mails = await Promise.all(received.splice(0).map((raw) => simpleParser(raw)));
        const to = mails.map((m) => recipient(m));
        expect(new Set(to).size, to.join(', ')).toBe(to.length);
        return new Map(
          mails.map((m) => [
            recipient(m) ?? '',
            { subject: m.subject ?? '', ics: m.attachments[0]?.content.toString('utf8') ?? '' },
          ]),
        );
      };

      const booked = await runner.post('/api/bookings', {
        clinicId: clinic.clinic.id,
        appointmentTypeId: clinic.types.running_analysis,
        start: '2026-03-05T09:00:00.000Z',
        clinicianId: benId,
        share: SHARE_ALL,
      });
      expect(booked.status, booked.text).toBe(201);
      expect([...(await mailsByRecipient()).keys()].sort()).toEqual([
        'ben@clinic.test',
        'runner@example.org',
      ]);

      // Moved to Anna: Ben's calendar gets the CANCEL, Anna the new REQUEST.
      const moved = await runner.post(
        `/api/bookings/${(booked.body as { id: string }).id}/reschedule`,
        { start: '2026-03-05T12:00:00.000Z', clinicianId: clinic.clinicianId },
      );
      expect(moved.status, moved.text).toBe(200);
      const afterMove = await mailsByRecipient();
      expect([...afterMove.keys()].sort()).toEqual([
        'admin@clinic.test',
        'ben@clinic.test',
        'runner@example.org',
      ]);
      expect(afterMove.get('ben@clinic.test')?.subject).toMatch(/^Cancelled: /);
      expect(afterMove.get('ben@clinic.test')?.ics).toMatch(/METHOD:CANCEL/);
      expect(afterMove.get('admin@clinic.test')?.ics).toMatch(/METHOD:REQUEST/);

      // The clinic cancels (Ben, as a member): Anna, who is booked, and the runner hear of it; Ben not.
      const cancelled = await ben.post(
        `/api/bookings/${(moved.body as { id: string }).id}/cancel`,
        {},
      );
      expect(cancelled.status, cancelled.text).toBe(200);
      const afterCancel = await mailsByRecipient();
      expect([...afterCancel.keys()].sort()).toEqual(['admin@clinic.test', 'runner@example.org']);
      expect(afterCancel.get('admin@clinic.test')?.subject).toMatch(/^Cancelled: /);
      expect(afterCancel.get('admin@clinic.test')?.ics).toMatch(
        /METHOD:CANCEL[\s\S]*STATUS:CANCELLED/,
      );
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
