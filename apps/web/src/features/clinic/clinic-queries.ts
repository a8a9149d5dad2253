/** The clinician workspace's queries: appointments and a runner's pre-visit summary. */
import { useQuery } from '@tanstack/react-query';
import { request } from '../../shared/api/client.js';

/** Query keys of the clinician workspace. */
export const clinicKeys = {
  appointments: ['clinic', 'appointments'] as const,
  summary: (runnerId: string) => ['clinic', 'summary', runnerId] as const,
};

/** The clinician's appointments of the week: each clinic's today and 6 days on, in the clinic's time zone. */
export function useClinicianAppointments() {
  return useQuery({
    queryKey: clinicKeys.appointments,
    queryFn: async () => (await request('GET /api/clinician/appointments', {})).appointments,
  });
}

/** A consenting runner's pre-visit summary (403 without consent). */
export function usePreVisitSummary(runnerId: string) {
  return useQuery({
    queryKey: clinicKeys.summary(runnerId),
    queryFn: () => request('GET /api/clinician/runners/:runnerId/summary', { param: { runnerId } }),
  });
}
