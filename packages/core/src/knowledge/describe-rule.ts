/**
 * A knowledge-base rule (a follow-up condition, a red-flag or triage rule) in
 * one readable line. One traversal for every reader: the CLI's `backtrack
 * questions` uses the plain style (`sex is female and 12 ≤ age < 56`), the
 * clinician's review document the review style, with option labels and units
 * (`` `age` ≥ 50 years AND (`trend` = worse ("Getting worse") OR …) ``).
 */
import type { AnswerTest, Question, Rule } from './schema.js';

/** How a rule's parts are written. */
export interface RuleStyle {
  /** A question id as shown. */
  id: (id: string) => string;
  /** The word for an `is` test. */
  is: string;
  and: string;
  or: string;
  /** What a range test without bounds says after the id. */
  answered: string;
}

/** Plain words and bare ids, for a terminal. */
export const PLAIN_RULE_STYLE: RuleStyle = {
  id: (id) => id,
  is: 'is',
  and: 'and',
  or: 'or',
  answered: 'is answered',
};

/** Markdown code ids and capitalised connectives, for the review document. */
export const REVIEW_RULE_STYLE: RuleStyle = {
  id: (id) => `\`${id}\``,
  is: '=',
  and: 'AND',
  or: 'OR',
  answered: 'answered',
};

/** Options of {@link describeRule} and {@link describeTest}. */
export interface DescribeRuleOptions {
  /** Default {@link PLAIN_RULE_STYLE}. */
  style?: RuleStyle;
  /** The questions by id: option labels and units are added where given. */
  questions?: ReadonlyMap<string, Question>;
}

/** One answer test against question `id` in words. */
export function describeTest(
  id: string,
  test: AnswerTest,
  options: DescribeRuleOptions = {},
): string {
  const style = options.style ?? PLAIN_RULE_STYLE;
  const question = options.questions?.get(id);
  const q = style.id(id);
  const label = (value: string) => {
    const option = question?.options?.find((o) => o.id === value);
    return option ? `${value} ("${option.label}")` : value;
  };
  const unit = question?.unit ? ` ${question.unit}` : '';
  switch (test.kind) {
    case 'is':
      return `${q} ${style.is} ${label(test.value)}`;
    case 'oneOf':
      return `${q} is one of ${test.values.map(label).join(', ')}`;
    case 'includes':
      return `${q} includes ${label(test.value)}`;
    case 'includesAny':
      return `${q} includes any of ${test.values.map(label).join(', ')}`;
    case 'range':
      // Ranges are min-inclusive, max-exclusive (schema.ts).
      if (test.min !== undefined && test.max !== undefined)
        return `${String(test.min)} ≤ ${q} < ${String(test.max)}${unit}`;
      if (test.min !== undefined) return `${q} ≥ ${String(test.min)}${unit}`;
      if (test.max !== undefined) return `${q} < ${String(test.max)}${unit}`;
      return `${q} ${style.answered}`;
  }
}

/** A rule in words; nested groups are bracketed. */
export function describeRule(rule: Rule, options: DescribeRuleOptions = {}): string {
  const style = options.style ?? PLAIN_RULE_STYLE;
  const inner = (r: Rule): string => {
    const text = describeRule(r, options);
    return 'q' in r ? text : `(${text})`;
  };
  if ('q' in rule) return describeTest(rule.q, rule.test, options);
  if ('all' in rule) return rule.all.map(inner).join(` ${style.and} `);
  if ('any' in rule) return rule.any.map(inner).join(` ${style.or} `);
  return `at least ${String(rule.atLeast)} of: ${rule.of.map(inner).join('; ')}`;
}
