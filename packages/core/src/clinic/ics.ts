/**
 * One appointment as an iCalendar file (RFC 5545) for mail clients:
 * `METHOD:REQUEST` to add or update it, `METHOD:CANCEL` to remove it. The
 * UID is stable per booking and `SEQUENCE` grows with each reschedule, so a
 * calendar updates the event it has instead of adding another. Times are in
 * UTC (`…Z`). Text is escaped (§3.3.11) and lines are folded at 75 octets
 * (§3.1). (The CLI's plan calendar is made by the `ics` library, which does
 * its own escaping and folding; no helper of it is copied here.)
 */

/** An appointment for the calendar. */
export interface AppointmentIcsInput {
  method: 'REQUEST' | 'CANCEL';
  /** Stable per booking, e.g. `booking-<id>@backtrack`. */
  uid: string;
  /** 0 for the first version; +1 on every change. */
  sequence: number;
  startMs: number;
  endMs: number;
  /** When the file was made (the caller's clock). */
  stampMs: number;
  summary: string;
  description: string;
  location?: string;
  organizer?: { name: string; email: string };
  attendee?: { email: string };
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeIcsText(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replaceAll(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts toward their 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20260302T090000Z` */
export function icsUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replaceAll(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The `.ics` text of one appointment (CRLF line ends). */
export function appointmentToIcs(input: AppointmentIcsInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Backtrack//clinic booking//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${String(input.sequence)}`,
    `DTSTAMP:${icsUtc(input.stampMs)}`,
    `DTSTART:${icsUtc(input.startMs)}`,
    `DTEND:${icsUtc(input.endMs)}`,
    `SUMMARY:${escapeIcsText(input.summary)}`,
    `DESCRIPTION:${escapeIcsText(input.description)}`,
    ...(input.location ? [`LOCATION:${escapeIcsText(input.location)}`] : []),
    ...(input.organizer
      ? [
          `ORGANIZER;CN="${input.organizer.name.replaceAll('"', "'")}":mailto:${input.organizer.email}`,
        ]
      : []),
    ...(input.attendee
      ? [`ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${input.attendee.email}`]
      : []),
    `STATUS:${input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
