/**
 * The booking API (docs/api.md, "Clinics and booking") as TanStack Query
 * hooks: clinics, free slots, the triage's booking policy, the runner's
 * appointments, and booking, rescheduling and cancelling.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, routeUrl, type InputOf } from '../../shared/api/client.js';
import type { BookingDto } from '../../shared/api/types.js';

/** The booking feature's query keys. */
export const bookingKeys = {
  clinics: ['clinics'] as const,
  slots: (clinicId: string, typeId: string, from: string, to: string) =>
    ['slots', clinicId, typeId, from, to] as const,
  allSlots: ['slots'] as const,
  policy: (assessmentId: string) => ['booking-policy', assessmentId] as const,
  bookings: ['bookings'] as const,
  booking: (id: string) => ['booking', id] as const,
};

/** Every clinic with its appointment types and clinicians. */
export function useClinics() {
  return useQuery({
    queryKey: bookingKeys.clinics,
    queryFn: async () => (await request('GET /api/clinics')).clinics,
    staleTime: 60_000,
  });
}

/** Free slots of one appointment type at a clinic between two dates. */
export function useSlots(
  query: { clinicId: string; appointmentTypeId: string; from: string; to: string } | null,
) {
  return useQuery({
    queryKey: bookingKeys.slots(
      query?.clinicId ?? '',
      query?.appointmentTypeId ?? '',
      query?.from ?? '',
      query?.to ?? '',
    ),
    queryFn: () =>
      request('GET /api/clinics/:id/slots', {
        param: { id: query?.clinicId ?? '' },
        query: {
          appointmentTypeId: query?.appointmentTypeId,
          from: query?.from,
          to: query?.to,
        },
      }),
    enabled: query !== null,
  });
}

/** What the assessment's triage allows to book. */
export function useBookingPolicy(assessmentId: string) {
  return useQuery({
    queryKey: bookingKeys.policy(assessmentId),
    queryFn: () => request('GET /api/bookings/policy', { query: { assessmentId } }),
  });
}

/** The signed-in runner's appointments, by start. */
export function useBookings(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: bookingKeys.bookings,
    queryFn: async () => (await request('GET /api/bookings')).bookings,
    enabled: options.enabled ?? true,
  });
}

/** One appointment. */
export function useBooking(id: string) {
  return useQuery({
    queryKey: bookingKeys.booking(id),
    queryFn: () => request('GET /api/bookings/:id', { param: { id } }),
  });
}

/** Puts a changed booking into the cache and refreshes the lists and slots. */
function useBookingChanged() {
  const client = useQueryClient();
  return (booking: BookingDto) => {
    client.setQueryData(bookingKeys.booking(booking.id), booking);
    void client.invalidateQueries({ queryKey: bookingKeys.bookings });
    void client.invalidateQueries({ queryKey: bookingKeys.allSlots });
  };
}

/** Books a slot (201), or fails with 409 when someone else just took it. */
export function useBook() {
  const changed = useBookingChanged();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InputOf<'POST /api/bookings'>['json']) =>
      request('POST /api/bookings', { json: body }),
    onSuccess: changed,
    // A taken slot: the list the runner saw is stale.
    onError: () => client.invalidateQueries({ queryKey: bookingKeys.allSlots }),
  });
}

/** Moves an appointment to another slot; answers the new booking. */
export function useReschedule(id: string) {
  const changed = useBookingChanged();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InputOf<'POST /api/bookings/:id/reschedule'>['json']) =>
      request('POST /api/bookings/:id/reschedule', { param: { id }, json: body }),
    onSuccess: (booking) => {
      changed(booking);
      void client.invalidateQueries({ queryKey: bookingKeys.booking(id) });
    },
    onError: () => client.invalidateQueries({ queryKey: bookingKeys.allSlots }),
  });
}

/** Cancels an appointment. */
export function useCancelBooking(id: string) {
  const changed = useBookingChanged();
  return useMutation({
    mutationFn: () => request('POST /api/bookings/:id/cancel', { param: { id } }),
    onSuccess: changed,
  });
}

/** The calendar file of an appointment (`text/calendar`). */
export function icsUrl(bookingId: string): string {
  return routeUrl('GET /api/bookings/:id/ics', { param: { id: bookingId } }).url;
}
