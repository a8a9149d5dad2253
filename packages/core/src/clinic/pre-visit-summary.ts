/**
 * The clinician's pre-visit summary: one screen of what Backtrack learned
 * about a runner, built only from what the runner shared. Pure: the caller
 * loads the assessment, the plan with its check-ins and the training report,
 * and says which items the runner consented to; every section is `shown`,
 * `not_shared` (no consent for its item) or `no_data` (consented, nothing
 * there yet).
 */
import { formatAnswer, type AnswerValue } from '../assessment/answers.js';
import type { AssessmentResult } from '../assessment/assess.js';
import type { RiskResult } from '../assessment/score-risk.js';
import type { TriageReason, ScreenQuestion } from '../assessment/triage.js';
import type { TrainingReport } from '../insights/training-report.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { TriageTier } from '../knowledge/schema.js';
import type { ReplayedPlan } from '../plan/replay-plan.js';
import type { CheckIn } from '../plan/types.js';
import { weekOfDay } from '../plan/calendar.js';
import {
  compareEdits,
  planEditOptions,
  type PlanEdit,
  type PlanEditOption,
} from '../plan/edits.js';
import { outcomeSeries, type OutcomeMeasure, type OutcomeSeries } from '../outcomes/outcomes.js';
import type { ShareItem, ShareScopes } from './share-items.js';

/** A summary section: shown, not shared by the runner, or shared but empty. */
export type SummarySection<T> =
  | { status: 'shown'; data: T }
  | { status: 'not_shared'; item: ShareItem }
  | { status: 'no_data'; item: ShareItem };

/** A question and the runner's answer in words. */
export interface AnsweredQuestion {
  questionId: string;
  question: string;
  answer: string;
}

/** A ranked weak link with the answers that moved it. */
export interface WeakLink {
  id: string;
  name: string;
  probability: number;
  band: string;
  because: { question: string; answer: string; factor: number }[];
}

/** Plan adherence and the pain trend from the daily check-ins. */
export interface CheckInTrend {
  checkIns: number;
  sessionsDone: number;
  sessionsPlanned: number;
  /** Sessions done of those planned, 0–1; null when none were planned. */
  adherence: number | null;
  /** Next-morning pain by plan day, oldest first. */
  nextMorningPain: { day: number; pain: number }[];
  /** Mean next-morning pain of the first and of the last 7 check-ins (null when fewer than 2). */
  firstWeekMean: number | null;
  lastWeekMean: number | null;
  /** Kilometres the runner said they ran, summed over the check-ins that say (null: none said). */
  distanceKm: number | null;
  /** Plan days on which the pain reached below the knee. */
  legPainBelowKnee: number[];
  /** Plan days on which the pain reached the buttock or thigh, not past the knee. */
  legPainAboveKnee: number[];
  /** The runner's notes, newest first (at most the last ten). */
  notes: { day: number; note: string }[];
}

/** The pre-visit summary. */
export interface PreVisitSummary {
  shared: ShareScopes;
  triage: SummarySection<{
    tier: TriageTier | null;
    reasons: Pick<TriageReason, 'id' | 'tier' | 'reason' | 'action'>[];
    whatToDoNow: string;
    /** Warning-sign questions the runner answered "not sure": ask them at the visit. */
    notSure: ScreenQuestion[];
  }>;
  painMap: SummarySection<{ regions: string[]; answer: string }>;
  onsetAndCourse: SummarySection<AnsweredQuestion[]>;
  weakLinks: SummarySection<WeakLink[]>;
  risk: SummarySection<RiskResult>;
  plan: SummarySection<{
    tier: TriageTier;
    weeks: number;
    exerciseIds: string[];
    runningMode: string;
    /** The weekly decisions the check-ins made, in week order. */
    decisions: { week: number; decision: string; reason: string }[];
    safetyStop: string | null;
    /** The week a clinician's edit starts from by default: the plan's current week (1 before the start, the last after the end). */
    editFromWeek: number;
    /** What a clinician may change from `editFromWeek` on, within the knowledge base's bounds (`planEditOptions`). */
    editOptions: PlanEditOption[];
    /** The clinicians' edits of the plan, oldest first, with the exercise's name. */
    edits: (PlanEdit & { exerciseName: string })[];
  }>;
  checkIns: SummarySection<CheckInTrend>;
  /** Pain (NPRS) and function (PSFS) over time, each change judged against its minimal important change; shared with the check-ins. */
  outcomes: SummarySection<OutcomeSeries[]>;
  training: SummarySection<{
    weeks: TrainingReport['weekly']['weeks'];
    spikes: TrainingReport['spikes'];
    hills: TrainingReport['hills'];
    shoes: TrainingReport['shoes']['shoes'];
    cadence: TrainingReport['cadence']['change'];
    gctBalance: TrainingReport['gctBalance'];
  }>;
}

/** What the summary is built from; `null` where the runner has none. */
export interface PreVisitInputs {
  shared: ShareScopes;
  assessment: {
    answers: Readonly<Record<string, AnswerValue>>;
    result: AssessmentResult | null;
  } | null;
  plan: {
    /** The plan replayed with its check-ins and edits. */
    replayed: ReplayedPlan;
    checkIns: readonly CheckIn[];
    /** The clinicians' edits (any order; none when left out). */
    edits?: readonly PlanEdit[];
    /** Today's day of the plan (1-based; below 1 before the start); week 1 when left out. */
    todayDay?: number;
  } | null;
  training: TrainingReport | null;
  /** The runner's outcome measures (any order). */
  outcomes: readonly OutcomeMeasure[];
}

/** Questions on onset and course, in the order a clinician reads them. */
export const ONSET_AND_COURSE_QUESTIONS = ['onset', 'duration', 'trend', 'pain_now'] as const;
/** How many weak links the summary lists. */
export const SUMMARY_WEAK_LINKS = 5;
/** Weeks of training load the summary shows. */
export const SUMMARY_TRAINING_WEEKS = 6;

function section<T>(item: ShareItem, shared: ShareScopes, data: T | null): SummarySection<T> {
  if (!shared[item]) return { status: 'not_shared', item };
  return data === null ? { status: 'no_data', item } : { status: 'shown', data };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Adherence and pain trend from check-ins (any order). */
export function checkInTrend(checkIns: readonly CheckIn[]): CheckInTrend {
  const sorted = [...checkIns].sort((a, b) => a.day - b.day);
  const sessionsDone = sorted.reduce((n, c) => n + c.sessionsDone, 0);
  const sessionsPlanned = sorted.reduce((n, c) => n + c.sessionsPlanned, 0);
  const pains = sorted.map((c) => c.painNextMorning);
  const enough = pains.length >= 2;
  return {
    checkIns: sorted.length,
    sessionsDone,
    sessionsPlanned,
    adherence: sessionsPlanned === 0 ? null : sessionsDone / sessionsPlanned,
    nextMorningPain: sorted.map((c) => ({ day: c.day, pain: c.painNextMorning })),
    firstWeekMean: enough ? mean(pains.slice(0, 7)) : null,
    lastWeekMean: enough ? mean(pains.slice(-7)) : null,
    distanceKm: sorted.some((c) => c.distanceKm !== undefined)
      ? sorted.reduce((km, c) => km + (c.distanceKm ?? 0), 0)
      : null,
    legPainBelowKnee: sorted.filter((c) => c.legPain === 'below_knee').map((c) => c.day),
    legPainAboveKnee: sorted.filter((c) => c.legPain === 'above_knee').map((c) => c.day),
    notes: sorted
      .flatMap((c) => (c.note === undefined ? [] : [{ day: c.day, note: c.note }]))
      .reverse()
      .slice(0, 10),
  };
}

/** The plan section's editing part: the week edits start from, what may change then, and the edits made. */
function planEditing(
  kb: KnowledgeBase,
  plan: NonNullable<PreVisitInputs['plan']>,
): Pick<
  Extract<PreVisitSummary['plan'], { status: 'shown' }>['data'],
  'editFromWeek' | 'editOptions' | 'edits'
> {
  const weeks = plan.replayed.plan.weeks.length;
  const today = weekOfDay(Math.max(1, plan.todayDay ?? 1));
  const editFromWeek = Math.max(1, Math.min(weeks, today));
  return {
    editFromWeek,
    editOptions: planEditOptions(kb, plan.replayed.plan, editFromWeek),
    edits: [...(plan.edits ?? [])].sort(compareEdits).map((e) => ({
      ...e,
      exerciseName: kb.exercises.find((x) => x.id === e.exerciseId)?.name ?? e.exerciseId,
    })),
  };
}

/** Builds the pre-visit summary from what the runner shared. */
export function buildPreVisitSummary(kb: KnowledgeBase, input: PreVisitInputs): PreVisitSummary {
  const { shared } = input;
  const answers = input.assessment?.answers ?? {};
  const result = input.assessment?.result ?? null;
  const answered = (id: string): AnsweredQuestion | null => {
    const question = kb.questions.find((q) => q.id === id);
    const value = answers[id];
    return question && value !== undefined
      ? { questionId: id, question: question.text, answer: formatAnswer(question, value) }
      : null;
  };
  const painMapQuestion = answered('pain_map');
  const painMapValue = answers.pain_map;
  // An array answer (a multiple choice); strings and numbers are no pain map.
  const painMap =
    typeof painMapValue === 'object' ? painMapValue.filter((r) => typeof r === 'string') : null;
  const course = ONSET_AND_COURSE_QUESTIONS.map(answered).filter(
    (a): a is AnsweredQuestion => a !== null,
  );
  const training = input.training;
  const hasRuns = training !== null && training.activities.runs > 0;

  return {
    shared,
    triage: section(
      'assessment',
      shared,
      result && {
        tier: result.triage.tier,
        reasons: result.triage.reasons.map(({ id, tier, reason, action }) => ({
          id,
          tier,
          reason,
          action,
        })),
        whatToDoNow: result.triage.whatToDoNow,
        notSure: result.triage.unsure,
      },
    ),
    painMap: section(
      'assessment',
      shared,
      painMap && painMapQuestion ? { regions: [...painMap], answer: painMapQuestion.answer } : null,
    ),
    onsetAndCourse: section('assessment', shared, course.length > 0 ? course : null),
    weakLinks: section(
      'assessment',
      shared,
      result &&
        result.contributors.slice(0, SUMMARY_WEAK_LINKS).map((c) => ({
          id: c.id,
          name: c.name,
          probability: c.probability,
          band: c.band,
          because: c.explanation.map((s) => ({
            question: s.question,
            answer: s.answer,
            factor: s.factor,
          })),
        })),
    ),
    risk: section('assessment', shared, result && result.risk),
    plan: section(
      'plan',
      shared,
      input.plan && {
        tier: input.plan.replayed.plan.tier,
        weeks: input.plan.replayed.plan.weeks.length,
        exerciseIds: input.plan.replayed.plan.basis.exerciseIds,
        runningMode: input.plan.replayed.plan.runningMode,
        decisions: input.plan.replayed.adaptations.map(({ week, decision, reason }) => ({
          week,
          decision,
          reason,
        })),
        safetyStop: input.plan.replayed.plan.safetyStop?.reason ?? null,
        ...planEditing(kb, input.plan),
      },
    ),
    checkIns: section(
      'checkins',
      shared,
      input.plan && input.plan.checkIns.length > 0 ? checkInTrend(input.plan.checkIns) : null,
    ),
    outcomes: section(
      'checkins',
      shared,
      input.outcomes.length > 0 ? outcomeSeries(input.outcomes) : null,
    ),
    training: section(
      'training',
      shared,
      hasRuns
        ? {
            weeks: training.weekly.weeks.slice(-SUMMARY_TRAINING_WEEKS),
            spikes: training.spikes,
            hills: training.hills,
            shoes: training.shoes.shoes,
            cadence: training.cadence.change,
            gctBalance: training.gctBalance,
          }
        : null,
    ),
  };
}
