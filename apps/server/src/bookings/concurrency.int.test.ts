/**
 * 200 bookings of one slot sent at the same time, on every database the
 * tests reach (PGlite always; PostgreSQL when a server answers, see
 * scripts/setup-test-deps.sh): exactly one is booked (201) and the other 199
 * get 409 with a clear message, never a 500. The database's exclusion
 * constraint decides, not a check before the insert.
 */
import { testDatabaseKinds } from '@backtrack/db/testing';
import { describe, expect, it } from 'vitest';
import { openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
import { createTestApp } from '../testing/test-app.js';
import { SLOT_TAKEN_MESSAGE } from './service.js';

const kinds = await testDatabaseKinds();
const REQUESTS = 200;

describe.each(kinds)('200 concurrent bookings of one slot on $name', (kind) => {
  if (kind.unavailable !== undefined)
    console.warn(`[server] skipping the PostgreSQL booking race: ${kind.unavailable}`);
  it.skipIf(kind.unavailable !== undefined)(
    'books exactly one and answers 409 to the other 199',
    async () => {
      const database = await kind.open();
      const t = await createTestApp({ database, now: '2026-03-02T09:00:00.000Z' });
      try {
        const { clinic, types } = await openClinic(t);
        const runners = await Promise.all(
          [0, 1, 2, 3].map((i) => signUp(t, `racer${String(i)}@example.org`)),
        );
        const [first] = runners;
        if (!first) throw new Error('no runner');
        const body = {
          clinicId: clinic.id,
          appointmentTypeId: types.running_analysis,
          start: '2026-03-04T10:00:00.000Z',
          share: SHARE_ALL,
        };
        const results = await Promise.all(
          Array.from({ length: REQUESTS }, (_, i) =>
            (runners[i % runners.length] ?? first).post('/api/bookings', body),
          ),
        );
        const statuses = results.map((r) => r.status);
        // Anything but 201 and 409 shows itself with its body (a 500 names its cause in the log).
        expect(
          results
            .filter((r) => r.status !== 201 && r.status !== 409)
            .map((r) => [r.status, r.body]),
        ).toEqual([]);
        expect(statuses.filter((s) => s === 201)).toHaveLength(1);
        expect(statuses.filter((s) => s === 409)).toHaveLength(REQUESTS - 1);
        for (const r of results.filter((x) => x.status === 409))
          expect((r.body as { error: { message: string } }).error.message).toBe(SLOT_TAKEN_MESSAGE);
        // One booked appointment in the database, one pair of confirmation mails.
        const slots = await t
          .browser()
          .get(
            `/api/clinics/${clinic.id}/slots?appointmentTypeId=${types.running_analysis ?? ''}&from=2026-03-04&to=2026-03-04`,
          );
        expect(
          (slots.body as { slots: { start: string }[] }).slots.map((s) => s.start),
        ).not.toContain(body.start);
        // One confirmation to the runner who got the slot, one to the clinician.
        expect((await t.mail()).filter((m) => m.subject.startsWith('Booked'))).toHaveLength(2);
      } finally {
        await t.close();
        await database.close();
      }
    },
    180_000,
  );
});
