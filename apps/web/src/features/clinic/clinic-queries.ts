/** The clinician workspace's queries: appointments and a runner's pre-visit summary. */
import { useQuery } from '@tanstack/react-query';
import { request } from '../../shared/api/client.js';

/** Query keys of the clinician workspace. */
export const clinicKeys = {
  appointments: (from: string, to: string) => ['clinic', 'appointments', from, to] as const,
  summary: (runnerId: string) => ['clinic', 'summary', runnerId] as const,
};

/** The clinician's appointments from `from` to `to` (UTC dates, inclusive). */
export function useClinicianAppointments(from: string, to: string) {
  return useQuery({
    queryKey: clinicKeys.appointments(from, to),
    queryFn: async () =>
      (await request('GET /api/clinician/appointments', { query: { from, to } })).appointments,
  });
}

/** A consenting runner's pre-visit summary (403 without consent). */
export function usePreVisitSummary(runnerId: string) {
  return useQuery({
    queryKey: clinicKeys.summary(runnerId),
    queryFn: () => request('GET /api/clinician/runners/:runnerId/summary', { param: { runnerId } }),
  });
}
