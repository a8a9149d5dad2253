/**
 * The plan preview of an assessment (`GET /api/assessments/:id/plan`), apart
 * from `queries.ts` because its query is built from the runner profile the
 * plan feature edits.
 */
import { useQuery } from '@tanstack/react-query';
import { profileQuery } from './profile.js';
import { request } from '../../shared/api/client.js';
import { keys } from '../../shared/api/queries.js';
import type { RunnerProfileInput } from '../../shared/api/types.js';

/** The plan an assessment leads to (computed, not saved). */
export function usePlanPreview(
  id: string,
  options: { enabled?: boolean; profile?: RunnerProfileInput | null } = {},
) {
  const query = profileQuery(options.profile ?? null);
  return useQuery({
    queryKey: [...keys.planPreview(id), query] as const,
    queryFn: () => request('GET /api/assessments/:id/plan', { param: { id }, query }),
    enabled: options.enabled ?? true,
    // While a changed profile's plan loads, keep showing the same assessment's previous plan.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === id ? previous : undefined,
  });
}
