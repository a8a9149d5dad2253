/** The today feature's API: the stop rules of an exercise session (the core's, sent by the server). */
import { useQuery } from '@tanstack/react-query';
import { request } from '../../shared/api/client.js';

/** The pain limits shown during a session (`GET /api/stop-rules`); they never change. */
export function useStopRules() {
  return useQuery({
    queryKey: ['stop-rules'] as const,
    queryFn: async () => (await request('GET /api/stop-rules')).stopRules,
    staleTime: Infinity,
  });
}
