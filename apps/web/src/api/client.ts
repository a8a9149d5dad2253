/**
 * The HTTP client: JSON in and out, the error model of docs/api.md, and the
 * double-submit CSRF token (cookie `bt_csrf`, header `x-csrf-token`) on every
 * state-changing request.
 */

/** Error codes of the API (docs/api.md), plus `network` when no answer came. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'server_error'
  | 'network';

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

/** Turns an error response body into an `ApiError`. */
export function toApiError(status: number, body: unknown): ApiError {
  const fallback: ApiErrorCode = CODES_BY_STATUS[status] ?? 'server_error';
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? (error.code as ApiErrorCode) : fallback;
  const message =
    typeof error?.message === 'string'
      ? error.message
      : `The server answered ${status}. Please try again.`;
  const details = Array.isArray(error?.details)
    ? error.details.filter((d): d is string => typeof d === 'string')
    : [];
  return new ApiError(code, message, { status, details });
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
  return parsed as T;
}

/** The API, one function per verb. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
