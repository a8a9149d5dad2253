/**
 * The HTTP client: JSON in and out, the error model of docs/api.md, and the
 * double-submit CSRF token (cookie `bt_csrf`, header `x-csrf-token`) on every
 * state-changing request.
 */

import type { ApiErrorCodeDto, ErrorBodyDto } from './types.js';

/** Error codes of the API (the server's contract, docs/api.md), plus `network` when no answer came. */
export type ApiErrorCode = ApiErrorCodeDto | 'network';

/**
 * The server's error codes as a value the guard can read. Typed as a record
 * over the contract's union, so a code added to or removed from the server
 * fails to compile here until this table follows.
 */
const SERVER_ERROR_CODES: Record<ApiErrorCodeDto, true> = {
  invalid_input: true,
  unauthenticated: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  payload_too_large: true,
  rate_limited: true,
  server_error: true,
};

/** Whether `value` is one of the server's error codes. */
export function isApiErrorCode(value: unknown): value is ApiErrorCodeDto {
  return typeof value === 'string' && Object.hasOwn(SERVER_ERROR_CODES, value);
}

/** A failed API call, with the server's code and message. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: string[];

  constructor(
    code: ApiErrorCode,
    message: string,
    options: { status: number; details?: string[] },
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status;
    this.details = options.details ?? [];
  }
}

const CODES_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/** Reads a cookie by name from `document.cookie`-style text. */
export function readCookie(cookieText: string, name: string): string | undefined {
  for (const part of cookieText.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Parses a response body that should be JSON; anything else is `undefined`. */
export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a response body is the server's error body (`{ error: { code, message, details } }`). */
export function isErrorBody(body: unknown): body is ErrorBodyDto {
  if (!isRecord(body) || !isRecord(body.error)) return false;
  const { code, message, details } = body.error;
  return (
    isApiErrorCode(code) &&
    typeof message === 'string' &&
    Array.isArray(details) &&
    details.every((d) => typeof d === 'string')
  );
}

/**
 * Turns an error response body into an `ApiError`: the server's code, message
 * and details when the body is its error body, else a code from the status
 * (a proxy's HTML page, an empty body).
 */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(code, message, { status, details });
  }
  return new ApiError(
    CODES_BY_STATUS[status] ?? 'server_error',
    `The server answered ${status}. Please try again.`,
    { status },
  );
}

let csrfToken: string | undefined;

/** The CSRF token for a state-changing request: the `bt_csrf` cookie, else fetched once. */
export async function ensureCsrfToken(): Promise<string> {
  const fromCookie = readCookie(document.cookie, 'bt_csrf');
  if (fromCookie) return fromCookie;
  if (csrfToken) return csrfToken;
  const body = await request<{ token: string }>('GET', '/api/auth/csrf');
  csrfToken = body.token;
  return csrfToken;
}

/** Forgets the cached CSRF token (after log-out or account deletion). */
export function resetCsrfToken(): void {
  csrfToken = undefined;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = await ensureCsrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      'network',
      'Could not reach Backtrack. Check your connection and try again.',
      {
        status: 0,
      },
    );
  }
  if (response.status === 204) return undefined as T;
  const parsed = parseJson(await response.text());
  if (!response.ok) throw toApiError(response.status, parsed);
  // The one unchecked step: a success body is trusted to be the T the caller
  // names (a type of @backtrack/server/contract, which the server validated
  // its response against), not parsed again in the browser.
  return parsed as T;
}

/** The API, one function per verb. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
