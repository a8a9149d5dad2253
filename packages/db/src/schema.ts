/**
 * The database schema (Drizzle, PostgreSQL dialect; PGlite speaks the same).
 * `drizzle-kit generate` turns changes here into SQL migrations in
 * `packages/db/migrations`, which are committed and applied at start-up.
 *
 * Every row that belongs to a runner hangs off `users` (or, before an
 * account exists, off an anonymous `sessions` row) with `on delete cascade`,
 * so deleting an account deletes everything with it.
 */
import type {
  ActivitySource,
  AnswerValue,
  AssessmentResult,
  LegPain,
  OutcomeRecorderRole,
  Lap,
  AdaptationDecision as CoreAdaptationDecision,
  Plan,
  PlanWeek,
  RunnerProfileInput,
  RunningDynamics,
  Series,
  Sport,
  TrainingAnswer,
} from '@backtrack/core';
import { relations } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

/** Accounts. `email` is stored normalised (trimmed, lower case) by the caller. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  /** A self-describing password hash (algorithm, parameters, salt, hash). */
  passwordHash: text('password_hash').notNull(),
  /** The runner's IANA time zone, as their browser reported it (null: not known yet). */
  timeZone: text('time_zone'),
  /** The local hour (0–23) of the daily check-in reminder; null: off (the default). */
  checkInReminderHour: integer('checkin_reminder_hour'),
  createdAt: createdAt(),
});

/**
 * Secrets the server makes once and keeps, shared by every instance (the
 * key that signs reminder unsubscribe links), so a restart does not void
 * links already mailed.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/**
 * Browser sessions. The cookie holds a random token; only its SHA-256 is
 * stored, so a leaked table cannot be replayed. `user_id` is null for an
 * anonymous session.
 */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    /** What the API shows to name a session (the token's hash never leaves the server). */
    id: uuid('id').notNull().unique().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** When a request last used the session (updated at most every few minutes). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }),
    /** The browser's User-Agent when the session started, cut to 256 characters. */
    userAgent: text('user_agent'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Password reset tokens sent by mail: only the token's SHA-256 is stored.
 * A token works once (`used_at`) and until `expires_at`.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('password_resets_user_idx').on(t.userId),
    index('password_resets_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Registrations waiting for the owner of the address to open the link sent
 * to it: no account exists until then, so registering never says whether an
 * address is taken. Only the token's SHA-256 is stored, with the password
 * hash chosen in that registration (each link sets its own password, so a
 * stranger who registers the same address first cannot share the account)
 * and the anonymous session whose assessments the account will claim.
 */
export const pendingRegistrations = pgTable(
  'pending_registrations',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** The SHA-256 id of the anonymous session that registered, if any. */
    anonymousSessionHash: text('anonymous_session_hash'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('pending_registrations_email_idx').on(t.email),
    index('pending_registrations_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Attempt counters for throttling (login, registration, password reset),
 * shared by every server process on the database: one fixed window per key,
 * counted with one atomic upsert. Keys hold digests of emails and
 * addresses, not the values. Rows are swept once their window has ended.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    count: integer('count').notNull(),
    /** The end of the window: the row can go after it. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);

/** Interview modes, as in `@backtrack/core`'s `InterviewOptions`. */
export type AssessmentMode = 'adaptive' | 'full';
/** Whether the interview is still asking. */
export type AssessmentStatus = 'in_progress' | 'done';
/** Why an interview ended by itself. */
export type EndedBecause = 'emergency' | 'stable' | 'complete';

/**
 * Assessments (interviews). Owned by a user, or by an anonymous session
 * until the runner registers or logs in. `version` increases with every
 * update, for optimistic concurrency.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => sessions.idHash, { onDelete: 'cascade' }),
    mode: text('mode').$type<AssessmentMode>().notNull(),
    status: text('status').$type<AssessmentStatus>().notNull(),
    answers: jsonb('answers').$type<Record<string, AnswerValue>>().notNull(),
    /** Question ids in the order asked (answered or skipped). */
    asked: jsonb('asked').$type<string[]>().notNull(),
    endedBecause: text('ended_because').$type<EndedBecause>(),
    result: jsonb('result').$type<AssessmentResult>(),
    /**
     * Answers filled in from the runner's imported runs when the result was
     * made (question id → value and where it came from); null when none.
     * The runner's own answers stay in `answers`.
     */
    trainingAnswers: jsonb('training_answers').$type<Record<string, TrainingAnswer>>(),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('assessments_user_idx').on(t.userId),
    index('assessments_session_idx').on(t.sessionId),
  ],
);

/** Saved plans: the plan as generated (adaptations are kept apart and applied on read). */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    profile: jsonb('profile').$type<RunnerProfileInput>().notNull(),
    plan: jsonb('plan').$type<Plan>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('plans_user_idx').on(t.userId), index('plans_assessment_idx').on(t.assessmentId)],
);

/** Daily check-ins, at most one per plan and calendar date. */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    /** Day of the plan, 1-based. */
    day: integer('day').notNull(),
    painDuring: integer('pain_during').notNull(),
    painAfter: integer('pain_after').notNull(),
    painNextMorning: integer('pain_next_morning').notNull(),
    sessionsDone: integer('sessions_done').notNull(),
    sessionsPlanned: integer('sessions_planned').notNull(),
    /** Kilometres actually run that day (null: not given). */
    distanceKm: doublePrecision('distance_km'),
    /** Where the pain reached: the core's `LegPain` (null: not given). */
    legPain: text('leg_pain').$type<LegPain>(),
    /** The runner's note for their physiotherapist. */
    note: text('note'),
    createdAt: createdAt(),
  },
  // Migration 0009 adds CHECK check_ins_leg_pain_ck (one of the core's LEG_PAIN values).
  (t) => [uniqueIndex('check_ins_plan_date_uq').on(t.planId, t.date)],
);

/** Decisions of the weekly adaptation: the core's `Adaptation['decision']` (a text column, no enum). */
export type AdaptationDecision = CoreAdaptationDecision;

/** The adaptation made after a week: it replaces week `week + 1` of the plan. */
export const adaptations = pgTable(
  'adaptations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    week: integer('week').notNull(),
    decision: text('decision').$type<AdaptationDecision>().notNull(),
    reason: text('reason').notNull(),
    fromLevel: integer('from_level').notNull(),
    toLevel: integer('to_level').notNull(),
    nextWeek: jsonb('next_week').$type<PlanWeek>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('adaptations_plan_week_uq').on(t.planId, t.week)],
);

/**
 * What happened to an account, for the runner's own export and for
 * security review: action names and ids only, never health data. A
 * clinician's read of a runner's data is a row of the runner (`user_id`)
 * with the reading clinic member in `actor_member_id` and `actor_name`
 * (kept when the membership goes).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    targetId: text('target_id'),
    actorMemberId: uuid('actor_member_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('audit_log_user_idx').on(t.userId)],
);

/**
 * Imported activities (`Activity` of @backtrack/core): the summary in
 * columns, laps and the downsampled series (at most one point per 10 s,
 * 6,000 points) as JSON. `content_id` is the importer's content hash, unique
 * per runner, so the same file is stored once; `id` is what the API shows.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contentId: text('content_id').notNull(),
    source: text('source').$type<ActivitySource>().notNull(),
    sport: text('sport').$type<Sport>().notNull(),
    subSport: text('sub_sport'),
    name: text('name'),
    /** Null when the file had no trustworthy start time. */
    startTime: timestamp('start_time', { withTimezone: true, mode: 'date' }),
    durationS: doublePrecision('duration_s'),
    movingTimeS: doublePrecision('moving_time_s'),
    distanceM: doublePrecision('distance_m').notNull(),
    elevationGainM: doublePrecision('elevation_gain_m'),
    elevationLossM: doublePrecision('elevation_loss_m'),
    avgHeartRateBpm: doublePrecision('avg_heart_rate_bpm'),
    maxHeartRateBpm: doublePrecision('max_heart_rate_bpm'),
    avgCadenceSpm: doublePrecision('avg_cadence_spm'),
    avgPowerW: doublePrecision('avg_power_w'),
    dynamics: jsonb('dynamics').$type<RunningDynamics>(),
    laps: jsonb('laps').$type<Lap[]>().notNull(),
    series: jsonb('series').$type<Series>(),
    shoe: text('shoe'),
    device: text('device'),
    file: text('file'),
    externalId: text('external_id'),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('activities_user_content_uq').on(t.userId, t.contentId),
    index('activities_user_start_idx').on(t.userId, t.startTime),
  ],
);

/** The runner's shoes: a replacement reminder at a distance they choose. */
export const shoes = pgTable(
  'shoes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** As it appears on activities (`activities.shoe`). */
    name: text('name').notNull(),
    reminderKm: doublePrecision('reminder_km'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('shoes_user_name_uq').on(t.userId, t.name)],
);

/** A clinic member's role: a clinician books appointments; an admin also runs the clinic. */
export type ClinicRole = 'clinician' | 'clinic_admin';
/** Where an appointment stands. `rescheduled`: replaced by the row whose `rescheduled_from` points here. */
export type AppointmentStatus = 'booked' | 'cancelled' | 'rescheduled';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Clinics. Working hours are local times in `time_zone` (IANA). */
export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  timeZone: text('time_zone').notNull(),
  /** Free time kept after every appointment. */
  bufferMinutes: integer('buffer_minutes').notNull(),
  /** No booking sooner than this after now. */
  minNoticeMinutes: integer('min_notice_minutes').notNull(),
  createdAt: createdAt(),
});

/**
 * Who works at a clinic: a user account with a role. A clinician is the same
 * account model as a runner, with a membership.
 */
export const clinicMembers = pgTable(
  'clinic_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<ClinicRole>().notNull(),
    /** The name runners see ("Anna Jensen, physiotherapist"). */
    displayName: text('display_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('clinic_members_clinic_user_uq').on(t.clinicId, t.userId),
    index('clinic_members_user_idx').on(t.userId),
  ],
);

/** Invitations to join a clinic, by a link mailed to `email`; only the token's SHA-256 is stored. */
export const clinicInvitations = pgTable(
  'clinic_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<ClinicRole>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('clinic_invitations_clinic_idx').on(t.clinicId)],
);

/** What a clinic books: duration, price (minor units; null: not set) and a description. */
export const appointmentTypes = pgTable(
  'appointment_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents'),
    currency: text('currency').notNull(),
    description: text('description').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('appointment_types_clinic_key_uq').on(t.clinicId, t.key)],
);

/** Weekly working hours of a clinician: ISO weekday and local minutes since midnight. */
export const workingHours = pgTable(
  'working_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => clinicMembers.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    startMinutes: integer('start_minutes').notNull(),
    endMinutes: integer('end_minutes').notNull(),
  },
  (t) => [index('working_hours_clinic_idx').on(t.clinicId)],
);

/** Absences of a clinician, or holidays of the whole clinic (`member_id` null). */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => clinicMembers.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('availability_exceptions_clinic_idx').on(t.clinicId, t.startsAt)],
);

/**
 * Appointments. `blocked_until` is the end plus the clinic's buffer; an
 * exclusion constraint (added in the migration by hand: Drizzle cannot
 * express it) forbids two booked appointments of one clinician whose
 * `[starts_at, blocked_until)` ranges overlap, so the database, not a check
 * before the insert, prevents double booking. A reschedule marks the row
 * `rescheduled` and inserts a new one with `rescheduled_from`; `series_id`
 * (the first booking's id) and `sequence` give the calendar its stable UID
 * and version.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seriesId: uuid('series_id').notNull(),
    sequence: integer('sequence').notNull().default(0),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => clinicMembers.id, { onDelete: 'cascade' }),
    runnerId: uuid('runner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    appointmentTypeId: uuid('appointment_type_id')
      .notNull()
      .references(() => appointmentTypes.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    blockedUntil: instant('blocked_until').notNull(),
    status: text('status').$type<AppointmentStatus>().notNull(),
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'set null' }),
    /**
     * The plan the runner had when booking (their newest then; null: none, or
     * not shared): the clinician's summary and FHIR export read this one, not a later plan.
     */
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    /** The triage tier when booked (null: no assessment). */
    tier: text('tier'),
    /** Why this booking was offered (the booking rule's reason). */
    reason: text('reason'),
    clearedByDoctor: boolean('cleared_by_doctor').notNull().default(false),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    cancelledAt: instant('cancelled_at'),
    rescheduledFrom: uuid('rescheduled_from'),
    createdAt: createdAt(),
  },
  (t) => [
    index('appointments_runner_idx').on(t.runnerId, t.startsAt),
    index('appointments_clinic_idx').on(t.clinicId, t.startsAt),
  ],
);

/**
 * What a runner shares with a clinic, item by item; revoking sets
 * `revoked_at` (the row stays, for the runner's record).
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runnerId: uuid('runner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id').references(() => appointments.id, {
      onDelete: 'set null',
    }),
    shareAssessment: boolean('share_assessment').notNull(),
    sharePlan: boolean('share_plan').notNull(),
    shareCheckins: boolean('share_checkins').notNull(),
    shareTraining: boolean('share_training').notNull(),
    grantedAt: instant('granted_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('consents_runner_clinic_idx').on(t.runnerId, t.clinicId)],
);

/**
 * A clinician's change to a saved plan (the core's `PlanEdit`), applied in
 * order of `created_at` on read, before the check-ins adapt the plan.
 */
export const planEdits = pgTable(
  'plan_edits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    authorMemberId: uuid('author_member_id').references(() => clinicMembers.id, {
      onDelete: 'set null',
    }),
    /** The clinician's name as the runner saw it when the edit was made. */
    authorName: text('author_name').notNull(),
    edit: jsonb('edit').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('plan_edits_plan_idx').on(t.planId, t.createdAt)],
);

/** Outcome measures the runner gave (NPRS, PSFS): the score and, for PSFS, the activities. */
export const outcomeMeasures = pgTable(
  'outcome_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runnerId: uuid('runner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instrument: text('instrument').notNull(),
    score: doublePrecision('score').notNull(),
    items: jsonb('items').$type<{ activity: string; score: number }[]>(),
    recordedAt: instant('recorded_at').notNull(),
    /**
     * The clinician's account who recorded the measure; null when the runner
     * did, and when that clinician's account was deleted (read
     * `recordedByRole`, never this column, to tell the two apart).
     */
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who recorded the measure: the runner or a clinician; kept when the clinician's account is deleted. */
    recordedByRole: text('recorded_by_role').$type<OutcomeRecorderRole>().notNull(),
    /** The clinician's display name when they recorded it; null for the runner. */
    recordedByName: text('recorded_by_name'),
  },
  // Migration 0010 adds CHECK outcome_measures_recorded_by_role_ck (one of OUTCOME_RECORDER_ROLES).
  (t) => [index('outcome_measures_runner_idx').on(t.runnerId, t.recordedAt)],
);

/**
 * Durable background jobs (reminder mail): claimed with `FOR UPDATE SKIP
 * LOCKED`, leased by `locked_until`, retried with backoff. `dedupe_key`
 * makes scheduling idempotent (one reminder per appointment, one check-in
 * reminder per runner and day).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    dedupeKey: text('dedupe_key').unique(),
    runAt: instant('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: instant('locked_until'),
    doneAt: instant('done_at'),
    failedAt: instant('failed_at'),
    cancelledAt: instant('cancelled_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('jobs_due_idx').on(t.runAt)],
);

/** A plan's check-ins and adaptations, for reading a plan with them in one query. */
export const plansRelations = relations(plans, ({ many }) => ({
  checkIns: many(checkIns),
  adaptations: many(adaptations),
}));
/** The plan of a check-in. */
export const checkInsRelations = relations(checkIns, ({ one }) => ({
  plan: one(plans, { fields: [checkIns.planId], references: [plans.id] }),
}));
/** The plan of an adaptation. */
export const adaptationsRelations = relations(adaptations, ({ one }) => ({
  plan: one(plans, { fields: [adaptations.planId], references: [plans.id] }),
}));

/** Every table and relation, for Drizzle's typed client. */
export const schema = {
  users,
  sessions,
  passwordResets,
  pendingRegistrations,
  rateLimits,
  assessments,
  plans,
  checkIns,
  adaptations,
  auditLog,
  activities,
  shoes,
  clinics,
  clinicMembers,
  clinicInvitations,
  appointmentTypes,
  workingHours,
  availabilityExceptions,
  appointments,
  consents,
  planEdits,
  outcomeMeasures,
  jobs,
  plansRelations,
  checkInsRelations,
  adaptationsRelations,
};
