/**
 * Outcome measures over the API: the runner records pain (NPRS) and function
 * (PSFS) and reads the change judged against the minimal important change; a
 * clinician of a clinic the runner shares check-ins with may record them too
 * (in the runner's access log) and sees them in the pre-visit summary.
 */
import { describe, expect, it } from 'vitest';
import type { AccessEntryDto, PreVisitSummaryDto } from '../contract.js';
import { openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { OutcomeMeasureDto } from './dto.js';
import { NO_OUTCOME_CONSENT_MESSAGE } from './service.js';

const NOW = '2026-03-02T09:00:00.000Z';
const DAY = 86_400_000;

interface OutcomesBody {
  measures: OutcomeMeasureDto[];
  series: {
    instrument: string;
    measures: { score: number }[];
    change: { points: number; direction: string; important: boolean; text: string } | null;
  }[];
}

async function book(t: TestApp, runner: TestBrowser, share: typeof SHARE_ALL) {
  const clinic = await openClinic(t, { email: 'anna@clinic-a.test' });
  const booked = await runner.post('/api/bookings', {
    clinicId: clinic.clinic.id,
    appointmentTypeId: clinic.types.running_analysis,
    start: '2026-03-03T09:00:00.000Z',
    share,
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${booked.text}`);
  const runnerId = ((await runner.get('/api/auth/me')).body as { user: { id: string } }).user.id;
  return { clinic, runnerId };
}

/** The runner records pain 7; a day later the clinic's admin (Anna Holm) records 4 for them. */
async function clinicianRecordsPain(t: TestApp) {
  const runner = await signUp(t, 'runner@example.org');
  const { clinic, runnerId } = await book(t, runner, SHARE_ALL);
  await runner.post('/api/me/outcomes', { instrument: 'nprs', score: 7 });
  t.clock.advance(DAY);
  const recorded = await clinic.admin.post(`/api/clinician/runners/${runnerId}/outcomes`, {
    instrument: 'nprs',
    score: 4,
  });
  return { runner, clinic, runnerId, recorded };
}

describe('outcome measures', { timeout: 60_000 }, () => {
  it('records the runner’s NPRS and PSFS and judges the change against the minimal important change', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const runner = await signUp(t, 'runner@example.org');
      expect((await runner.get('/api/me/outcomes')).body).toEqual({ measures: [], series: [] });
      const first = await runner.post('/api/me/outcomes', { instrument: 'nprs', score: 6 });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        instrument: 'nprs',
        score: 6,
        items: null,
        recordedAt: NOW,
        recordedBy: 'runner',
        recordedByName: null,
      });
      const psfs = await runner.post('/api/me/outcomes', {
        instrument: 'psfs',
        items: [
          { activity: 'Running 10 km', score: 2 },
          { activity: 'Sitting through a meeting', score: 5 },
        ],
      });
      expect(psfs.status).toBe(201);
      expect((psfs.body as OutcomeMeasureDto).score).toBe(3.5);
      t.clock.advance(14 * DAY);
      await runner.post('/api/me/outcomes', { instrument: 'nprs', score: 5 });
      await runner.post('/api/me/outcomes', {
        instrument: 'psfs',
        items: [
          { activity: 'Running 10 km', score: 5 },
          { activity: 'Sitting through a meeting', score: 7 },
        ],
      });

      const body = (await runner.get('/api/me/outcomes')).body as OutcomesBody;
      expect(body.measures).toHaveLength(4);
      const [pain, fn] = body.series;
      expect(pain?.instrument).toBe('nprs');
      expect(pain?.change).toMatchObject({ points: -1, direction: 'better', important: false });
      expect(pain?.change?.text).toContain('less than the 2-point change');
      expect(fn?.instrument).toBe('psfs');
      expect(fn?.change).toMatchObject({ points: 2.5, direction: 'better', important: true });

      // The account export carries them.
      const exported = (await runner.get('/api/me/export')).body as { outcomes: unknown[] };
      expect(exported.outcomes).toHaveLength(4);

      // Another runner sees none of it.
      const other = await signUp(t, 'other@example.org');
      expect((await other.get('/api/me/outcomes')).body).toEqual({ measures: [], series: [] });
    } finally {
      await t.close();
    }
  });

  it('lets a clinician with the check-ins consent record a measure, logged and shown in the summary', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { runner, clinic, runnerId, recorded } = await clinicianRecordsPain(t);
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ score: 4, recordedBy: 'clinician' });

      const mine = (await runner.get('/api/me/outcomes')).body as OutcomesBody;
      expect(mine.measures.map((m) => m.recordedBy)).toEqual(['runner', 'clinician']);
      const log = (await runner.get('/api/me/access-log')).body as { entries: AccessEntryDto[] };
      expect(log.entries[0]).toMatchObject({
        action: 'clinician.outcome',
        what: 'nprs',
        who: 'Anna Holm',
      });

      const res = await clinic.admin.get(`/api/clinician/runners/${runnerId}/summary`);
      const { summary } = res.body as PreVisitSummaryDto;
      expect(summary.outcomes.status).toBe('shown');
      if (summary.outcomes.status === 'shown')
        expect(summary.outcomes.data[0]?.change).toMatchObject({
          from: 7,
          to: 4,
          important: true,
        });
    } finally {
      await t.close();
    }
  });

  it('still shows a measure as the clinician’s, by name, after the clinician’s account is deleted', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const { runner, clinic, recorded } = await clinicianRecordsPain(t);
      expect(recorded.body).toMatchObject({ recordedBy: 'clinician', recordedByName: 'Anna Holm' });
      expect((await clinic.admin.delete('/api/me')).status).toBe(204);

      const who = (m: OutcomeMeasureDto) => [m.recordedBy, m.recordedByName];
      const mine = (await runner.get('/api/me/outcomes')).body as OutcomesBody;
      expect(mine.measures.map(who)).toEqual([
        ['runner', null],
        ['clinician', 'Anna Holm'],
      ]);
      const exported = (await runner.get('/api/me/export')).body as {
        outcomes: OutcomeMeasureDto[];
      };
      expect(exported.outcomes.map(who)).toEqual([
        ['runner', null],
        ['clinician', 'Anna Holm'],
      ]);
    } finally {
      await t.close();
    }
  });

  it('refuses a clinician whose clinic does not get the check-ins, and hides the measures', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const runner = await signUp(t, 'runner@example.org');
      const { clinic, runnerId } = await book(t, runner, { ...SHARE_ALL, checkins: false });
      await runner.post('/api/me/outcomes', { instrument: 'nprs', score: 7 });
      const refused = await clinic.admin.post(`/api/clinician/runners/${runnerId}/outcomes`, {
        instrument: 'nprs',
        score: 4,
      });
      expect(refused.status).toBe(403);
      expect((refused.body as { error: { message: string } }).error.message).toBe(
        NO_OUTCOME_CONSENT_MESSAGE,
      );
      expect(((await runner.get('/api/me/outcomes')).body as OutcomesBody).measures).toHaveLength(
        1,
      );
      const { summary } = (await clinic.admin.get(`/api/clinician/runners/${runnerId}/summary`))
        .body as PreVisitSummaryDto;
      expect(summary.outcomes).toEqual({ status: 'not_shared', item: 'checkins' });
    } finally {
      await t.close();
    }
  });
});
