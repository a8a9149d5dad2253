import { describe, expect, it } from 'vitest';
import type { BookingDto, ClinicDto } from '../../shared/api/types.js';
import { preselectedType, splitAppointments } from './choices.js';

const type = (key: string, active = true): ClinicDto['appointmentTypes'][number] => ({
  id: `00000000-0000-4000-8000-${key.length.toString().padStart(12, '0')}`,
  key,
  name: key,
  durationMinutes: 30,
  priceCents: null,
  currency: 'DKK',
  description: '',
  active,
});

const clinic = (types: ClinicDto['appointmentTypes']): ClinicDto => ({
  id: '00000000-0000-4000-8000-000000000009',
  name: 'Clinic',
  address: 'Street 1',
  timeZone: 'Europe/Copenhagen',
  bufferMinutes: 10,
  minNoticeMinutes: 60,
  appointmentTypes: types,
  clinicians: [],
});

describe('preselectedType', () => {
  it('takes the type the triage suggests, else the first active one', () => {
    const c = clinic([type('follow_up'), type('running_analysis'), type('initial_evaluation')]);
    expect(preselectedType(c, 'running_analysis')?.key).toBe('running_analysis');
    expect(preselectedType(c, null)?.key).toBe('follow_up');
    expect(preselectedType(c, 'missing')?.key).toBe('follow_up');
  });

  it('never preselects an inactive type', () => {
    const c = clinic([type('running_analysis', false), type('follow_up')]);
    expect(preselectedType(c, 'running_analysis')?.key).toBe('follow_up');
    expect(preselectedType(clinic([type('x', false)]), null)).toBeUndefined();
  });
});

const booking = (id: string, start: string, status: BookingDto['status']): BookingDto => ({
  id,
  clinicId: 'c',
  clinicName: 'Clinic',
  timeZone: 'Europe/Copenhagen',
  appointmentTypeId: 't',
  appointmentTypeName: 'Analysis',
  clinicianId: 'x',
  clinicianName: 'Anna',
  start,
  end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  status,
  assessmentId: null,
  tier: null,
  reason: null,
  rescheduledFrom: null,
  cancelledAt: null,
  share: null,
});

describe('splitAppointments', () => {
  it('splits at now: booked and not over is upcoming, soonest first; the rest latest first', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const { upcoming, past } = splitAppointments(
      [
        booking('later', '2026-03-12T08:00:00Z', 'booked'),
        booking('soon', '2026-03-11T08:00:00Z', 'booked'),
        // Started 15 minutes ago, ends in 15: still upcoming.
        booking('now', '2026-03-10T11:45:00Z', 'booked'),
        booking('done', '2026-03-09T08:00:00Z', 'booked'),
        booking('cancelled', '2026-03-13T08:00:00Z', 'cancelled'),
        booking('moved', '2026-03-11T09:00:00Z', 'rescheduled'),
      ],
      now,
    );
    expect(upcoming.map((b) => b.id)).toEqual(['now', 'soon', 'later']);
    expect(past.map((b) => b.id)).toEqual(['cancelled', 'done']);
  });
});
