/**
 * The HTTP side of Backtrack's one error model. Services throw the core's
 * `DomainError`; the few conditions only HTTP knows (a body too large, too
 * many attempts) are `HttpOnlyError`s. Both map to a status through one
 * table that the compiler checks is complete, and every error leaves the
 * server as `{ error: { code, message, details } }`.
 */
import { DomainError, type ErrorCode } from '@backtrack/core';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** Codes that only the HTTP adapter raises. */
export const HTTP_ONLY_ERROR_CODES = ['payload_too_large', 'rate_limited', 'server_error'] as const;
/** A code only the HTTP adapter raises. */
export type HttpOnlyErrorCode = (typeof HTTP_ONLY_ERROR_CODES)[number];
/** Every code an API error body can carry. */
export type ApiErrorCode = ErrorCode | HttpOnlyErrorCode;

/** The HTTP status of every error code: adding a code without a status fails to compile. */
export const HTTP_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  server_error: 500,
} as const satisfies Record<ApiErrorCode, ContentfulStatusCode>;

/** An error only the HTTP layer raises. */
export class HttpOnlyError extends Error {
  override readonly name = 'HttpOnlyError';
  constructor(
    readonly code: HttpOnlyErrorCode,
    message: string,
    readonly details: readonly string[] = [],
    /** Extra response headers (for example `retry-after`). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ApiErrorCode; message: string; details: string[] };
}

/** The body for an error code. */
export function errorBody(
  code: ApiErrorCode,
  message: string,
  details: readonly string[] = [],
): ErrorBody {
  return { error: { code, message, details: [...details] } };
}

/** `a.b[2].c` for a zod issue path; `body` for the root. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || 'body';
}

/** One readable line per zod issue, each naming the field. */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (keys.length > 0) {
      const where = issue.path.length > 0 ? ` in ${pathText(issue.path)}` : '';
      return `unknown field${keys.length > 1 ? 's' : ''}${where}: ${keys.join(', ')}`;
    }
    return `${pathText(issue.path)}: ${issue.message}`;
  });
}

/** A `DomainError` for invalid input from zod issues; the message names the first field. */
export function invalidInput(issues: readonly z.core.$ZodIssue[], where?: string): DomainError {
  const lines = describeZodIssues(issues).map((l) => (where ? `${where} ${l}` : l));
  return new DomainError('invalid_input', lines[0] ?? 'invalid input', lines);
}
