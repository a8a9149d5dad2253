import { describe, expect, it } from 'vitest';
import { isExclusionViolation, isRetryableConflict } from './errors.js';

/** A driver error as Drizzle wraps it: the SQLSTATE sits on the cause. */
function wrapped(code: string, constraint?: string): Error {
  return new Error('Failed query', {
    cause: Object.assign(new Error('driver'), { code, constraint }),
  });
}

describe('database errors callers act on', () => {
  it('recognises a deadlock and a serialization failure, wrapped or not, as safe to run again', () => {
    expect(isRetryableConflict(wrapped('40P01'))).toBe(true);
    expect(isRetryableConflict(wrapped('40001'))).toBe(true);
    expect(isRetryableConflict(Object.assign(new Error('x'), { code: '40P01' }))).toBe(true);
  });

  it('does not run again what failed for a reason of its own', () => {
    expect(isRetryableConflict(wrapped('23P01', 'appointments_no_overlap'))).toBe(false);
    expect(isRetryableConflict(wrapped('23505'))).toBe(false);
    expect(isRetryableConflict(new Error('connection refused'))).toBe(false);
    expect(isRetryableConflict(undefined)).toBe(false);
  });

  it('names the exclusion constraint an overlap broke', () => {
    expect(
      isExclusionViolation(wrapped('23P01', 'appointments_no_overlap'), 'appointments_no_overlap'),
    ).toBe(true);
    expect(isExclusionViolation(wrapped('23P01', 'other'), 'appointments_no_overlap')).toBe(false);
    expect(isExclusionViolation(wrapped('40P01'))).toBe(false);
  });
});
