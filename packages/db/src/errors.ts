/** Recognising database errors that callers turn into domain outcomes. */

/** SQLSTATE of an exclusion-constraint violation (two booked appointments overlapping). */
const EXCLUSION_VIOLATION = '23P01';

/**
 * Whether `error` (or its cause: Drizzle wraps driver errors) is an
 * exclusion-constraint violation, optionally of the named constraint.
 */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === EXCLUSION_VIOLATION)
      return constraint === undefined || candidate.constraint === constraint;
    e = candidate.cause;
  }
  return false;
}

/**
 * SQLSTATEs of a transaction PostgreSQL aborted only because another one ran
 * at the same time: deadlock detected (two inserts that conflict under an
 * exclusion constraint can each wait for the other) and serialization
 * failure. Running the transaction again gives the real outcome.
 */
const RETRYABLE = new Set(['40P01', '40001']);

/** Whether `error` (or its cause) aborted a transaction that is safe to run again. */
export function isRetryableConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && RETRYABLE.has(candidate.code)) return true;
    e = candidate.cause;
  }
  return false;
}
