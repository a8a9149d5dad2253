import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError, isErrorBody, readCookie, routeUrl, toApiError } from './client.js';
import type { ApiErrorCodeDto } from './types.js';

describe('readCookie', () => {
  it.each([
    ['bt_csrf=abc; other=1', 'abc'],
    ['other=1;  bt_csrf=a%2Fb', 'a/b'],
    ['bt_csrf_old=x; bt_csrf=y', 'y'],
    ['other=1', undefined],
    ['', undefined],
  ])('reads bt_csrf from %j', (text, value) => {
    expect(readCookie(text, 'bt_csrf')).toBe(value);
  });
});

describe('toApiError', () => {
  it('keeps the code, message and details of the error model', () => {
    const error = toApiError(400, {
      error: { code: 'invalid_input', message: 'age: expected a number', details: ['age'] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'age: expected a number',
      details: ['age'],
      status: 400,
    });
  });

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [413, 'payload_too_large'],
    [429, 'rate_limited'],
    [502, 'server_error'],
  ])('falls back to the status when the body is not the error model (%i → %s)', (status, code) => {
    const error = toApiError(status, '<html>gateway</html>');
    expect(error.code).toBe(code);
    expect(error.message).toBe(`The server answered ${status}. Please try again.`);
  });
});

describe('isErrorBody', () => {
  it.each([
    ['an unknown code', { error: { code: 'teapot', message: 'm', details: [] } }],
    ['a code that is not a string', { error: { code: 404, message: 'm', details: [] } }],
    ['no message', { error: { code: 'not_found', details: [] } }],
    ['details that are not strings', { error: { code: 'not_found', message: 'm', details: [1] } }],
    ['no details', { error: { code: 'not_found', message: 'm' } }],
    ['a code inherited from Object', { error: { code: 'toString', message: 'm', details: [] } }],
    ['no error object', { code: 'not_found' }],
    ['text', '<html>gateway</html>'],
    ['nothing', undefined],
  ])('rejects %s, and toApiError falls back to the status', (_, body) => {
    expect(isErrorBody(body)).toBe(false);
    expect(toApiError(404, body)).toMatchObject({
      code: 'not_found',
      message: 'The server answered 404. Please try again.',
      details: [],
    });
  });

  it('accepts the server’s error body and narrows its code', () => {
    const body: unknown = { error: { code: 'conflict', message: 'm', details: [] } };
    expect(isErrorBody(body)).toBe(true);
    if (isErrorBody(body)) expectTypeOf(body.error.code).toEqualTypeOf<ApiErrorCodeDto>();
  });
});

describe('routeUrl', () => {
  it('fills in the path parameters, encoded, and the query', () => {
    expect(routeUrl('GET /api/plans/:id/progress', { param: { id: 'a/b c' } })).toEqual({
      method: 'GET',
      url: '/api/plans/a%2Fb%20c/progress',
    });
    expect(
      routeUrl('GET /api/training', { query: { utcOffsetMin: -60, asOf: undefined } }),
    ).toEqual({ method: 'GET', url: '/api/training?utcOffsetMin=-60' });
    expect(routeUrl('DELETE /api/me', {})).toEqual({ method: 'DELETE', url: '/api/me' });
  });

  it('refuses a route whose parameter has no value', () => {
    expect(() => routeUrl('GET /api/plans/:id', {})).toThrow(
      'GET /api/plans/:id: no value for :id',
    );
  });
});
