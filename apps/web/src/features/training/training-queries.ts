/**
 * Query hooks of the training endpoints (`/api/activities`, `/api/training`,
 * `/api/training/pain`, `/api/shoes/:name/reminder`), apart from
 * `queries.ts` so that only the lazily loaded Training page bundles them.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { mergePainDiaries, type PainDayInput } from './training.js';
import { request } from '../../shared/api/client.js';
import { keys, usePlans } from '../../shared/api/queries.js';

/** Which training report: up to a local date (default now), days counted at the runner's UTC offset. */
export interface TrainingParams {
  asOf?: string | undefined;
  utcOffsetMin: number;
}

/** The training report of the signed-in runner. */
export function useTraining(params: TrainingParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...keys.training, 'report', params.asOf ?? 'now', params.utcOffsetMin] as const,
    queryFn: () =>
      request('GET /api/training', {
        query: { utcOffsetMin: params.utcOffsetMin, asOf: params.asOf || undefined },
      }),
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
  });
}

/** Pain against training, from the check-ins of the runner's plans. */
export function useTrainingPain(utcOffsetMin: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...keys.trainingPain, utcOffsetMin] as const,
    queryFn: () => request('GET /api/training/pain', { query: { utcOffsetMin } }),
    enabled: options.enabled ?? true,
  });
}

/** The imported activities, newest first: the first `limit`. */
export function useActivities(limit: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...keys.activities, limit] as const,
    queryFn: () => request('GET /api/activities', { query: { limit, offset: 0 } }),
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
  });
}

/**
 * The pain diary across the runner's saved plans (next-morning pain by
 * date), from each plan's progress; where two plans have a check-in on the
 * same date, the newer plan's counts, as on the server.
 */
export function usePainDiary(options: { enabled?: boolean } = {}): {
  days: PainDayInput[];
  isPending: boolean;
} {
  const plans = usePlans(options);
  const withCheckIns = (plans.data ?? []).filter((p) => p.checkIns > 0);
  const progress = useQueries({
    queries: withCheckIns.map((p) => ({
      queryKey: keys.progress(p.id),
      queryFn: () => request('GET /api/plans/:id/progress', { param: { id: p.id } }),
    })),
  });
  const lists = withCheckIns.map((p, i) => ({
    createdAt: p.createdAt,
    points: progress[i]?.data?.points ?? [],
  }));
  return {
    days: mergePainDiaries(lists),
    isPending: plans.isPending || progress.some((q) => q.isPending),
  };
}

/** Everything under "training" is stale after an import, a deletion or a new reminder. */
export function useInvalidateTraining() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.training });
}

/** Deletes one imported activity. */
export function useDeleteActivity() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: (id: string) => request('DELETE /api/activities/:id', { param: { id } }),
    onSuccess: () => invalidate(),
  });
}

/** Sets the distance at which a pair of shoes reminds the runner (km; null removes it). */
export function useShoeReminder() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: (body: { name: string; km: number | null }) =>
      request('PUT /api/shoes/:name/reminder', {
        param: { name: body.name },
        json: { km: body.km },
      }),
    onSuccess: () => invalidate(),
  });
}

/** One imported activity with its laps and series (at most 2,000 points). */
export function useActivity(id: string) {
  return useQuery({
    queryKey: [...keys.activities, 'one', id] as const,
    queryFn: () => request('GET /api/activities/:id', { param: { id } }),
  });
}
