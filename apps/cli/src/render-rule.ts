/**
 * Describes a knowledge-base rule (a follow-up condition or a red-flag rule)
 * in one readable line, for `backtrack questions`.
 */
import type { AnswerTest, Rule } from '@backtrack/core';

function describeTest(q: string, test: AnswerTest): string {
  switch (test.kind) {
    case 'is':
      return `${q} is ${test.value}`;
    case 'oneOf':
      return `${q} is one of ${test.values.join(', ')}`;
    case 'includes':
      return `${q} includes ${test.value}`;
    case 'includesAny':
      return `${q} includes any of ${test.values.join(', ')}`;
    case 'range':
      // Ranges are min-inclusive, max-exclusive (schema.ts).
      if (test.min !== undefined && test.max !== undefined)
        return `${test.min} ≤ ${q} < ${test.max}`;
      if (test.min !== undefined) return `${q} ≥ ${test.min}`;
      if (test.max !== undefined) return `${q} < ${test.max}`;
      return `${q} is answered`;
  }
}

function nested(rule: Rule): string {
  const text = describeRule(rule);
  return 'q' in rule ? text : `(${text})`;
}

/** A rule in words, for example `sex is female and 12 ≤ age < 56`. */
export function describeRule(rule: Rule): string {
  if ('q' in rule) return describeTest(rule.q, rule.test);
  if ('all' in rule) return rule.all.map(nested).join(' and ');
  if ('any' in rule) return rule.any.map(nested).join(' or ');
  return `at least ${rule.atLeast} of: ${rule.of.map(nested).join('; ')}`;
}
