/** A clinic for API tests: an admin who created it, working hours, and its appointment types. */
import type { z } from '@hono/zod-openapi';
import type { ZClinic } from '../clinics/dto.js';
import type { InterviewDto, SavedPlanDto } from '../contract.js';
import { takeAssessment } from './interview.js';
import { DESK_RUNNER } from './runners.js';
import type { TestApp, TestBrowser } from './test-app.js';

/** A clinic as the API shows it. */
export type ClinicDto = z.infer<typeof ZClinic>;

/** What `openClinic` made. */
export interface TestClinic {
  admin: TestBrowser;
  clinic: ClinicDto;
  /** The admin's membership id (they also see patients here). */
  clinicianId: string;
  /** Appointment type ids by key (`running_analysis`, `initial_evaluation`, `follow_up`). */
  types: Record<string, string>;
}

/** Signs up a new browser with this email (a fresh account). */
export async function signUp(t: TestApp, email: string): Promise<TestBrowser> {
  const browser = t.browser();
  const res = await t.register(browser, email);
  if (res.status !== 200) throw new Error(`register ${email}: ${res.status} ${res.text}`);
  return browser;
}

/**
 * Creates a clinic whose admin works Monday to Friday, 09:00–17:00 in
 * `timeZone` (default Europe/Copenhagen), with a 10-minute buffer and no
 * minimum notice.
 */
export async function openClinic(
  t: TestApp,
  options: { email?: string; timeZone?: string; minNoticeMinutes?: number } = {},
): Promise<TestClinic> {
  const admin = await signUp(t, options.email ?? 'admin@clinic.test');
  const created = await admin.post('/api/clinics', {
    name: 'Nørrebro Running Physio',
    address: 'Nørrebrogade 1, Copenhagen',
    timeZone: options.timeZone ?? 'Europe/Copenhagen',
    bufferMinutes: 10,
    minNoticeMinutes: options.minNoticeMinutes ?? 0,
    displayName: 'Anna Holm',
  });
  if (created.status !== 201) throw new Error(`create clinic: ${created.status} ${created.text}`);
  const clinic = created.body as ClinicDto;
  const clinicianId = clinic.clinicians[0]?.id ?? '';
  const hours = await admin.put(`/api/clinics/${clinic.id}/members/${clinicianId}/working-hours`, {
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  });
  if (hours.status !== 200) throw new Error(`working hours: ${hours.status} ${hours.text}`);
  return {
    admin,
    clinic,
    clinicianId,
    types: Object.fromEntries(clinic.appointmentTypes.map((a) => [a.key, a.id])),
  };
}

/** Everything shared: the default consent for tests. */
export const SHARE_ALL = { assessment: true, plan: true, checkins: true, training: true };

/** Books the free running analysis at `start` for `runner`, sharing everything; throws unless 201. */
export async function bookAnalysis(
  runner: TestBrowser,
  clinic: TestClinic,
  start: string,
): Promise<{ id: string }> {
  const booked = await runner.post('/api/bookings', {
    clinicId: clinic.clinic.id,
    appointmentTypeId: clinic.types.running_analysis,
    start,
    share: SHARE_ALL,
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${booked.text}`);
  return booked.body as { id: string };
}

/** What `runnerSharingPlan` made. */
export interface SharingRunner {
  runner: TestBrowser;
  runnerId: string;
  assessment: InterviewDto;
  plan: SavedPlanDto;
}

/**
 * A new runner (`email`) who took the assessment as `DESK_RUNNER`, saved its
 * plan from 2026-03-02 and booked `clinic`'s running analysis on 2026-03-03,
 * sharing the assessment, the plan and the check-ins (not training).
 */
export async function runnerSharingPlan(
  t: TestApp,
  clinic: TestClinic,
  email: string,
): Promise<SharingRunner> {
  const runner = await signUp(t, email);
  const assessment = await takeAssessment(runner, DESK_RUNNER);
  const saved = await runner.post('/api/plans', {
    assessmentId: assessment.id,
    startDate: '2026-03-02',
  });
  if (saved.status !== 201) throw new Error(`plan: ${String(saved.status)} ${saved.text}`);
  const booked = await runner.post('/api/bookings', {
    clinicId: clinic.clinic.id,
    appointmentTypeId: clinic.types.running_analysis,
    start: '2026-03-03T09:00:00.000Z',
    assessmentId: assessment.id,
    share: { assessment: true, plan: true, checkins: true, training: false },
  });
  if (booked.status !== 201) throw new Error(`booking: ${String(booked.status)} ${booked.text}`);
  const runnerId = ((await runner.get('/api/auth/me')).body as { user: { id: string } }).user.id;
  return { runner, runnerId, assessment, plan: saved.body as SavedPlanDto };
}
