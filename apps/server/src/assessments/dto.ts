/** What the API shows of questions and interviews (never the database rows). */
import { nextQuestion, type KnowledgeBase, type NextStep, type Question } from '@backtrack/core';
import type { AssessmentRow } from '@backtrack/db';
import type { z } from '@hono/zod-openapi';
import type { ZInterview, ZQuestion } from './schemas.js';

/** A question without its scoring internals. */
export type QuestionDto = z.infer<typeof ZQuestion>;

/** An interview as the API shows it (docs/api.md, `Interview`). */
export type InterviewDto = z.infer<typeof ZInterview>;

/** The public view of a question. */
export function toQuestionDto(q: Question): QuestionDto {
  const isScale = q.type === 'scale';
  const min = q.min ?? (isScale ? 0 : undefined);
  const max = q.max ?? (isScale ? 10 : undefined);
  return {
    id: q.id,
    section: q.section,
    text: q.text,
    ...(q.help === undefined ? {} : { help: q.help }),
    type: q.type,
    ...(q.options === undefined
      ? {}
      : { options: q.options.map((o) => ({ id: o.id, label: o.label })) }),
    ...(q.unit === undefined ? {} : { unit: q.unit }),
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    redFlag: q.redFlag,
  };
}

/** The interview view of a row; `step` is the next step when the caller already computed it. */
export function toInterviewDto(
  kb: KnowledgeBase,
  row: AssessmentRow,
  step?: NextStep,
): InterviewDto {
  let next: InterviewDto['next'] = null;
  if (row.status === 'in_progress') {
    const s =
      step ?? nextQuestion(kb, { answers: row.answers, asked: row.asked }, { mode: row.mode });
    if (!s.done)
      next = { question: toQuestionDto(s.question), stage: s.stage, progress: s.progress };
  }
  return {
    id: row.id,
    mode: row.mode,
    status: row.status,
    asked: row.asked,
    answers: row.answers,
    next,
    ...(row.endedBecause === null ? {} : { endedBecause: row.endedBecause }),
    ...(row.result === null ? {} : { result: row.result }),
    ...(row.trainingAnswers === null ? {} : { trainingAnswers: row.trainingAnswers }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
