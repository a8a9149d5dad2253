/**
 * Type-level checks that the web reads the server's contract rather than a
 * copy of it: each body type here is the one `@backtrack/server/contract`
 * infers from the server's zod schemas. `tsc` (npm run typecheck) fails when
 * they differ; at run time vitest only counts the assertions.
 */
import type { RunnerProfileInput, TrainingReport } from '@backtrack/core';
import type {
  ActivitiesPageDto as ServerActivitiesPage,
  ApiErrorCodeDto as ServerApiErrorCode,
  CheckInResponseDto as ServerCheckInResponse,
  InterviewDto as ServerInterview,
  NewCheckInDto as ServerNewCheckIn,
  ProgressDto as ServerProgress,
  SavedPlanDto as ServerSavedPlan,
  SavedPlanSummaryDto as ServerSavedPlanSummary,
  UserDto as ServerUser,
  TrainingDto as ServerTraining,
} from '@backtrack/server/contract';
import { describe, expectTypeOf, it } from 'vitest';
import { request, type ApiErrorCode, type ResponseOf } from './client.js';
import type {
  ActivitiesPageDto,
  CheckInResponse,
  Interview,
  NewCheckIn,
  ProgressDto,
  SavedPlan,
  SavedPlanSummary,
  ExerciseDto,
  KnowledgeDto,
  PlanOutcome,
  TriageTier,
  User,
} from './types.js';

describe('the web’s API types are the server’s contract', () => {
  it('a saved plan carries the runner’s profile (the web’s hand-written copy had lost it)', () => {
    expectTypeOf<SavedPlan>().toEqualTypeOf<ServerSavedPlan>();
    expectTypeOf<SavedPlan>().toHaveProperty('profile');
    expectTypeOf<SavedPlan['profile']>().toEqualTypeOf<RunnerProfileInput>();
  });

  it('the other bodies the server defines are its own types', () => {
    expectTypeOf<SavedPlanSummary>().toEqualTypeOf<ServerSavedPlanSummary>();
    expectTypeOf<SavedPlanSummary['tier']>().toEqualTypeOf<TriageTier>();
    expectTypeOf<CheckInResponse>().toEqualTypeOf<ServerCheckInResponse>();
    expectTypeOf<NewCheckIn>().toEqualTypeOf<ServerNewCheckIn>();
    expectTypeOf<ProgressDto>().toEqualTypeOf<ServerProgress>();
    expectTypeOf<Interview>().toEqualTypeOf<ServerInterview>();
    expectTypeOf<User>().toEqualTypeOf<ServerUser>();
    expectTypeOf<ActivitiesPageDto>().toEqualTypeOf<ServerActivitiesPage>();
  });

  it('error codes are the server’s, plus `network` for no answer', () => {
    expectTypeOf<ApiErrorCode>().toEqualTypeOf<ServerApiErrorCode | 'network'>();
  });

  it('the contract types are not `any`', () => {
    expectTypeOf<ServerSavedPlan>().not.toBeAny();
    expectTypeOf<ServerInterview>().not.toBeAny();
    expectTypeOf<ServerApiErrorCode>().not.toBeAny();
  });

  it('a call names its route, and the route names its answer', () => {
    expectTypeOf(request<'GET /api/plans/:id'>).returns.resolves.toEqualTypeOf<SavedPlan>();
    expectTypeOf<ResponseOf<'GET /api/plans'>>().toEqualTypeOf<{ plans: SavedPlanSummary[] }>();
    expectTypeOf<ResponseOf<'POST /api/plans/:id/checkins'>>().toEqualTypeOf<CheckInResponse>();
    expectTypeOf<ResponseOf<'GET /api/assessments/:id/plan'>>().toEqualTypeOf<PlanOutcome>();
    expectTypeOf<ResponseOf<'DELETE /api/me'>>().toEqualTypeOf<undefined>();
    expectTypeOf<ResponseOf<'GET /api/training'>>().toEqualTypeOf<ServerTraining>();
    expectTypeOf<ServerTraining>().toExtend<TrainingReport>();
  });

  it('the knowledge and exercise bodies come from the routes, not a copy', () => {
    expectTypeOf<KnowledgeDto>().toEqualTypeOf<ResponseOf<'GET /api/knowledge'>>();
    expectTypeOf<ExerciseDto>().toHaveProperty('illustrationUrl').toEqualTypeOf<string>();
  });

  it('a path the server lacks, a missing parameter or a wrong body does not compile', () => {
    // Only compiled, never run: each line is an error `tsc` must report.
    const calls = () => [
      // @ts-expect-error: no such route
      request('GET /api/plan/:id', { param: { id: 'x' } }),
      // @ts-expect-error: the route needs its :id
      request('GET /api/plans/:id'),
      // @ts-expect-error: a check-in has no `pain` field
      request('POST /api/plans/:id/checkins', { param: { id: 'x' }, json: { pain: 1 } }),
    ];
    expectTypeOf(calls).toBeFunction();
  });
});
