/** The clinic: free slots, booking matched to triage, appointment types and calendar files. */
export {
  freeSlots,
  slotWindowProblems,
  MAX_SLOT_WINDOW_DAYS,
  DEFAULT_SLOT_GRID_MINUTES,
  type BusySpan,
  type FreeSlot,
  type SlotQuery,
  type WorkingHoursBlock,
} from './slots.js';
export {
  fromLocalTime,
  toLocalTime,
  offsetMinutes,
  isTimeZone,
  isoWeekday,
  parseClockTime,
  formatClockTime,
  type LocalTime,
} from './time-zone.js';
export { bookingPolicy, assertBookingAllowed, type BookingPolicy } from './booking-policy.js';
export { DEFAULT_APPOINTMENT_TYPES, type AppointmentTypeSeed } from './appointment-types.js';
export {
  appointmentToIcs,
  escapeIcsText,
  foldIcsLine,
  icsUtc,
  type AppointmentIcsInput,
} from './ics.js';
