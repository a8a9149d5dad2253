/**
 * The API's contract for its clients: the types of the request and response
 * bodies, each inferred from the zod schema the routes validate with and the
 * OpenAPI document is generated from (docs/api.md), so the web cannot drift
 * from the server. Types only: `@backtrack/server/contract` has no runtime
 * entry, and clients import it with `import type`.
 */
import type { z } from '@hono/zod-openapi';
import type { ZActivitiesPage, ZActivitySummary, ZImportResult } from './activities/routes.js';
import type { ZInterview, ZQuestion } from './assessments/schemas.js';
import type {
  ZPasswordChange,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZPasswordResetRequested,
  ZRegistered,
  ZSession,
  ZUser,
} from './auth/routes.js';
import type { ZErrorBody } from './http/schemas.js';
import type {
  ZAdaptation,
  ZCheckInOut,
  ZCheckInResponse,
  ZNewCheckIn,
  ZProgress,
  ZSavedPlan,
  ZSavedPlanSummary,
} from './plans/routes.js';
import type { ZPain } from './training/routes.js';

/** The body of every 4xx and 5xx response: `{ error: { code, message, details } }`. */
export type ErrorBodyDto = z.infer<typeof ZErrorBody>;
/** Every code an error body can carry. */
export type ApiErrorCodeDto = ErrorBodyDto['error']['code'];

/** A question as the API sends it (no scoring internals). */
export type QuestionDto = z.infer<typeof ZQuestion>;
/** An assessment in progress or done (`GET /api/assessments/:id`). */
export type InterviewDto = z.infer<typeof ZInterview>;

/** A signed-in user. */
export type UserDto = z.infer<typeof ZUser>;
/** What `POST /api/auth/register` answers, the same for a new and an existing address (`GET /api/auth/me` says whether it signed in). */
export type RegisteredDto = z.infer<typeof ZRegistered>;
/** One of my sessions (`GET /api/auth/sessions`). */
export type SessionDto = z.infer<typeof ZSession>;
/** `POST /api/auth/password`: change my password. */
export type PasswordChangeDto = z.input<typeof ZPasswordChange>;
/** `POST /api/auth/password-reset`: ask for a reset mail. */
export type PasswordResetRequestDto = z.input<typeof ZPasswordResetRequest>;
/** What asking for a reset answers, whether or not the address has an account. */
export type PasswordResetRequestedDto = z.infer<typeof ZPasswordResetRequested>;
/** `POST /api/auth/password-reset/confirm`: the token from the mail and the new password. */
export type PasswordResetConfirmDto = z.input<typeof ZPasswordResetConfirm>;

/** A check-in as the API shows it. */
export type CheckInDto = z.infer<typeof ZCheckInOut>;
/** What the runner sends for a check-in (`POST /api/plans/:id/checkins`). */
export type NewCheckInDto = z.input<typeof ZNewCheckIn>;
/** An adaptation: after `week`, the next week moved from one level to another. */
export type AdaptationDto = z.infer<typeof ZAdaptation>;
/** A saved plan with its adaptations applied (`GET /api/plans/:id`). */
export type SavedPlanDto = z.infer<typeof ZSavedPlan>;
/** A saved plan in the list (`GET /api/plans`, newest first). */
export type SavedPlanSummaryDto = z.infer<typeof ZSavedPlanSummary>;
/** `POST /api/plans/:id/checkins`: the adaptation of the next week so far (null in the last week). */
export type CheckInResponseDto = z.infer<typeof ZCheckInResponse>;
/** `GET /api/plans/:id/progress`. */
export type ProgressDto = z.infer<typeof ZProgress>;

/** An imported activity in the list (`GET /api/activities`). */
export type ActivitySummaryDto = z.infer<typeof ZActivitySummary>;
/** A page of imported activities, newest first. */
export type ActivitiesPageDto = z.infer<typeof ZActivitiesPage>;
/** What an upload did (`POST /api/activities/import`). */
export type ImportResultDto = z.infer<typeof ZImportResult>;

/** Pain against training (`GET /api/training/pain`). */
export type TrainingPainDto = z.infer<typeof ZPain>;
