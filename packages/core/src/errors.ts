/**
 * The one error model of Backtrack: a `DomainError` with a closed code union.
 * Adapters (CLI, HTTP) map each code to an exit status or HTTP status in one
 * exhaustive table. Expected outcomes of an assessment are not errors; they
 * are returned as `issues`.
 */

/** Every error code the domain can raise. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
] as const;
/** A domain error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the caller can act on; `details` name the problem precisely. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
