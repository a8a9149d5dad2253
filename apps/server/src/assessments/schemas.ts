/** The HTTP schemas of the assessment routes (request bodies and the `Interview` response). */
import { ZSection, type AssessmentResult, type PlanOutcome } from '@backtrack/core';
import { z } from '@hono/zod-openapi';

/** A question as the API shows it. */
export const ZQuestion = z
  .object({
    id: z.string(),
    section: ZSection,
    text: z.string(),
    help: z.string().optional(),
    type: z.enum(['yes_no', 'single', 'multi', 'number', 'scale', 'body_regions']),
    options: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    redFlag: z.boolean(),
  })
  .openapi('Question');

/** An answer value, as in the CLI's answers file. */
export const ZAnswerValue = z
  .union([z.string().max(200), z.number(), z.boolean(), z.array(z.string().max(100)).max(100)])
  .openapi('AnswerValue', {
    description:
      '"yes" | "no" | "unsure" (or a boolean) for yes/no; an option id; an array of option ids or body regions; a number.',
  });

const ZStoredAnswer = z.union([z.string(), z.number(), z.array(z.string()).readonly()]);

/** The assessment result (`AssessmentResult` in @backtrack/core). */
export const ZAssessmentResult = z.custom<AssessmentResult>().openapi('AssessmentResult', {
  type: 'object',
  description:
    'Triage (tier, reasons, what to do now), ranked contributors with explanations, risk screen, issues, disclaimer: `AssessmentResult` in @backtrack/core.',
});

/** A plan or the reason there is none (`PlanOutcome` in @backtrack/core). */
export const ZPlanOutcome = z.custom<PlanOutcome>().openapi('PlanOutcome', {
  type: 'object',
  description:
    '`{ kind: "plan", weeks, targets, runningRules, … }` or `{ kind: "no_plan", reason, whatToDoNow, … }`: `PlanOutcome` in @backtrack/core.',
});

/** An interview. */
export const ZInterview = z
  .object({
    id: z.uuid(),
    mode: z.enum(['adaptive', 'full']),
    status: z.enum(['in_progress', 'done']),
    asked: z.array(z.string()),
    answers: z.record(z.string(), ZStoredAnswer),
    next: z
      .object({
        question: ZQuestion,
        stage: z.enum(['red_flags', 'ranking', 'risk_screen']),
        progress: z.object({ asked: z.number().int(), remainingEstimate: z.number().int() }),
      })
      .nullable(),
    endedBecause: z.enum(['emergency', 'stable', 'complete']).optional(),
    result: ZAssessmentResult.optional(),
    trainingAnswers: z
      .record(
        z.string(),
        z.object({ value: ZStoredAnswer, findingIds: z.array(z.string()), statement: z.string() }),
      )
      .optional()
      .openapi({
        description:
          'Answers the runner’s imported runs filled in when the result was made (the questions they left unanswered); explanation steps they produced carry `from`.',
      }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Interview');

/** `POST /api/assessments` */
export const ZStartBody = z
  .object({ mode: z.enum(['adaptive', 'full']).default('adaptive') })
  .strict();
/** `POST /api/assessments/:id/answers` */
export const ZAnswerBody = z
  .object({ questionId: z.string().min(1).max(100), value: ZAnswerValue })
  .strict();
/** `POST /api/assessments/:id/skip` */
export const ZSkipBody = z.object({ questionId: z.string().min(1).max(100) }).strict();
/** Bodies of `back` and `finish`: empty. */
export const ZEmptyBody = z.object({}).strict();

/** Query of `GET /api/assessments/:id/plan`: plan length and runner profile fields. */
export const ZPlanQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(16).default(6),
  units: z.enum(['km', 'mi']).optional(),
  runningDaysPerWeek: z.coerce.number().int().min(0).max(7).optional(),
  weeklyKm: z.coerce.number().min(0).max(300).optional(),
  longestRunKm: z.coerce.number().min(0).max(200).optional(),
  equipment: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Comma-separated, e.g. `mat,wall,band`' }),
});
