/**
 * The shapes the web app reads from the HTTP API (docs/api.md). Domain types
 * come from `@backtrack/core`; the bodies the server defines (interviews,
 * saved plans, check-ins, progress, users, activities) come from
 * `@backtrack/server/contract`, inferred from the zod schemas the server
 * validates with and documents in OpenAPI, so they cannot drift. Both are
 * type-only imports: of the core's values the web imports only pure helpers
 * such as the plan calendar (the core declares `sideEffects: false`), and the
 * contract has no runtime entry at all.
 */
import type {
  PlanSafetyStop,
  AnswerValue,
  AssessmentResult,
  PainComparison,
  TrainingReport,
  BodyRegion,
  ContributorId,
  Equipment,
  Exercise,
  KnowledgeSummary,
  NoPlan,
  Plan,
  PlanDose,
  PlanItem,
  PlanOutcome,
  PlanWeek,
  RunnerProfileInput,
  TriageReason,
  TriageTier,
} from '@backtrack/core';
import type {
  ActivitiesPageDto,
  ActivitySummaryDto,
  AdaptationDto,
  ApiErrorCodeDto,
  CheckInDto,
  CheckInResponseDto,
  ErrorBodyDto,
  ImportResultDto,
  InterviewDto,
  NewCheckInDto,
  ProgressDto,
  QuestionDto,
  SavedPlanDto,
  SavedPlanSummaryDto,
  TrainingPainDto,
  UserDto,
  RegisteredDto,
  SessionDto,
} from '@backtrack/server/contract';

export type {
  PlanSafetyStop,
  AnswerValue,
  AssessmentResult,
  BodyRegion,
  ContributorId,
  Equipment,
  NoPlan,
  Plan,
  PlanDose,
  PlanItem,
  PlanOutcome,
  PlanWeek,
  RunnerProfileInput,
  TriageReason,
  TriageTier,
};

export type {
  ActivitiesPageDto,
  ActivitySummaryDto,
  AdaptationDto,
  ApiErrorCodeDto,
  CheckInDto,
  ErrorBodyDto,
  ImportResultDto,
  ProgressDto,
  QuestionDto,
  RegisteredDto,
  SessionDto,
  TrainingPainDto,
};

/** An assessment in progress or done (`GET /api/assessments/:id`). */
export type Interview = InterviewDto;

/** Stage of the interview. */
export type InterviewStage = NonNullable<Interview['next']>['stage'];

/** What the runner sends for a check-in. */
export type NewCheckIn = NewCheckInDto;

/** A saved plan with its adaptations applied (`GET /api/plans/:id`). */
export type SavedPlan = SavedPlanDto;

/** A saved plan in the list (`GET /api/plans`, newest first). */
export type SavedPlanSummary = SavedPlanSummaryDto;

/** `POST /api/plans/:id/checkins`: the adaptation of the next week so far (null in the last week). */
export type CheckInResponse = CheckInResponseDto;

/** A signed-in user. */
export type User = UserDto;

/** One file the import could not read (`POST /api/activities/import`). */
export type ImportErrorDto = ImportResultDto['errors'][number];

/** The training analytics (`GET /api/training`): the core's report. */
export type TrainingDto = TrainingReport;

export type { PainComparison };

// The knowledge routes (apps/server/src/knowledge/) do not yet export their
// schemas, so the knowledge and exercise bodies are still written out here.

/** The knowledge summary (`GET /api/knowledge`): the core's `summariseKnowledgeBase`. */
export type KnowledgeDto = KnowledgeSummary;

/** A bibliographic source (`GET /api/knowledge`). */
export type SourceDto = KnowledgeSummary['sources'][number];

/** An exercise of the library (`GET /api/exercises`). */
export type ExerciseDto = Exercise & { illustrationUrl?: string };
