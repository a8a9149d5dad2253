/**
 * Answers: their shape, their validation against the questions, and the
 * evaluation of answer tests and rules. Invalid answers are dropped and
 * reported as issues; they never throw.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { BODY_REGIONS, type AnswerTest, type Question, type Rule } from '../knowledge/schema.js';
import { isExclusiveOption } from './exclusive-options.js';

/** One answer: 'yes' | 'no' | 'unsure' for yes/no, an option id, option ids, or a number. */
export type AnswerValue = string | number | readonly string[];

/** Answers keyed by question id (and derived facts keyed `__name`). */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** Kinds of problem found in answers. */
export type IssueCode =
  | 'unknown_question'
  | 'wrong_type'
  | 'out_of_range'
  | 'unknown_option'
  | 'missing'
  | 'contradictory'
  | 'not_applicable';

/** A problem found in the answers, returned in the result instead of thrown. */
export interface Issue {
  code: IssueCode;
  /** `error`: the answer was rejected; `warning`: kept but doubtful; `info`: for the record. */
  severity: 'error' | 'warning' | 'info';
  questionId?: string;
  message: string;
}

const REGION_SET = new Set<string>(BODY_REGIONS);

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * Checks one raw value against its question and returns the normalised
 * answer, or an issue. Booleans are accepted for yes/no questions.
 */
export function normaliseAnswer(
  question: Question,
  raw: unknown,
): { value: AnswerValue; issues: Issue[] } | { value?: undefined; issues: Issue[] } {
  const id = question.id;
  const wrongType = (expected: string): { issues: Issue[] } => ({
    issues: [
      {
        code: 'wrong_type',
        severity: 'error',
        questionId: id,
        message: `${id}: expected ${expected}, got ${describe(raw)}`,
      },
    ],
  });
  switch (question.type) {
    case 'yes_no': {
      if (raw === true) return { value: 'yes', issues: [] };
      if (raw === false) return { value: 'no', issues: [] };
      if (raw === 'yes' || raw === 'no' || raw === 'unsure') return { value: raw, issues: [] };
      return wrongType('"yes", "no", "unsure" or a boolean');
    }
    case 'single': {
      if (typeof raw !== 'string') return wrongType('one option id as a string');
      if (!question.options?.some((o) => o.id === raw)) {
        return {
          issues: [
            {
              code: 'unknown_option',
              severity: 'error',
              questionId: id,
              message: `${id}: "${raw}" is not an option (options: ${question.options?.map((o) => o.id).join(', ') ?? ''})`,
            },
          ],
        };
      }
      return { value: raw, issues: [] };
    }
    case 'multi':
    case 'body_regions': {
      if (!Array.isArray(raw) || !raw.every((v): v is string => typeof v === 'string')) {
        return wrongType('an array of option ids');
      }
      const allowed =
        question.type === 'body_regions' ? REGION_SET : new Set(question.options?.map((o) => o.id));
      const unknown = raw.filter((v) => !allowed.has(v));
      if (unknown.length > 0) {
        return {
          issues: [
            {
              code: 'unknown_option',
              severity: 'error',
              questionId: id,
              message: `${id}: unknown option(s) ${unknown.join(', ')} (options: ${[...allowed].join(', ')})`,
            },
          ],
        };
      }
      const unique = [...new Set(raw)];
      const exclusive = unique.filter(isExclusiveOption);
      if (exclusive.length > 0 && unique.length > exclusive.length) {
        return {
          value: unique.filter((v) => !exclusive.includes(v)),
          issues: [
            {
              code: 'contradictory',
              severity: 'warning',
              questionId: id,
              message: `${id}: "${exclusive.join('", "')}" was chosen together with other options; kept the other options`,
            },
          ],
        };
      }
      return { value: unique, issues: [] };
    }
    case 'number':
    case 'scale': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return wrongType('a number');
      const min = question.min ?? 0;
      const max = question.max ?? 10;
      if (question.type === 'scale' && !Number.isInteger(raw))
        return wrongType(`a whole number from ${min} to ${max}`);
      if (raw < min || raw > max) {
        return {
          issues: [
            {
              code: 'out_of_range',
              severity: 'error',
              questionId: id,
              message: `${id}: ${raw} is outside ${min}–${max}${question.unit ? ` ${question.unit}` : ''}`,
            },
          ],
        };
      }
      return { value: raw, issues: [] };
    }
  }
}

/**
 * Validates raw answers (for example from a JSON file or an HTTP body):
 * unknown ids, wrong types and out-of-range values are reported and dropped;
 * everything valid is kept.
 */
export function validateAnswers(
  kb: KnowledgeBase,
  raw: Readonly<Record<string, unknown>>,
): { answers: Record<string, AnswerValue>; issues: Issue[] } {
  const byId = new Map(kb.questions.map((q) => [q.id, q]));
  const answers: Record<string, AnswerValue> = {};
  const issues: Issue[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const question = byId.get(id);
    if (!question) {
      issues.push({
        code: 'unknown_question',
        severity: 'error',
        questionId: id,
        message: `unknown question id "${id}"`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    const result = normaliseAnswer(question, value);
    issues.push(...result.issues);
    if (result.value !== undefined) answers[id] = result.value;
  }
  return { answers, issues };
}

/**
 * Whether an answer passes a test. A missing answer passes no test; "unsure"
 * passes only a test that names `unsure` itself, so doubt never counts as a
 * "yes" or a "no" by accident.
 */
export function testAnswer(value: AnswerValue | undefined, test: AnswerTest): boolean {
  if (value === undefined) return false;
  if (value === 'unsure') {
    return (
      (test.kind === 'is' && test.value === 'unsure') ||
      (test.kind === 'oneOf' && test.values.includes('unsure'))
    );
  }
  switch (test.kind) {
    case 'is':
      return value === test.value;
    case 'oneOf':
      return typeof value === 'string' && test.values.includes(value);
    case 'includes':
      return Array.isArray(value) && value.includes(test.value);
    case 'includesAny':
      return Array.isArray(value) && test.values.some((v) => value.includes(v));
    case 'range':
      return (
        typeof value === 'number' &&
        (test.min === undefined || value >= test.min) &&
        (test.max === undefined || value < test.max)
      );
  }
}

/** Evaluates a rule over the answers; a test on an unanswered question is false. */
export function evaluateRule(rule: Rule, answers: Answers): boolean {
  if ('q' in rule) return testAnswer(answers[rule.q], rule.test);
  if ('all' in rule) return rule.all.every((r) => evaluateRule(r, answers));
  if ('any' in rule) return rule.any.some((r) => evaluateRule(r, answers));
  return rule.of.filter((r) => evaluateRule(r, answers)).length >= rule.atLeast;
}

/**
 * A rule in three values: true, false, or undefined while a question it
 * tests is still to be asked. A question in `settled` (asked, perhaps
 * skipped) counts as answered even without an answer.
 */
export function evaluateRuleSoFar(
  rule: Rule,
  answers: Answers,
  settled: ReadonlySet<string>,
): boolean | undefined {
  if ('q' in rule) {
    if (answers[rule.q] !== undefined || settled.has(rule.q))
      return testAnswer(answers[rule.q], rule.test);
    return undefined;
  }
  const parts = ('all' in rule ? rule.all : 'any' in rule ? rule.any : rule.of).map((r) =>
    evaluateRuleSoFar(r, answers, settled),
  );
  const yes = parts.filter((v) => v === true).length;
  const open = parts.filter((v) => v === undefined).length;
  const needed = 'all' in rule ? parts.length : 'any' in rule ? 1 : rule.atLeast;
  if (yes >= needed) return true;
  if (yes + open < needed) return false;
  return undefined;
}

/**
 * Whether a question applies or still may, once the questions its
 * condition reads are answered: for estimating how many are left, so the
 * estimate shrinks as answers rule follow-ups out instead of growing as
 * they bring them in.
 */
export function mayApply(
  question: Question,
  answers: Answers,
  settled: ReadonlySet<string>,
): boolean {
  return (
    question.askIf === undefined || evaluateRuleSoFar(question.askIf, answers, settled) !== false
  );
}

/** Whether a question applies given the answers so far (its follow-up condition holds). */
export function isApplicable(question: Question, answers: Answers): boolean {
  return question.askIf === undefined || evaluateRule(question.askIf, answers);
}

/** A short human-readable form of an answer, using option labels. */
export function formatAnswer(question: Question, value: AnswerValue): string {
  const label = (id: string) =>
    question.options?.find((o) => o.id === id)?.label ?? id.replaceAll('_', ' ');
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(label).join(', ');
  if (typeof value === 'number') return question.unit ? `${value} ${question.unit}` : String(value);
  if (question.type === 'yes_no') return value as string;
  return label(value as string);
}

/** Contradictions between answers that are each valid on their own. */
export function findContradictions(answers: Answers): Issue[] {
  const issues: Issue[] = [];
  const map = answers.pain_map;
  const regions: readonly string[] | undefined = Array.isArray(map)
    ? (map as readonly string[])
    : undefined;
  const legRegions =
    regions?.filter((r) => r.startsWith('thigh') || r.startsWith('below_knee')) ?? [];
  if (answers.both_legs === 'yes' && regions && legRegions.length > 0) {
    const left = legRegions.some((r) => r.endsWith('_left'));
    const right = legRegions.some((r) => r.endsWith('_right'));
    if (!(left && right)) {
      issues.push({
        code: 'contradictory',
        severity: 'warning',
        questionId: 'both_legs',
        message:
          'both_legs: symptoms in both legs, but the body map marks only one leg; the warning sign is kept',
      });
    }
  }
  const rest = answers.rest_days;
  if (
    typeof rest === 'number' &&
    rest === 7 &&
    typeof answers.weekly_km === 'number' &&
    answers.weekly_km > 0
  ) {
    issues.push({
      code: 'contradictory',
      severity: 'warning',
      questionId: 'rest_days',
      message: 'rest_days: 7 days without running, but a weekly distance above 0 km',
    });
  }
  if (
    answers.run_pattern === 'not_running' &&
    answers.settles_fast !== undefined &&
    answers.settles_fast !== 'unsure'
  ) {
    issues.push({
      code: 'contradictory',
      severity: 'info',
      questionId: 'settles_fast',
      message: 'settles_fast: answered about runs, though the runner cannot run at the moment',
    });
  }
  return issues;
}
