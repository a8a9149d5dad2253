/** Plan levels in words (regression: "level -1" shown to runners). */
import { describe, expect, it } from 'vitest';
import { describeLevel } from './decision-labels.js';

describe('describeLevel', () => {
  it('names the level without a signed number', () => {
    expect(describeLevel(0)).toBe('starting level');
    expect(describeLevel(1)).toBe('1 step harder than the start');
    expect(describeLevel(2)).toBe('2 steps harder than the start');
    expect(describeLevel(-1)).toBe('1 step easier than the start');
    for (let level = -5; level <= 5; level++) expect(describeLevel(level)).not.toMatch(/-\d/);
  });
});
