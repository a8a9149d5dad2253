/**
 * Query keys and hooks over the API (TanStack Query). Each hook is one
 * endpoint of docs/api.md; mutations put the server's answer straight into
 * the cache so screens update without a second request.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request, resetCsrfToken, type InputOf } from './client.js';
import type { AnswerValue, NewCheckIn, User } from './types.js';

/** Every query key in one place. */
export const keys = {
  me: ['me'] as const,
  interview: (id: string) => ['interview', id] as const,
  planPreview: (id: string) => ['plan-preview', id] as const,
  knowledge: ['knowledge'] as const,
  exercises: ['exercises'] as const,
  plans: ['plans'] as const,
  plan: (id: string) => ['plan', id] as const,
  progress: (id: string) => ['progress', id] as const,
  training: ['training'] as const,
  trainingPain: ['training', 'pain'] as const,
  activities: ['training', 'activities'] as const,
  memberships: ['memberships'] as const,
};

/** The signed-in user, or null. */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => (await request('GET /api/auth/me')).user,
    staleTime: 60_000,
  });
}

/** The signed-in user's clinic memberships (empty for a runner; not asked when signed out). */
export function useMemberships(options: { enabled: boolean }) {
  return useQuery({
    queryKey: keys.memberships,
    queryFn: async () => (await request('GET /api/clinician/memberships')).memberships,
    enabled: options.enabled,
    staleTime: 60_000,
  });
}

/** An assessment. */
export function useInterview(id: string) {
  return useQuery({
    queryKey: keys.interview(id),
    queryFn: () => request('GET /api/assessments/:id', { param: { id } }),
  });
}

/** Contributors, red flags and sources. */
export function useKnowledge() {
  return useQuery({
    queryKey: keys.knowledge,
    queryFn: () => request('GET /api/knowledge'),
    staleTime: Infinity,
  });
}

/** The exercise library. */
export function useExercises() {
  return useQuery({
    queryKey: keys.exercises,
    queryFn: async () => (await request('GET /api/exercises')).exercises,
    staleTime: Infinity,
  });
}

/** The signed-in runner's saved plans (empty when signed out). */
export function usePlans(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.plans,
    queryFn: fetchPlans,
    enabled: options.enabled ?? true,
  });
}

async function fetchPlans() {
  return (await request('GET /api/plans')).plans;
}

/**
 * Where a runner lands once signed in: the page they came for (`next`) if
 * any, else today's session when they have a saved plan, else null (they
 * stay where they are).
 */
export function useLandingAfterSignIn(): (next: string | null) => Promise<string | null> {
  const client = useQueryClient();
  return async (next) => {
    if (next) return next;
    try {
      const plans = await client.query({ queryKey: keys.plans, queryFn: fetchPlans });
      return plans.length > 0 ? '/today' : null;
    } catch {
      // Signed in all the same: the account page shows what failed to load.
      return null;
    }
  };
}

/** A saved plan with its check-ins. */
export function useSavedPlan(id: string) {
  return useQuery({
    queryKey: keys.plan(id),
    queryFn: () => request('GET /api/plans/:id', { param: { id } }),
  });
}

/** Pain over time for a saved plan. */
export function useProgress(id: string) {
  return useQuery({
    queryKey: keys.progress(id),
    queryFn: () => request('GET /api/plans/:id/progress', { param: { id } }),
  });
}

/** Starts an assessment. */
export function useStartAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST /api/assessments', { json: { mode: 'adaptive' } }),
    onSuccess: (interview) => client.setQueryData(keys.interview(interview.id), interview),
  });
}

/** The interview's actions: answer, skip, back, finish. Each returns the new interview. */
export function useInterviewActions(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { kind: 'answer'; questionId: string; value: AnswerValue }
        | { kind: 'skip'; questionId: string }
        | { kind: 'back' }
        | { kind: 'finish' },
    ) => {
      switch (action.kind) {
        case 'answer':
          return request('POST /api/assessments/:id/answers', {
            param: { id },
            json: { questionId: action.questionId, value: action.value },
          });
        case 'skip':
          return request('POST /api/assessments/:id/skip', {
            param: { id },
            json: { questionId: action.questionId },
          });
        case 'back':
          return request('POST /api/assessments/:id/back', { param: { id } });
        case 'finish':
          return request('POST /api/assessments/:id/finish', { param: { id } });
      }
    },
    onSuccess: (interview) => {
      client.setQueryData(keys.interview(id), interview);
      void client.invalidateQueries({ queryKey: keys.planPreview(id) });
    },
  });
}

/** Logs in; on success the session's assessments belong to the account. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }): Promise<User> =>
      (await request('POST /api/auth/login', { json: body })).user,
    onSuccess: (user) => {
      client.setQueryData(keys.me, user);
      void client.invalidateQueries({ queryKey: keys.plans });
    },
  });
}

/**
 * Starts a registration: the server mails a link that finishes it, and
 * answers the same whether or not the address already had an account (so
 * nobody is signed in yet).
 */
export function useRegister() {
  return useMutation({
    mutationFn: (body: InputOf<'POST /api/auth/register'>['json']) =>
      request('POST /api/auth/register', { json: body }),
  });
}

/** Finishes a registration with the token from the mailed link: the account exists and is signed in. */
export function useConfirmRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (token: string): Promise<User> =>
      (await request('POST /api/auth/register/confirm', { json: { token } })).user,
    onSuccess: (user) => {
      client.setQueryData(keys.me, user);
      void client.invalidateQueries({ queryKey: keys.plans });
    },
  });
}

/**
 * What this browser forgets when the account signs out here (or is
 * deleted): the CSRF token, every cached query, and the service worker's
 * copies of the account's plans kept for offline use (`public/sw.js`,
 * message `clear-data`), so the next person on a shared phone sees none of
 * it, online or off.
 */
export function useForgetAccount(): () => void {
  const client = useQueryClient();
  return () => {
    resetCsrfToken();
    // `me` becomes null first (pages switch to their signed-out view,
    // unmounting what needs an account), then every other cached answer goes.
    client.setQueryData(keys.me, null);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.me[0] });
    if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator)
      navigator.serviceWorker.controller?.postMessage('clear-data');
  };
}

/** Logs out and forgets everything cached for the account. */
export function useLogout() {
  const forget = useForgetAccount();
  return useMutation({
    mutationFn: () => request('POST /api/auth/logout'),
    onSuccess: forget,
  });
}

/** Deletes the account and everything with it. */
export function useDeleteAccount() {
  const forget = useForgetAccount();
  return useMutation({
    mutationFn: () => request('DELETE /api/me'),
    onSuccess: forget,
  });
}

/** Saves the plan of an assessment to the account. */
export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InputOf<'POST /api/plans'>['json']) =>
      request('POST /api/plans', { json: body }),
    onSuccess: (saved) => {
      client.setQueryData(keys.plan(saved.id), saved);
      void client.invalidateQueries({ queryKey: keys.plans });
    },
  });
}

/** Records a daily check-in. */
export function useCheckIn(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCheckIn) =>
      request('POST /api/plans/:id/checkins', { param: { id: planId }, json: body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.plan(planId) });
      void client.invalidateQueries({ queryKey: keys.progress(planId) });
    },
  });
}

/** Whether an error means "sign in first". */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthenticated';
}

/** Whether an error means "no such thing (or not yours)". */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'not_found';
}
