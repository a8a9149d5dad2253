/**
 * Type-level checks that the web reads the server's contract rather than a
 * copy of it: each body type here is the one `@backtrack/server/contract`
 * infers from the server's zod schemas. `tsc` (npm run typecheck) fails when
 * they differ; at run time vitest only counts the assertions.
 */
import type { RunnerProfileInput } from '@backtrack/core';
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
} from '@backtrack/server/contract';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiErrorCode } from './client.js';
import type {
  ActivitiesPageDto,
  CheckInResponse,
  Interview,
  NewCheckIn,
  ProgressDto,
  SavedPlan,
  SavedPlanSummary,
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
});
