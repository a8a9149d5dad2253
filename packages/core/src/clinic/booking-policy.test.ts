import { describe, expect, it } from 'vitest';
import { TRIAGE_TIERS } from '../knowledge/schema.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { BOOKING_RULES } from '../knowledge/booking-rules.js';
import { assertBookingAllowed, bookingPolicy } from './booking-policy.js';

describe('booking policy by triage tier', () => {
  it.each([
    ['emergency', false, false, null],
    ['urgent_doctor', true, true, null],
    ['see_clinician', true, false, { from: '2026-03-02', to: '2026-03-15' }],
    ['self_care', true, false, null],
  ] as const)('%s: can book %s, needs a doctor first %s', (tier, canBook, clearance, window) => {
    const p = bookingPolicy(tier, '2026-03-02');
    expect(p.canBook).toBe(canBook);
    expect(p.needsDoctorClearance).toBe(clearance);
    expect(p.window).toEqual(window);
  });

  it('says plainly what each tier means', () => {
    expect(bookingPolicy('emergency', '2026-03-02').text).toMatch(/emergency/i);
    expect(bookingPolicy('urgent_doctor', '2026-03-02').text).toMatch(/doctor first/i);
    expect(bookingPolicy('urgent_doctor', '2026-03-02').text).toMatch(/follow-up/i);
    expect(bookingPolicy('see_clinician', '2026-03-02').text).toMatch(/14 days/);
    expect(bookingPolicy('self_care', '2026-03-02').text).toMatch(/free 30-minute.*optional/s);
  });

  it('refuses emergency always and urgent_doctor without clearance', () => {
    expect(() => {
      assertBookingAllowed('emergency', { clearedByDoctor: true });
    }).toThrow(/emergency/);
    expect(() => {
      assertBookingAllowed('urgent_doctor', { clearedByDoctor: false });
    }).toThrow(/doctor first/);
    expect(() => {
      assertBookingAllowed('urgent_doctor', { clearedByDoctor: true });
    }).not.toThrow();
    expect(() => {
      assertBookingAllowed('see_clinician', { clearedByDoctor: false });
    }).not.toThrow();
    expect(() => {
      assertBookingAllowed(null, { clearedByDoctor: false });
    }).not.toThrow();
  });

  it('has a rule for every tier, each citing sources the knowledge base knows', () => {
    const kb = loadKnowledgeBase();
    const known = new Set([...kb.sources.map((s) => s.id), ...kb.seedClaims.map((c) => c.id)]);
    for (const tier of TRIAGE_TIERS) {
      const rule = BOOKING_RULES[tier];
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const s of rule.sources) expect(known.has(s), `${tier} cites ${s}`).toBe(true);
    }
  });
});
