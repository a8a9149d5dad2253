/**
 * The HTTP client: JSON in and out, the error model of docs/api.md, and the
 * double-submit CSRF token (cookie `bt_csrf`, header `x-csrf-token`) on every
 * state-changing request.
 */

import type {
  ApiErrorCodeDto,
  ApiRouteKey,
  ApiRoutes,
  ErrorBodyDto,
} from '@backtrack/server/contract';

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

// ---------------------------------------------------------------------------
// Typed requests. A call names a route of the server's contract by its key
// (`'GET /api/plans/:id'`); the path, the parameters, the body and the answer's
// type all come from that one key, so they cannot disagree.

/** What a route's input holds under `part` (`param`, `query`, `json`), or `never`. */
type InputPart<K extends ApiRouteKey, Part extends string> =
  ApiRoutes[K]['input'] extends Record<Part, infer T> ? T : never;

/** The query parameters of a route: its names, values sent as text (`undefined` leaves one out). */
type QueryOf<K extends ApiRouteKey> = {
  [Q in keyof InputPart<K, 'query'>]?: string | number | undefined;
};

/** A body as sent: read-only arrays and objects are fine, since it is only serialised. */
type Sendable<T> = T extends object ? { readonly [K in keyof T]: Sendable<T[K]> } : T;

/** What a call of route `K` sends: path parameters, query and JSON body, each only where the route takes it. */
export type RequestOptions<K extends ApiRouteKey> = ([InputPart<K, 'param'>] extends [never]
  ? { param?: never }
  : { param: InputPart<K, 'param'> }) &
  ([InputPart<K, 'query'>] extends [never] ? { query?: never } : { query?: QueryOf<K> }) &
  ([InputPart<K, 'json'>] extends [never]
    ? { json?: never }
    : Record<string, never> extends InputPart<K, 'json'>
      ? { json?: Sendable<InputPart<K, 'json'>> }
      : { json: Sendable<InputPart<K, 'json'>> });

/** What route `K` validates: `param`, `query`, `json`. */
export type InputOf<K extends ApiRouteKey> = ApiRoutes[K]['input'];

/** The success body of route `K`. */
export type ResponseOf<K extends ApiRouteKey> = ApiRoutes[K]['response'];

/** Splits a route key into its method and the URL with parameters and query filled in. */
export function routeUrl(
  route: ApiRouteKey,
  options: { param?: Record<string, string>; query?: Record<string, string | number | undefined> },
): { method: string; url: string } {
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  const path = route.slice(space + 1).replace(/:(\w+)/g, (_, name: string) => {
    const value = options.param?.[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {}))
    if (value !== undefined) query.set(name, String(value));
  const search = query.toString();
  return { method, url: search ? `${path}?${search}` : path };
}

/**
 * The web's one trust boundary: a success body the server sent for `route` is
 * taken to be that route's response type. The server validated the body
 * against the same zod schema the type is inferred from (the contract), so
 * the browser does not parse it again; a failure body never gets here (see
 * {@link toApiError}).
 */
export function trustResponse<K extends ApiRouteKey>(_route: K, body: unknown): ResponseOf<K> {
  return body as ResponseOf<K>;
}

let csrfToken: string | undefined;

/** The CSRF token for a state-changing request: the `bt_csrf` cookie, else fetched once. */
export async function ensureCsrfToken(): Promise<string> {
  const fromCookie = readCookie(document.cookie, 'bt_csrf');
  if (fromCookie) return fromCookie;
  if (csrfToken) return csrfToken;
  const body = await request('GET /api/auth/csrf');
  csrfToken = body.token;
  return csrfToken;
}

/** Forgets the cached CSRF token (after log-out or account deletion). */
export function resetCsrfToken(): void {
  csrfToken = undefined;
}

/**
 * Calls one route of the API, e.g. `request('GET /api/plans/:id', { param: { id } })`:
 * JSON in and out, the CSRF header on state-changing requests, an `ApiError`
 * on failure, the route's response type on success.
 */
export async function request<K extends ApiRouteKey>(
  route: K,
  ...[options]: Record<string, never> extends RequestOptions<K>
    ? [RequestOptions<K>?]
    : [RequestOptions<K>]
): Promise<ResponseOf<K>> {
  const { param, query, json } = (options ?? {}) as {
    param?: Record<string, string>;
    query?: Record<string, string | number | undefined>;
    json?: unknown;
  };
  const { method, url } = routeUrl(route, {
    ...(param ? { param } : {}),
    ...(query ? { query } : {}),
  });
  const headers: Record<string, string> = { accept: 'application/json' };
  const body = json ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = await ensureCsrfToken();
  let response: Response;
  try {
    response = await fetch(url, {
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
  const parsed = response.status === 204 ? undefined : parseJson(await response.text());
  if (!response.ok) throw toApiError(response.status, parsed);
  return trustResponse(route, parsed);
}
