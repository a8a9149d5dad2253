import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client.js';
import { outcomeOf } from './offline-queue.js';

describe('outcomeOf', () => {
  it('treats a repeat (conflict) as stored, so a check-in is never sent twice', () => {
    expect(outcomeOf(undefined)).toBe('stored');
    expect(
      outcomeOf(new ApiError('conflict', 'There is already a check-in', { status: 409 })),
    ).toBe('stored');
  });

  it('retries when no answer came, and keeps (never drops) what the server refused', () => {
    expect(outcomeOf(new ApiError('network', 'offline', { status: 0 }))).toBe('retry_later');
    expect(outcomeOf(new TypeError('Failed to fetch'))).toBe('retry_later');
    expect(outcomeOf(new ApiError('invalid_input', 'date: in the future', { status: 400 }))).toBe(
      'keep',
    );
  });
});
