/**
 * The shapes the web app reads from the HTTP API (docs/api.md). Domain types
 * come from `@backtrack/core` as type-only imports; of the core's values the
 * web imports only pure helpers such as the plan calendar (the core declares
 * `sideEffects: false`, so nothing else of it is bundled). The bodies that
 * only the server defines (saved plans, check-ins, progress, users) are
 * written out here, matching `apps/server/src/*\/dto.ts`.
 */
import type {
  AdaptationDecision,
  PlanSafetyStop,
  AnswerValue,
  AssessmentResult,
  PainComparison,
  TrainingReport,
  BodyRegion,
  ContributorId,
  Equipment,
  Exercise,
  KnowledgeSummary,
  NoPlan,
  Plan,
  PlanDose,
  PlanItem,
  PlanOutcome,
  PlanWeek,
  Question,
  RunnerProfileInput,
  TriageReason,
  TriageTier,
} from '@backtrack/core';

export type {
  PlanSafetyStop,
  AnswerValue,
  AssessmentResult,
  BodyRegion,
  ContributorId,
  Equipment,
  NoPlan,
  Plan,
  PlanDose,
  PlanItem,
  PlanOutcome,
  PlanWeek,
  RunnerProfileInput,
  TriageReason,
  TriageTier,
};

/** A question as the API sends it (no scoring internals). */
export type QuestionDto = Pick<
  Question,
  'id' | 'section' | 'text' | 'help' | 'type' | 'options' | 'unit' | 'min' | 'max' | 'redFlag'
>;

/** Stage of the interview. */
export type InterviewStage = 'red_flags' | 'ranking' | 'risk_screen';

/** An assessment in progress or done (`GET /api/assessments/:id`). */
export interface Interview {
  id: string;
  mode: 'adaptive' | 'full';
  status: 'in_progress' | 'done';
  asked: string[];
  answers: Record<string, AnswerValue>;
  next: {
    question: QuestionDto;
    stage: InterviewStage;
    progress: { asked: number; remainingEstimate: number };
  } | null;
  endedBecause?: 'emergency' | 'stable' | 'complete';
  result?: AssessmentResult;
}

/** The knowledge summary (`GET /api/knowledge`): the core's `summariseKnowledgeBase`. */
export type KnowledgeDto = KnowledgeSummary;

/** A bibliographic source (`GET /api/knowledge`). */
export type SourceDto = KnowledgeSummary['sources'][number];

/** An exercise of the library (`GET /api/exercises`). */
export type ExerciseDto = Exercise & { illustrationUrl?: string };

/** A check-in as the API shows it. */
export interface CheckInDto {
  date: string;
  day: number;
  week: number;
  painDuring: number;
  painAfter: number;
  painNextMorning: number;
  sessionsDone: number;
  sessionsPlanned: number;
}

/** What the runner sends for a check-in. */
export type NewCheckIn = Omit<CheckInDto, 'day' | 'week'>;

/** An adaptation: after `week`, the next week moved from one level to another. */
export interface AdaptationDto {
  week: number;
  decision: AdaptationDecision;
  reason: string;
  fromLevel: number;
  toLevel: number;
  /** With `stop_running`: running stops, re-screen, see a clinician. */
  safetyStop?: PlanSafetyStop;
}

/** A saved plan with its adaptations applied (`GET /api/plans/:id`). */
export interface SavedPlan {
  id: string;
  assessmentId: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  plan: Plan;
  checkIns: CheckInDto[];
  adaptations: AdaptationDto[];
  /** Where today falls in the plan, or null before the start and after the end. */
  today: { date: string; day: number; week: number } | null;
}

/** A saved plan in the list (`GET /api/plans`, newest first). */
export interface SavedPlanSummary {
  id: string;
  assessmentId: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  weeks: number;
  tier: TriageTier;
  targets: string[];
  checkIns: number;
}

/** `POST /api/plans/:id/checkins`: the adaptation of the next week so far (null in the last week). */
export interface CheckInResponse {
  checkIn: CheckInDto;
  adaptation: AdaptationDto | null;
}

/** `GET /api/plans/:id/progress`. */
export interface ProgressDto {
  points: {
    date: string;
    day: number;
    week: number;
    painDuring: number;
    painAfter: number;
    painNextMorning: number;
  }[];
  weeks: { week: number; level: number; decision: AdaptationDto['decision'] | null }[];
}

/** A signed-in user. */
export interface User {
  id: string;
  email: string;
}

/** One file the import could not read (`POST /api/activities/import`). */
export interface ImportErrorDto {
  file: string;
  message: string;
}

/** What an upload did (`POST /api/activities/import`). */
export interface ImportResultDto {
  /** Activities stored by this upload. */
  imported: number;
  /** Activities read but already there (or twice in the upload): kept once. */
  duplicates: number;
  /** One entry per file that could not be read (fully or in part). */
  errors: ImportErrorDto[];
  /** The activities stored, newest first (`file` names the uploaded file, or `upload.zip/inner/path`). */
  activities: ActivitySummaryDto[];
}

/** An imported activity in the list (`GET /api/activities`), matching `apps/server/src/activities/dto.ts`. */
export interface ActivitySummaryDto {
  id: string;
  source: string;
  sport: string;
  subSport: string | null;
  name: string | null;
  /** UTC; null when the file had no trustworthy start time. */
  startTime: string | null;
  durationS: number | null;
  movingTimeS: number | null;
  distanceM: number;
  elevationGainM: number | null;
  avgCadenceSpm: number | null;
  shoe: string | null;
  /** The name of the file it came from. */
  file: string | null;
  /** What the importer had to guess, repair or leave out. */
  warnings: string[];
  importedAt: string;
}

/** A page of imported activities, newest first. */
export interface ActivitiesPageDto {
  activities: ActivitySummaryDto[];
  total: number;
  limit: number;
  offset: number;
}

/** The training analytics (`GET /api/training`): the core's report. */
export type TrainingDto = TrainingReport;

export type { PainComparison };

/** Pain against training (`GET /api/training/pain`), matching `apps/server/src/training/service.ts`. */
export interface TrainingPainDto {
  /** `no_check_ins`: nothing to compare yet; `compared`: each comparison says whether there is enough data. */
  status: 'no_check_ins' | 'compared';
  checkIns: number;
  /** First and last check-in date. */
  from: string | null;
  to: string | null;
  runs: number;
  comparisons: PainComparison[];
  note: string;
}
