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
}

/** The methods of the users and sessions repositories that write. */
const ACCOUNT_WRITES = {
  users: ['create', 'setPasswordHash', 'setReminders', 'delete'],
  // `touch` is left out: it moves only `last_seen_at`, which the caller updates in its cache.
  sessions: ['create', 'deleteForUserById', 'deleteForUser', 'delete', 'deleteExpired'],
} as const;

/** `repo` with `hook` called once each of `methods` has settled. */
function notifying<R extends object>(
  repo: R,
  methods: readonly (keyof R & string)[],
  hook: () => void,
): R {
  const wrapped = { ...repo } as Record<string, unknown>;
  for (const name of methods) {
    const method = repo[name];
    if (typeof method !== 'function') throw new Error(`no repository method ${name}`);
    const call = method as (...a: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await call.apply(repo, args);
      } finally {
        hook();
      }
    };
  }
  return wrapped as R;
}

/** The repositories over `db`. They hold no rules: callers decide, they store and fetch. */
export function createRepositories(db: Db, hooks: RepositoryHooks = {}): Repositories {
  const { accountsChanged } = hooks;
  const watch = <R extends object>(repo: R, methods: readonly (keyof R & string)[]): R =>
    accountsChanged === undefined ? repo : notifying(repo, methods, accountsChanged);
  return {
    users: watch(usersRepository(db), ACCOUNT_WRITES.users),
    sessions: watch(sessionsRepository(db), ACCOUNT_WRITES.sessions),
    assessments: assessmentsRepository(db),
    plans: plansRepository(db),
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
    workspace: workspaceRepository(db),
    secrets: secretsRepository(db),
    transaction: async (work) => {
      // Told again once the transaction has ended: a cache emptied during it
      // could have been refilled from rows the transaction had not yet committed over.
      let wrote = false;
      const inside: RepositoryHooks =
        accountsChanged === undefined
          ? {}
          : {
              accountsChanged: () => {
                wrote = true;
                accountsChanged();
              },
            };
      try {
        return await db.transaction((tx) => work(createRepositories(tx, inside)));
      } finally {
        if (wrote) accountsChanged?.();
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
