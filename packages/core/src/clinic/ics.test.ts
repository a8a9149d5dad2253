import { describe, expect, it } from 'vitest';
import { appointmentToIcs, escapeIcsText, foldIcsLine } from './ics.js';

const input = {
  method: 'REQUEST' as const,
  uid: 'booking-1@backtrack',
  sequence: 2,
  startMs: Date.parse('2026-03-02T08:00:00Z'),
  endMs: Date.parse('2026-03-02T08:30:00Z'),
  stampMs: Date.parse('2026-03-01T12:00:00Z'),
  summary: 'Running analysis, Nørrebro Physio; room 2',
  description: 'Line one\nLine two, with a comma',
  location: 'Main St 1, Copenhagen',
};

/** Unfolds and splits an .ics file into its content lines. */
function unfold(text: string): string[] {
  return text.replaceAll('\r\n ', '').split('\r\n').filter(Boolean);
}

describe('appointment .ics', () => {
  it('has METHOD, a stable UID, SEQUENCE and UTC times', () => {
    const lines = unfold(appointmentToIcs(input));
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('UID:booking-1@backtrack');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('DTSTART:20260302T080000Z');
    expect(lines).toContain('DTEND:20260302T083000Z');
    expect(lines).toContain('SUMMARY:Running analysis\\, Nørrebro Physio\\; room 2');
    expect(lines).toContain('DESCRIPTION:Line one\\nLine two\\, with a comma');
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('marks a cancellation', () => {
    const lines = unfold(appointmentToIcs({ ...input, method: 'CANCEL' }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
  });

  it('escapes backslashes first', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'ø'.repeat(100)}`;
    const folded = foldIcsLine(line);
    const enc = new TextEncoder();
    for (const part of folded.split('\r\n'))
      expect(enc.encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
  });
});
