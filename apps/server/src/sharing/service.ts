/** The runner's sharing: their consents, revoking one, and the log of clinician reads. */
import { DomainError } from '@backtrack/core';
import type { AppDeps } from '../http/context.js';
import { toAccessEntryDto, toConsentDto, type AccessEntryDto, type ConsentDto } from './dto.js';

/** The sharing use cases. */
export function sharingService(deps: Pick<AppDeps, 'repos' | 'clock'>) {
  const { repos, clock } = deps;
  return {
    async consents(userId: string): Promise<ConsentDto[]> {
      return (await repos.workspace.consentsOf(userId)).map(toConsentDto);
    },
    /** Revokes a consent at once (idempotent); 404 when it is not the runner's. */
    async revoke(userId: string, consentId: string): Promise<ConsentDto> {
      const row = await repos.workspace.revokeConsent(consentId, userId, clock.now());
      if (!row) throw new DomainError('not_found', `No consent ${consentId}.`);
      await repos.audit.record({
        userId,
        action: 'consent.revoke',
        targetId: row.id,
        at: clock.now(),
      });
      const listed = (await repos.workspace.consentsOf(userId)).find((c) => c.id === row.id);
      if (!listed) throw new DomainError('not_found', `No consent ${consentId}.`);
      return toConsentDto(listed);
    },
    async accessLog(userId: string): Promise<AccessEntryDto[]> {
      return (await repos.workspace.accessLog(userId)).map(toAccessEntryDto);
    },
  };
}
/** The sharing service. */
export type SharingService = ReturnType<typeof sharingService>;
