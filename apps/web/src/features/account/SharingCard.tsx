import { describeShared, OUTCOME_SHORT_LABELS, shareItemLabel } from '@backtrack/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentDto } from '@backtrack/server/contract';
import { request } from '../../shared/api/client.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { formatDateTime } from '../../shared/lib/dates.js';

const CONSENTS_KEY = ['me', 'consents'] as const;
const ACCESS_LOG_KEY = ['me', 'access-log'] as const;

/**
 * What the runner shares with clinics, item by item, with a revoke button
 * each, and who looked at what and when.
 */
export function SharingCard() {
  const client = useQueryClient();
  const consents = useQuery({
    queryKey: CONSENTS_KEY,
    queryFn: async () => (await request('GET /api/me/consents')).consents,
  });
  const log = useQuery({
    queryKey: ACCESS_LOG_KEY,
    queryFn: async () => (await request('GET /api/me/access-log')).entries,
  });
  const revoke = useMutation({
    mutationFn: (consent: ConsentDto) =>
      request('POST /api/me/consents/:id/revoke', { param: { id: consent.id } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CONSENTS_KEY });
    },
  });

  return (
    <section className="card" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Sharing</h2>
      {consents.isPending ? <Loading /> : null}
      {consents.isError ? <ErrorMessage error={consents.error} /> : null}
      {consents.data?.length === 0 ? <p>You share nothing with any clinic.</p> : null}
      {consents.data && consents.data.length > 0 ? (
        <ul>
          {consents.data.map((c) => (
            <li key={c.id}>
              {c.clinicName}: {describeShared(c.share)}, since {formatDateTime(c.grantedAt)}
              {c.revokedAt ? (
                <> — revoked on {formatDateTime(c.revokedAt)}</>
              ) : (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={revoke.isPending}
                    onClick={() => {
                      revoke.mutate(c);
                    }}
                  >
                    Stop sharing with {c.clinicName}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      <h3>Who looked at your data</h3>
      {log.isError ? <ErrorMessage error={log.error} /> : null}
      {log.data?.length === 0 ? <p>No clinician has looked at your data.</p> : null}
      {log.data && log.data.length > 0 ? (
        <ul>
          {log.data.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.at)}: {e.who ?? 'A former clinic member'}
              {e.clinicName ? ` (${e.clinicName})` : ''}{' '}
              {e.action === 'clinician.outcome'
                ? `recorded your ${e.what === 'psfs' ? OUTCOME_SHORT_LABELS.psfs : OUTCOME_SHORT_LABELS.nprs}`
                : `read your ${e.what === null ? 'data' : shareItemLabel(e.what)}`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
