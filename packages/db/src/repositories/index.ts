/** Every repository over one Drizzle client, and transactions that hand out the same set. */
import type { Db } from '../database.js';
import { activitiesRepository, shoesRepository } from './activities.js';
import { assessmentsRepository } from './assessments.js';
import { auditRepository } from './audit.js';
import { passwordResetsRepository } from './password-resets.js';
import { pendingRegistrationsRepository } from './pending-registrations.js';
import { bookingsRepository } from './bookings.js';
import { clinicsRepository } from './clinics.js';
import { jobsRepository } from './jobs.js';
import { remindersRepository } from './reminders.js';
import { plansRepository } from './plans.js';
import { rateLimitsRepository } from './rate-limits.js';
import { secretsRepository } from './secrets.js';
import { sessionsRepository } from './sessions.js';
import { usersRepository } from './users.js';
import { workspaceRepository } from './workspace.js';

/** The repositories over one client (the database or a transaction). */
export interface Repositories {
  users: ReturnType<typeof usersRepository>;
  sessions: ReturnType<typeof sessionsRepository>;
  assessments: ReturnType<typeof assessmentsRepository>;
  plans: ReturnType<typeof plansRepository>;
  audit: ReturnType<typeof auditRepository>;
  activities: ReturnType<typeof activitiesRepository>;
  shoes: ReturnType<typeof shoesRepository>;
  passwordResets: ReturnType<typeof passwordResetsRepository>;
  pendingRegistrations: ReturnType<typeof pendingRegistrationsRepository>;
  rateLimits: ReturnType<typeof rateLimitsRepository>;
  clinics: ReturnType<typeof clinicsRepository>;
  bookings: ReturnType<typeof bookingsRepository>;
  jobs: ReturnType<typeof jobsRepository>;
  reminders: ReturnType<typeof remindersRepository>;
  workspace: ReturnType<typeof workspaceRepository>;
  secrets: ReturnType<typeof secretsRepository>;
  /** Runs `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** What the owner of the repositories is told about writes. */
export interface RepositoryHooks {
  /**
   * Called after every write to accounts or sessions (create, change,
   * delete: a cascade from an account included), and again after a
   * transaction that wrote them has ended. A cache of sessions empties on it.
   */
  accountsChanged?: () => void;
  /**
   * Called after every write to what a plan's or an assessment's answers are
   * made of, with its id (a check-in, an adaptation, a clinician's edit, an
   * interview step), or with no id when any may have changed (an account
   * deleted with everything it owns, a session's assessments claimed by an
   * account); again once a transaction that wrote them has ended. A cache of
   * ready-to-send answers drops them on it.
   */
  recordsChanged?: (id?: string) => void;
}

/** The methods of the users and sessions repositories that write. */
const ACCOUNT_WRITES = {
  users: ['create', 'setPasswordHash', 'setReminders', 'delete'],
  // `touch` is left out: it moves only `last_seen_at`, which the caller updates in its cache.
  sessions: ['create', 'deleteForUserById', 'deleteForUser', 'delete', 'deleteExpired'],
} as const;

/**
 * The methods that write a plan's or an assessment's rows, each with the
 * record it changed (from its arguments), or undefined for any.
 */
const RECORD_WRITES = {
  users: { delete: () => undefined },
  assessments: {
    update: (row: unknown) => (row as { id: string }).id,
    claim: () => undefined,
  },
  plans: {
    addCheckIn: (input: unknown) => (input as { planId: string }).planId,
    replaceAdaptationsFrom: (planId: unknown) => String(planId),
  },
  workspace: { addPlanEdit: (input: unknown) => (input as { planId: string }).planId },
} as const;

/** `repo` with `hook` called once each of `methods` has settled, with what the method's arguments say. */
function notifying<R extends object>(
  repo: R,
  methods: Partial<Record<keyof R & string, (...args: unknown[]) => string | undefined>>,
  hook: (id?: string) => void,
): R {
  const wrapped = { ...repo } as Record<string, unknown>;
  for (const [name, idOf] of Object.entries(methods) as [
    string,
    (...args: unknown[]) => string | undefined,
  ][]) {
    const method = (repo as Record<string, unknown>)[name];
    if (typeof method !== 'function') throw new Error(`no repository method ${name}`);
    const call = method as (...a: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await call.apply(repo, args);
      } finally {
        hook(idOf(...args));
      }
    };
  }
  return wrapped as R;
}

/** A method list as `notifying` takes it, each telling of no record in particular. */
const all = <K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((n) => [n, () => undefined])) as Record<K, () => undefined>;

/** The repositories over `db`. They hold no rules: callers decide, they store and fetch. */
export function createRepositories(db: Db, hooks: RepositoryHooks = {}): Repositories {
  const { accountsChanged, recordsChanged } = hooks;
  const watch = <R extends object>(
    repo: R,
    accounts: readonly (keyof R & string)[],
    records: Partial<Record<keyof R & string, (...args: unknown[]) => string | undefined>> = {},
  ): R => {
    const told =
      accountsChanged === undefined ? repo : notifying(repo, all(accounts), accountsChanged);
    return recordsChanged === undefined ? told : notifying(told, records, recordsChanged);
  };
  return {
    users: watch(usersRepository(db), ACCOUNT_WRITES.users, RECORD_WRITES.users),
    sessions: watch(sessionsRepository(db), ACCOUNT_WRITES.sessions),
    assessments: watch(assessmentsRepository(db), [], RECORD_WRITES.assessments),
    plans: watch(plansRepository(db), [], RECORD_WRITES.plans),
    audit: auditRepository(db),
    activities: activitiesRepository(db),
    shoes: shoesRepository(db),
    passwordResets: passwordResetsRepository(db),
    pendingRegistrations: pendingRegistrationsRepository(db),
    rateLimits: rateLimitsRepository(db),
    clinics: clinicsRepository(db),
    bookings: bookingsRepository(db),
    jobs: jobsRepository(db),
    reminders: remindersRepository(db),
    workspace: watch(workspaceRepository(db), [], RECORD_WRITES.workspace),
    secrets: secretsRepository(db),
    transaction: async (work) => {
      // Told again once the transaction has ended: a cache emptied during it
      // could have been refilled from rows the transaction had not yet committed over.
      let wrote = false;
      const records = new Set<string | undefined>();
      const inside: RepositoryHooks = {
        ...(accountsChanged === undefined
          ? {}
          : {
              accountsChanged: () => {
                wrote = true;
                accountsChanged();
              },
            }),
        ...(recordsChanged === undefined
          ? {}
          : {
              recordsChanged: (id?: string) => {
                records.add(id);
                recordsChanged(id);
              },
            }),
      };
      try {
        return await db.transaction((tx) => work(createRepositories(tx, inside)));
      } finally {
        if (wrote) accountsChanged?.();
        for (const id of records) recordsChanged?.(id);
      }
    },
  };
}

export type { UserRow } from './users.js';
export type { SessionRow } from './sessions.js';
export type { AssessmentRow, AssessmentChanges, Owner } from './assessments.js';
export type { PlanRow, PlanListRow, CheckInRow, AdaptationRow } from './plans.js';
export type { AuditRow } from './audit.js';
export type { RateWindow, RateLimitsRepository } from './rate-limits.js';
export type {
  ActivityRow,
  NewActivityRow,
  ActivitySummaryRow,
  ActivityKeyRow,
  ShoeRow,
} from './activities.js';
export type {
  ClinicRow,
  ClinicMemberRow,
  ClinicMemberWithEmailRow,
  ClinicInvitationRow,
  AppointmentTypeRow,
  WorkingHoursRow,
  AvailabilityExceptionRow,
} from './clinics.js';
export type { AppointmentRow, ConsentRow } from './bookings.js';
export type { JobRow } from './jobs.js';
export type { CheckInDueRow } from './reminders.js';
export type {
  ConsentWithClinicRow,
  AccessLogRow,
  ClinicianAppointmentRow,
  PlanEditRow,
  OutcomeRow,
} from './workspace.js';
