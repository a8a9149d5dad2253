import { describe, expect, it } from 'vitest';
import { describeRule } from './describe-rule.js';
import type { Rule } from './schema.js';

// The plain style, as `backtrack questions` prints it.
describe('describeRule', () => {
  it.each<[Rule, string]>([
    [{ q: 'age', test: { kind: 'range', min: 50 } }, 'age ≥ 50'],
    [{ q: 'age', test: { kind: 'range', max: 20 } }, 'age < 20'],
    [{ q: 'leg_weakness', test: { kind: 'is', value: 'yes' } }, 'leg_weakness is yes'],
    [
      {
        all: [
          { q: 'sex', test: { kind: 'is', value: 'female' } },
          { q: 'age', test: { kind: 'range', min: 12, max: 56 } },
        ],
      },
      'sex is female and 12 ≤ age < 56',
    ],
    [
      {
        any: [
          { q: 'pain_map', test: { kind: 'includes', value: 'buttock_left' } },
          {
            all: [
              { q: 'a', test: { kind: 'is', value: 'x' } },
              { q: 'b', test: { kind: 'includesAny', values: ['y', 'z'] } },
            ],
          },
        ],
      },
      'pain_map includes buttock_left or (a is x and b includes any of y, z)',
    ],
    [
      {
        atLeast: 2,
        of: [
          { q: 'a', test: { kind: 'is', value: 'yes' } },
          { q: 'b', test: { kind: 'is', value: 'yes' } },
        ],
      },
      'at least 2 of: a is yes; b is yes',
    ],
  ])('%j', (rule, text) => {
    expect(describeRule(rule)).toBe(text);
  });
});
