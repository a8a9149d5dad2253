/**
 * The interview over HTTP: the state (answers and the questions asked) is
 * stored after every step, and the core decides what comes next. The
 * red-flag screen cannot be skipped, and an answer that makes the triage an
 * emergency ends the interview at once with the result (docs/architecture.md,
 * "adaptive questioning").
 */
import {
  assess,
  deriveFindings,
  DomainError,
  fillAnswersFromTraining,
  generatePlan,
  nextQuestion,
  normaliseAnswer,
  type AnswerValue,
  type AssessmentResult,
  type KnowledgeBase,
  type NextStep,
  type PlanOutcome,
  type RunnerProfileInput,
  type TrainingAnswer,
} from '@backtrack/core';
import type { AssessmentChanges, AssessmentRow, Owner, Repositories } from '@backtrack/db';
import type { AppDeps } from '../http/context.js';
import { readThrough, type Prepared, type ResponseCache } from '../http/response-cache.js';
import { loadRunnerTraining, seriesSinceFor } from '../training/runner-training.js';
import { toInterviewDto, type InterviewDto } from './dto.js';

/** Options of the computed plan. */
export interface PlanPreviewOptions {
  weeks: number;
  profile: RunnerProfileInput;
}

/** A result, and the answers the runner's imported runs filled in for it (null when none). */
interface Outcome {
  result: AssessmentResult;
  trainingAnswers: Record<string, TrainingAnswer> | null;
}

/**
 * The result of a finished interview. For an account with imported runs,
 * the findings of the runs as of `now` fill the questions the runner left
 * unanswered (the runner's own answers always win), and the explanation
 * steps they produce carry `from` ("From your imported runs: …").
 */
async function resultOf(
  deps: { kb: KnowledgeBase; repos: Pick<Repositories, 'activities' | 'shoes'> },
  row: AssessmentRow,
  answers: Record<string, AnswerValue>,
  now: Date,
): Promise<Outcome> {
  const { kb, repos } = deps;
  if (row.userId === null) return { result: assess(kb, answers), trainingAnswers: null };
  const training = await loadRunnerTraining(repos, row.userId, {
    seriesSince: seriesSinceFor(now),
  });
  if (training.activities.length === 0) {
    return { result: assess(kb, answers), trainingAnswers: null };
  }
  const findings = deriveFindings(training.activities, {
    asOf: now.toISOString(),
    shoes: training.shoes,
  });
  const filled = fillAnswersFromTraining(kb, answers, findings);
  return {
    result: assess(kb, filled.answers, [], { provenance: filled.provenance }),
    trainingAnswers: Object.keys(filled.filled).length > 0 ? filled.filled : null,
  };
}

/** The runner's answers with those filled from imported runs at result time (for the plan). */
export function answersForPlan(row: AssessmentRow): Record<string, AnswerValue> {
  const filled = Object.fromEntries(
    Object.entries(row.trainingAnswers ?? {}).map(([id, a]) => [id, a.value]),
  );
  return { ...filled, ...row.answers };
}

/** How many open steps the assessment service remembers (see `openSteps`). */
const MAX_OPEN_STEPS = 5000;

/** The query of a computed plan as one cache variant (keys in a fixed order). */
function planVariant(options: PlanPreviewOptions): string {
  const { profile } = options;
  const fields = Object.keys(profile)
    .sort()
    .map((k) => [k, profile[k as keyof RunnerProfileInput]]);
  return `plan:${JSON.stringify([options.weeks, fields])}`;
}

/**
 * The assessment use cases. `answers` keeps reports and computed plans ready
 * to send (the embedded database only: see http/response-cache.ts).
 */
export function assessmentService(
  deps: Pick<AppDeps, 'repos' | 'kb' | 'clock'>,
  answers?: ResponseCache,
) {
  const { repos, kb, clock } = deps;
  const ownerOf = (row: AssessmentRow) => ({ userId: row.userId, sessionId: row.sessionId });

  /**
   * The open step of interviews this process just saved, by id and version:
   * a version's answers never change (every step writes the next one), so
   * the next answer need not choose its question again. Bounded; any database.
   */
  const openSteps = new Map<string, NextStep>();
  const stepKey = (row: Pick<AssessmentRow, 'id' | 'version'>) =>
    `${row.id}@${String(row.version)}`;
  const remember = (row: AssessmentRow, step: NextStep) => {
    if (row.status !== 'in_progress' || step.done) return;
    if (openSteps.size >= MAX_OPEN_STEPS) {
      const oldest = openSteps.keys().next();
      if (!oldest.done) openSteps.delete(oldest.value);
    }
    openSteps.set(stepKey(row), step);
  };
  /** The open step of an in-progress row: remembered, or chosen by the core (and remembered). */
  const openStep = (row: AssessmentRow): NextStep => {
    const known = openSteps.get(stepKey(row));
    if (known) return known;
    const step = nextQuestion(kb, { answers: row.answers, asked: row.asked }, { mode: row.mode });
    remember(row, step);
    return step;
  };

  /** Where an interview goes after its answers and asked list changed: on, or done with the result. */
  async function advance(
    row: AssessmentRow,
    answers: Record<string, AnswerValue>,
    asked: string[],
  ): Promise<{ changes: AssessmentChanges; step: NextStep }> {
    const step = nextQuestion(kb, { answers, asked }, { mode: row.mode });
    if (!step.done) {
      return {
        changes: {
          answers,
          asked,
          status: 'in_progress',
          endedBecause: null,
          result: null,
          trainingAnswers: null,
        },
        step,
      };
    }
    const { result, trainingAnswers } = await resultOf({ kb, repos }, row, answers, clock.now());
    return {
      changes: {
        answers,
        asked,
        status: 'done',
        endedBecause: step.reason,
        result,
        trainingAnswers,
      },
      step,
    };
  }

  /**
   * Keeps the row of an interview in progress (embedded database only), so
   * the next answer need not read it: `since` is the cache's generation
   * before the row was read or written, and a drop in between (a write by
   * another request) keeps nothing.
   */
  const keep = (row: AssessmentRow, since: number) => {
    if (row.status === 'in_progress') answers?.keepRow(row.id, { owner: ownerOf(row), row }, since);
  };

  async function load(id: string, owner: Owner): Promise<AssessmentRow> {
    const kept = answers?.row(id, owner) as AssessmentRow | undefined;
    if (kept) return kept;
    const since = answers?.generation() ?? 0;
    const row = await repos.assessments.findForOwner(id, owner);
    if (!row) throw new DomainError('not_found', `No assessment ${id}.`, [id]);
    keep(row, since);
    return row;
  }

  /**
   * The interview and its open question, which must be `questionId`. A kept
   * row whose open question is another is dropped and the row read from the
   * database: a write this process did not see would otherwise be refused
   * with a conflict on every try.
   */
  async function loadOpen(id: string, owner: Owner, questionId: string) {
    const kept = answers?.row(id, owner) as AssessmentRow | undefined;
    if (kept) {
      const step = current(kept);
      if (!step.done && step.question.id === questionId)
        return { row: kept, question: step.question };
      answers?.drop(id);
    }
    const row = await load(id, owner);
    return { row, question: expectQuestion(current(row), questionId) };
  }

  /** The current step of an in-progress interview, or a conflict when it is finished. */
  function current(row: AssessmentRow): NextStep {
    if (row.status === 'done') {
      throw new DomainError(
        'conflict',
        'This assessment is finished; start a new one to change answers.',
      );
    }
    return openStep(row);
  }

  function expectQuestion(step: NextStep, questionId: string) {
    if (step.done)
      throw new DomainError('conflict', 'The interview has no open question; finish it.');
    if (step.question.id !== questionId) {
      throw new DomainError(
        'conflict',
        `The open question is "${step.question.id}", not "${questionId}".`,
        [`questionId: expected "${step.question.id}"`],
      );
    }
    return step.question;
  }

  async function save(
    row: AssessmentRow,
    changes: AssessmentChanges,
    step?: NextStep,
  ): Promise<InterviewDto> {
    const updated = await repos.assessments.update(row, changes, clock.now());
    if (!updated) {
      // The row read was not the latest (or is gone): read it afresh next time.
      answers?.drop(row.id);
      throw new DomainError('conflict', 'The assessment changed in another request; reload it.');
    }
    // The repositories told the cache of this write before it returned, so this keeps
    // the row just written unless another request dropped it since.
    keep(updated, answers?.generation() ?? 0);
    openSteps.delete(stepKey(row));
    if (step) remember(updated, step);
    return toInterviewDto(kb, updated, step);
  }

  return {
    async start(owner: Owner, mode: AssessmentRow['mode']): Promise<InterviewDto> {
      const since = answers?.generation() ?? 0;
      const row = await repos.assessments.create({ owner, mode, now: clock.now() });
      keep(row, since);
      return toInterviewDto(kb, row, openStep(row));
    },

    async get(id: string, owner: Owner): Promise<InterviewDto> {
      const row = await load(id, owner);
      return toInterviewDto(kb, row, row.status === 'in_progress' ? openStep(row) : undefined);
    },

    /** The interview (with its report once done) ready to send, kept until the assessment changes. */
    async getPrepared(id: string, owner: Owner): Promise<Prepared<InterviewDto>> {
      return readThrough(answers, { id, variant: 'interview', caller: owner }, async () => {
        const row = await load(id, owner);
        const step = row.status === 'in_progress' ? openStep(row) : undefined;
        return { value: toInterviewDto(kb, row, step), owner: ownerOf(row) };
      });
    },

    async answer(
      id: string,
      owner: Owner,
      questionId: string,
      raw: unknown,
    ): Promise<InterviewDto> {
      const { row, question } = await loadOpen(id, owner, questionId);
      const { value, issues } = normaliseAnswer(question, raw);
      if (value === undefined) {
        const messages = issues.map((i) => i.message);
        throw new DomainError(
          'invalid_input',
          `value: ${messages[0] ?? 'invalid answer'}`,
          messages,
        );
      }
      const answers = { ...row.answers, [questionId]: value };
      const asked = row.asked.includes(questionId) ? row.asked : [...row.asked, questionId];
      const { changes, step } = await advance(row, answers, asked);
      return save(row, changes, step);
    },

    async skip(id: string, owner: Owner, questionId: string): Promise<InterviewDto> {
      const { row, question } = await loadOpen(id, owner, questionId);
      if (question.redFlag) {
        throw new DomainError(
          'invalid_input',
          `questionId: "${questionId}" is a warning-sign question and cannot be skipped; answer "unsure" if you do not know.`,
        );
      }
      const { changes, step } = await advance(row, row.answers, [...row.asked, questionId]);
      return save(row, changes, step);
    },

    async back(id: string, owner: Owner): Promise<InterviewDto> {
      const row = await load(id, owner);
      current(row);
      const last = row.asked.at(-1);
      if (last === undefined)
        throw new DomainError('conflict', 'Nothing to undo: no question has been answered yet.');
      const answers = Object.fromEntries(Object.entries(row.answers).filter(([k]) => k !== last));
      const { changes, step } = await advance(row, answers, row.asked.slice(0, -1));
      return save(row, changes, step);
    },

    async finish(id: string, owner: Owner): Promise<InterviewDto> {
      const row = await load(id, owner);
      if (row.status === 'done') return toInterviewDto(kb, row);
      const step = current(row);
      if (!step.done && step.stage === 'red_flags') {
        throw new DomainError(
          'conflict',
          'Answer the warning-sign questions first ("unsure" is an answer); they decide whether it is safe to go on.',
          [`open question: ${step.question.id}`],
        );
      }
      const { result, trainingAnswers } = await resultOf(
        { kb, repos },
        row,
        row.answers,
        clock.now(),
      );
      return save(row, {
        answers: row.answers,
        asked: row.asked,
        status: 'done',
        endedBecause: step.done ? step.reason : null,
        result,
        trainingAnswers,
      });
    },

    /**
     * The plan this assessment leads to, computed and not saved, ready to
     * send: kept per query until the assessment changes.
     */
    async planPreview(
      id: string,
      owner: Owner,
      options: PlanPreviewOptions,
    ): Promise<Prepared<PlanOutcome>> {
      return readThrough(
        answers,
        { id, variant: planVariant(options), caller: owner },
        async () => {
          const row = await load(id, owner);
          if (row.status !== 'done')
            throw new DomainError('conflict', 'Finish the assessment first.');
          const planAnswers = answersForPlan(row);
          const result = row.result ?? assess(kb, planAnswers);
          return {
            value: generatePlan(kb, result, planAnswers, options.profile, {
              weeks: options.weeks,
            }),
            owner: ownerOf(row),
          };
        },
      );
    },
  };
}
/** The assessment service. */
export type AssessmentService = ReturnType<typeof assessmentService>;
