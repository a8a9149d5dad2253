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
export { nextLocalHour, REMINDER_HOURS, type LocalHourOccurrence } from './local-hour.js';
export { bookingPolicy, assertBookingAllowed, type BookingPolicy } from './booking-policy.js';
export { DEFAULT_APPOINTMENT_TYPES, type AppointmentTypeSeed } from './appointment-types.js';
export {
  appointmentToIcs,
  escapeIcsText,
  foldIcsLine,
  icsUtc,
  type AppointmentIcsInput,
} from './ics.js';
export {
  buildPreVisitSummary,
  checkInTrend,
  ONSET_AND_COURSE_QUESTIONS,
  SUMMARY_WEAK_LINKS,
  SUMMARY_TRAINING_WEEKS,
  type SummarySection,
  type AnsweredQuestion,
  type WeakLink,
  type CheckInTrend,
  type PreVisitSummary,
  type PreVisitInputs,
} from './pre-visit-summary.js';
export {
  SHARE_ITEMS,
  SHARE_ITEM_LABELS,
  describeShared,
  shareItemLabel,
  type ShareItem,
  type ShareScopes,
} from './share-items.js';
