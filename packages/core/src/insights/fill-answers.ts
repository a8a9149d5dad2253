/**
 * Imported runs as interview answers: each finding that stands for an
 * answer fills that question only when the runner did not answer it, the
 * value is valid for the question, and the question applies given the
 * answers so far. The runner's own answers always win. Each filled answer
 * keeps a plain-language statement of where it came from, in the shape
 * `assess(kb, answers, issues, { provenance })` takes, so every explanation
 * step it produces says "From your imported runs: …".
 */
import {
  isApplicable,
  normaliseAnswer,
  type AnswerValue,
  type Answers,
} from '../assessment/answers.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { answersFromFindings, type Finding, type FindingId } from '../training/findings.js';

/** One answer that came from the imported runs. */
export interface TrainingAnswer {
  value: AnswerValue;
  findingIds: FindingId[];
  /** "From your imported runs: …" — the findings' sentences. */
  statement: string;
}

/** The runner's answers with the gaps filled from imported runs. */
export interface AnswersWithTraining {
  /** The runner's answers plus the filled ones. */
  answers: Record<string, AnswerValue>;
  /** Question id → statement, for the filled answers only (pass to `assess` as `provenance`). */
  provenance: Record<string, string>;
  /** What was filled, by question id. */
  filled: Record<string, TrainingAnswer>;
  /** Questions the data would have answered, left as the runner answered them. */
  runnerAnswered: string[];
}

/**
 * Fills unanswered questions from findings (see the module comment).
 * Questions are visited in interview order, so a filled answer can make a
 * later follow-up question applicable, as it would in the interview.
 */
export function fillAnswersFromTraining(
  kb: KnowledgeBase,
  own: Answers,
  findings: readonly Finding[],
): AnswersWithTraining {
  const data = answersFromFindings(findings);
  const answers: Record<string, AnswerValue> = { ...own };
  const provenance: Record<string, string> = {};
  const filled: Record<string, TrainingAnswer> = {};
  const runnerAnswered: string[] = [];
  for (const question of kb.questions) {
    const value = data.answers[question.id];
    const prov = data.provenance[question.id];
    if (value === undefined || prov === undefined) continue;
    if (own[question.id] !== undefined) {
      runnerAnswered.push(question.id);
      continue;
    }
    const normalised = normaliseAnswer(question, value);
    if (normalised.value === undefined || !isApplicable(question, answers)) continue;
    const statement = data.statements[question.id] ?? prov.texts.join(' ');
    answers[question.id] = normalised.value;
    provenance[question.id] = statement;
    filled[question.id] = {
      value: normalised.value,
      findingIds: [...prov.findingIds],
      statement,
    };
  }
  return { answers, provenance, filled, runnerAnswered };
}
