/**
 * The API's contract for its clients: the types of the request and response
 * bodies, each inferred from the zod schema the routes validate with and the
 * OpenAPI document is generated from (docs/api.md), so the web cannot drift
 * from the server. Types only: `@backtrack/server/contract` has no runtime
 * entry, and clients import it with `import type`.
 */
import type { z } from '@hono/zod-openapi';
import type { Endpoint, ExtractSchema, MergeSchemaPath } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { accountRoutes } from './account/routes.js';
import type { activityRoutes } from './activities/routes.js';
import type { assessmentRoutes } from './assessments/routes.js';
import type { authRoutes } from './auth/routes.js';
import type { bookingRoutes } from './bookings/routes.js';
import type { clinicianRoutes } from './clinician/routes.js';
import type { clinicRoutes } from './clinics/routes.js';
import type { sharingRoutes } from './sharing/routes.js';
import type { outcomeRoutes } from './outcomes/routes.js';
import type { ZOutcomeInput } from './outcomes/dto.js';
import type { reminderRoutes } from './reminders/routes.js';
import type { knowledgeRoutes } from './knowledge/routes.js';
import type { planRoutes } from './plans/routes.js';
import type { trainingRoutes } from './training/routes.js';
import type { ZActivitiesPage, ZActivitySummary, ZImportResult } from './activities/dto.js';
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
import type { ZBooking, ZBookingPolicy, ZNewBooking, ZReschedule } from './bookings/dto.js';
import type {
  ZAppointmentType,
  ZClinic,
  ZException,
  ZInvitation,
  ZMembership,
  ZNewClinic,
  ZNewException,
  ZSlot,
  ZSlots,
  ZWorkingHours,
} from './clinics/dto.js';
import type { ZErrorBody } from './http/schemas.js';
import type {
  ZAdaptation,
  ZCheckInOut,
  ZCheckInResponse,
  ZProgress,
  ZSavedPlan,
  ZPlanEditOut,
  ZSavedPlanSummary,
} from './plans/dto.js';
import type { ZNewCheckIn } from './plans/routes.js';
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
/** A clinician's edit of a plan (`POST /api/clinician/runners/:runnerId/plan-edits`; `edits` of a saved plan). */
export type PlanEditDto = z.infer<typeof ZPlanEditOut>;
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

// ---------------------------------------------------------------------------
// The route map: every route the feature routers declare, keyed by
// `METHOD /path` as the app mounts it, with the request the route validates
// and the success body it sends — read from the routers' own types (hono's
// schema, built by `.openapi(route, handler)` from the zod schemas), so a
// client cannot name a path the server lacks or a body the route does not send.

/** Where `app.ts` mounts each feature router (checked against the OpenAPI document by contract.int.test.ts). */
type Mounted = MergeSchemaPath<ExtractSchema<ReturnType<typeof knowledgeRoutes>>, '/api'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof authRoutes>>, '/api/auth'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof assessmentRoutes>>, '/api/assessments'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof planRoutes>>, '/api/plans'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof activityRoutes>>, '/api/activities'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof trainingRoutes>>, '/api'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof accountRoutes>>, '/api/me'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof clinicRoutes>>, '/api'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof bookingRoutes>>, '/api/bookings'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof sharingRoutes>>, '/api/me'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof clinicianRoutes>>, '/api/clinician'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof reminderRoutes>>, '/api'> &
  MergeSchemaPath<ExtractSchema<ReturnType<typeof outcomeRoutes>>, '/api'>;

type Verb<M> = M extends `$${infer V}` ? Uppercase<V> : never;
type Entry = {
  [P in Extract<keyof Mounted, string>]: {
    [M in Extract<keyof Mounted[P], string>]: { key: `${Verb<M>} ${P}`; endpoint: Mounted[P][M] };
  }[Extract<keyof Mounted[P], string>];
}[Extract<keyof Mounted, string>];

/** The success answers (2xx) of an endpoint. */
type Success<E extends Endpoint> = Extract<E, { status: SuccessStatusCode }>;

/**
 * hono types a JSON body with `| undefined` on every optional field; JSON
 * never carries `undefined`, so the contract drops it again and a body's type
 * is its zod schema's own type (the core's, for `z.custom<Plan>()`).
 */
type Defined<T> = T extends object ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> } : T;

/** One route of the API: what it takes and what it answers with on success. */
export interface ApiRoute<E extends Endpoint = Endpoint> {
  /** What the route validates: `param` (path), `query`, `json` (body), `form`. */
  input: E['input'];
  /**
   * The success body (2xx) as JSON carries it; `undefined` for an empty
   * answer (204), `unknown` for a body that is not JSON (an SVG).
   */
  response: Success<E> extends { outputFormat: 'json' }
    ? Defined<Success<E>['output']>
    : Success<E> extends { status: 204 }
      ? undefined
      : unknown;
}

/**
 * Every route, keyed by `METHOD /path` with hono's `:param` syntax, e.g.
 * `ApiRoutes['GET /api/plans/:id']['response']` is a saved plan.
 */
export type ApiRoutes = { [E in Entry as E['key']]: ApiRoute<E['endpoint']> };

/** A route's key, e.g. `'GET /api/plans/:id'`. */
export type ApiRouteKey = keyof ApiRoutes;

/** The knowledge base in brief (`GET /api/knowledge`). */
export type KnowledgeDto = ApiRoutes['GET /api/knowledge']['response'];
/** A bibliographic source of the knowledge base. */
export type SourceDto = KnowledgeDto['sources'][number];
/** An exercise of the library with the URL of its illustration (`GET /api/exercises`). */
export type ExerciseDto = ApiRoutes['GET /api/exercises']['response']['exercises'][number];
/** The training report (`GET /api/training`). */
export type TrainingDto = ApiRoutes['GET /api/training']['response'];
/** A plan, or the reason there is none, for an assessment (`GET /api/assessments/:id/plan`). */
export type PlanOutcomeDto = ApiRoutes['GET /api/assessments/:id/plan']['response'];

/** An appointment type of a clinic (duration, price in minor units or null, description). */
export type AppointmentTypeDto = z.infer<typeof ZAppointmentType>;
/** A clinic with its appointment types and clinicians (`GET /api/clinics`). */
export type ClinicDto = z.infer<typeof ZClinic>;
/** What creating a clinic takes (`POST /api/clinics`). */
export type NewClinicDto = z.input<typeof ZNewClinic>;
/** One free slot: UTC instants and the clinician. */
export type SlotDto = z.infer<typeof ZSlot>;
/** Free slots with the clinic's time zone (`GET /api/clinics/:id/slots`). */
export type SlotsDto = z.infer<typeof ZSlots>;
/** An invitation sent (`POST /api/clinics/:id/invitations`). */
export type InvitationDto = z.infer<typeof ZInvitation>;
/** A membership after accepting an invitation (`POST /api/invitations/accept`). */
export type MembershipDto = z.infer<typeof ZMembership>;
/** Weekly working hours (`PUT /api/clinics/:id/members/:memberId/working-hours`). */
export type WorkingHoursDto = z.infer<typeof ZWorkingHours>;
/** A new absence or holiday, whole local days. */
export type NewAvailabilityExceptionDto = z.input<typeof ZNewException>;
/** An absence or holiday as stored. */
export type AvailabilityExceptionDto = z.infer<typeof ZException>;
/** What the triage allows to book (`GET /api/bookings/policy`). */
export type BookingPolicyDto = z.infer<typeof ZBookingPolicy>;
/** A booking request (`POST /api/bookings`). */
export type NewBookingDto = z.input<typeof ZNewBooking>;
/** A move to another slot (`POST /api/bookings/:id/reschedule`). */
export type RescheduleDto = z.input<typeof ZReschedule>;
/** A booking as the API shows it. */
export type BookingDto = z.infer<typeof ZBooking>;

/** A consent to a clinic with the items it shares (`GET /api/me/consents`). */
export type ConsentDto = ApiRoutes['GET /api/me/consents']['response']['consents'][number];
/** One clinician read of my data (`GET /api/me/access-log`). */
export type AccessEntryDto = ApiRoutes['GET /api/me/access-log']['response']['entries'][number];
/** An appointment in the clinician's list (`GET /api/clinician/appointments`). */
export type ClinicianAppointmentDto =
  ApiRoutes['GET /api/clinician/appointments']['response']['appointments'][number];
/** A runner's pre-visit summary (`GET /api/clinician/runners/:runnerId/summary`). */
export type PreVisitSummaryDto =
  ApiRoutes['GET /api/clinician/runners/:runnerId/summary']['response'];
/** My outcome measures and their change per instrument (`GET /api/me/outcomes`). */
export type OutcomesDto = ApiRoutes['GET /api/me/outcomes']['response'];
/** One recorded outcome measure. */
export type OutcomeMeasureDto = OutcomesDto['measures'][number];
/** A measure to record (`POST /api/me/outcomes`, `POST /api/clinician/runners/:runnerId/outcomes`). */
export type OutcomeInputDto = z.input<typeof ZOutcomeInput>;
/** A clinic membership of the signed-in user (`GET /api/clinician/memberships`). */
export type ClinicMembershipDto =
  ApiRoutes['GET /api/clinician/memberships']['response']['memberships'][number];
/** My time zone and daily check-in reminder hour (`GET /api/me/reminders`; null: off). */
export type ReminderSettingsDto = ApiRoutes['GET /api/me/reminders']['response'];
