/**
 * Who may read a runner's data: a member of a clinic the runner has an
 * unrevoked consent to, and only the items consented. Every refusal is the
 * same 403 whether or not the runner exists, so the answer says nothing
 * about other accounts.
 */
import { DomainError, SHARE_ITEMS, type ShareItem, type ShareScopes } from '@backtrack/core';
import type { ClinicMemberRow, ConsentRow, Repositories } from '@backtrack/db';

/** The message of every refused clinician read. */
export const NO_ACCESS_MESSAGE =
  'No access: this runner has not shared their data with your clinic, or has revoked it.';

/** What a clinician may read of one runner, and as which membership. */
export interface ClinicianAccess {
  member: ClinicMemberRow;
  scopes: ShareScopes;
  /** The runner's unrevoked consents to the user's clinics. */
  consents: ConsentRow[];
}

/** The items of a consent row. */
export function consentScopes(row: ConsentRow): ShareScopes {
  return {
    assessment: row.shareAssessment,
    plan: row.sharePlan,
    checkins: row.shareCheckins,
    training: row.shareTraining,
  };
}

/** The items shared, in the core's order. */
export function sharedItems(scopes: ShareScopes): ShareItem[] {
  return SHARE_ITEMS.filter((item) => scopes[item]);
}

/** The user's memberships; 403 when they belong to no clinic. */
export async function requireMemberships(
  repos: Repositories,
  userId: string,
): Promise<ClinicMemberRow[]> {
  const memberships = await repos.workspace.membershipsOf(userId);
  if (memberships.length === 0)
    throw new DomainError('forbidden', 'Only clinic members can use the clinician workspace.');
  return memberships;
}

/**
 * What `userId` may read of `runnerId`: the union of the items of the
 * runner's unrevoked consents to the user's clinics, read as the membership
 * of the first consenting clinic. 403 when there is none, or none shares anything.
 */
export async function clinicianAccess(
  repos: Repositories,
  userId: string,
  runnerId: string,
): Promise<ClinicianAccess> {
  const memberships = await requireMemberships(repos, userId);
  const consents =
    runnerId === userId
      ? []
      : await repos.workspace.activeConsents(
          runnerId,
          memberships.map((m) => m.clinicId),
        );
  const scopes: ShareScopes = { assessment: false, plan: false, checkins: false, training: false };
  for (const consent of consents) {
    const each = consentScopes(consent);
    for (const item of SHARE_ITEMS) scopes[item] ||= each[item];
  }
  const member = memberships.find((m) => consents.some((c) => c.clinicId === m.clinicId));
  if (!member || sharedItems(scopes).length === 0)
    throw new DomainError('forbidden', NO_ACCESS_MESSAGE);
  return { member, scopes, consents };
}
