import { DomainError, ERROR_CODES } from '@backtrack/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeZodIssues, HTTP_ONLY_ERROR_CODES, HTTP_STATUS, invalidInput } from './errors.js';

describe('HTTP_STATUS', () => {
  it('has a status for every domain and HTTP-only code, 4xx except the server error', () => {
    for (const code of [...ERROR_CODES, ...HTTP_ONLY_ERROR_CODES])
      expect(HTTP_STATUS[code]).toBeTypeOf('number');
    expect(Object.keys(HTTP_STATUS).sort()).toEqual(
      [...ERROR_CODES, ...HTTP_ONLY_ERROR_CODES].sort(),
    );
    const clientErrors = Object.entries(HTTP_STATUS).filter(([code]) => code !== 'server_error');
    expect(clientErrors.every(([, status]) => status >= 400 && status < 500)).toBe(true);
  });
});

describe('describeZodIssues', () => {
  const schema = z.object({ a: z.number(), list: z.array(z.object({ b: z.string() })) }).strict();
  it('names the field of each issue, with array indexes', () => {
    const result = schema.safeParse({ a: 'x', list: [{ b: 1 }] });
    expect(result.success).toBe(false);
    if (!result.success) {
      const lines = describeZodIssues(result.error.issues);
      expect(lines[0]).toMatch(/^a: /);
      expect(lines[1]).toMatch(/^list\[0\]\.b: /);
    }
  });
  it('names unknown fields', () => {
    const result = schema.safeParse({ a: 1, list: [], extra: 1, more: 2 });
    if (!result.success)
      expect(describeZodIssues(result.error.issues)).toEqual(['unknown fields: extra, more']);
  });
  it('makes an invalid_input DomainError led by the first issue', () => {
    const result = schema.safeParse({});
    if (result.success) throw new Error('expected failure');
    const error = invalidInput(result.error.issues, 'query parameter');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^query parameter a: /);
    expect(error.details).toHaveLength(2);
  });
});
