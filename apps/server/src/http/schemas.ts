/** Schemas shared by the feature routes: the error body, path ids, and response helpers. */
import { DATE_RANGE } from '@backtrack/core';
import { z } from '@hono/zod-openapi';
import { HTTP_STATUS, type ApiErrorCode } from './errors.js';

/** The error body of every 4xx and 5xx response. */
export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(HTTP_STATUS) as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string(),
      details: z.array(z.string()),
    }),
  })
  .openapi('Error');

/** `{id}` in a path: a UUID. */
export const ZIdParam = z.object({
  id: z.uuid().openapi({
    param: { name: 'id', in: 'path' },
    example: '0b7e6f1c-8f55-4c1e-9a8e-3c2f0d1e2a3b',
  }),
});

/** The dates the API accepts: the core's range. */
export { DATE_RANGE };

/** A calendar date, `YYYY-MM-DD`, that exists and lies in {@link DATE_RANGE}. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((text) => {
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
  }, 'not a real calendar date')
  .refine(
    (text) => text >= DATE_RANGE.min && text <= DATE_RANGE.max,
    `a date from ${DATE_RANGE.min} to ${DATE_RANGE.max}`,
  )
  .openapi({ example: '2026-03-02', format: 'date' });

const DESCRIPTIONS: Record<ApiErrorCode, string> = {
  invalid_input: 'The request is malformed or a field is invalid; the message names it.',
  unauthenticated: 'Sign in first (or wrong email or password).',
  forbidden: 'Missing or wrong CSRF token.',
  not_found: 'No such resource, or not yours.',
  conflict: 'The request does not fit the current state.',
  payload_too_large: 'The body is larger than 64 KiB.',
  rate_limited: 'Too many attempts; try again after `retry-after` seconds.',
  server_error: 'Something unexpected failed on the server.',
};

/** OpenAPI error responses for the given codes. */
export function errorResponses(...codes: ApiErrorCode[]) {
  const out: Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof ZErrorBody } } }
  > = {};
  for (const code of codes) {
    const status = HTTP_STATUS[code];
    const previous = out[status]?.description;
    out[status] = {
      description: previous ? `${previous} ${DESCRIPTIONS[code]}` : DESCRIPTIONS[code],
      content: { 'application/json': { schema: ZErrorBody } },
    };
  }
  return out;
}

/** An OpenAPI JSON response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** The OpenAPI response of a read answered from its ETag (`sendPrepared`). */
export const notModified = {
  304: { description: 'Not modified: the `If-None-Match` ETag is still current (no body)' },
} as const;

/** An OpenAPI JSON request body. */
export function jsonBody<T extends z.ZodType>(
  schema: T,
  options: { required: boolean } = { required: true },
) {
  return { required: options.required, content: { 'application/json': { schema } } };
}

/** `?unit=km|mi` (default km): the distance unit of a generated document. */
export const ZUnitQuery = z.object({
  unit: z
    .enum(['km', 'mi'])
    .default('km')
    .openapi({ param: { name: 'unit', in: 'query' }, description: 'Distances in km or miles' }),
});

/** A PDF answer for the OpenAPI document. */
export const pdfResponse = (description: string) => ({
  description,
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
});
