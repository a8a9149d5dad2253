/**
 * The shapes the web app reads from the HTTP API (docs/api.md). Domain types
 * come from `@backtrack/core`; every body the server sends (interviews,
 * saved plans, check-ins, progress, users, activities, knowledge, exercises,
 * training) comes from `@backtrack/server/contract`, inferred from the zod
 * schemas and routes the server validates with and documents in OpenAPI, so
 * they cannot drift; nothing here is written out by hand. Both are
 * type-only imports: of the core's values the web imports only pure helpers
 * such as the plan calendar (the core declares `sideEffects: false`), and the
 * contract has no runtime entry at all.
 */
export type {
  AnswerValue,
  AssessmentResult,
  BodyRegion,
  ContributorId,
  Equipment,
  NoPlan,
  PainComparison,
  Plan,
  PlanDose,
  PlanItem,
  PlanOutcome,
  PlanSafetyStop,
  PlanWeek,
  RunnerProfileInput,
  TriageReason,
  TriageTier,
} from '@backtrack/core';
export type {
  ActivitiesPageDto,
  ActivitySummaryDto,
  AdaptationDto,
  ApiErrorCodeDto,
  AppointmentTypeDto,
  BookingDto,
  BookingPolicyDto,
  CheckInDto,
  ClinicDto,
  ErrorBodyDto,
  ExerciseDto,
  ImportResultDto,
  KnowledgeDto,
  NewBookingDto,
  PlanEditDto,
  ProgressDto,
  QuestionDto,
  RegisteredDto,
  SessionDto,
  SlotDto,
  SlotsDto,
  SourceDto,
  TrainingDto,
  TrainingPainDto,
} from '@backtrack/server/contract';
import type {
  CheckInResponseDto,
  ImportResultDto,
  InterviewDto,
  NewCheckInDto,
  SavedPlanDto,
  SavedPlanSummaryDto,
  UserDto,
} from '@backtrack/server/contract';

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

/** What one import did to one uploaded file (`POST /api/activities/import`): its one status and counts. */
export type FileImportDto = ImportResultDto['files'][number];
