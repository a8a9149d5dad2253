/**
 * Imported runs as answers for `assess --answers` and `plan`: the findings
 * of the activity store (as of now) fill the questions the answers file
 * leaves unanswered; the runner's own answers always win. Each filled answer
 * carries its provenance, so every explanation step it produced says "From
 * your imported runs: …". `--no-training-data` turns this off.
 */
import {
  DomainError,
  answersFromFindings,
  deriveFindings,
  fillAnswersFromTraining,
  normaliseAnswer,
  type AnswerValue,
  type Finding,
  type KnowledgeBase,
  type TrainingAnswer,
} from '@backtrack/core';
import {
  activityStorePath,
  readActivityStore,
  type ActivityStore,
} from '../../store/activity-store.js';
import type { CliIo } from '../../io/cli-io.js';
import { localOffsetMin } from '../../io/dates.js';

/** Which imported data went into an assessment (the JSON reports show it as `fromImportedRuns`). */
export interface TrainingDataUse {
  store: string;
  /** Activities in the store. */
  activities: number;
  asOf: string;
  /** Questions answered from the runs, with the value and where it came from. */
  filled: Record<string, TrainingAnswer>;
  /** Questions the runs would have answered, kept as the runner answered them. */
  runnerAnswered: string[];
}

/** Answers for the engine, with provenance for the filled ones. */
export interface AnswersForAssessment {
  answers: Record<string, AnswerValue>;
  provenance: Record<string, string>;
  /** Absent when training data was off or the store is empty. */
  trainingData?: TrainingDataUse;
}

/**
 * The runner's answers, plus answers from the imported runs when `use` is
 * true and the store has activities. A corrupt store is an error (exit 2),
 * with `--no-training-data` as the way around it.
 */
export async function answersWithTrainingData(
  kb: KnowledgeBase,
  own: Readonly<Record<string, AnswerValue>>,
  io: CliIo,
  options: { use: boolean },
): Promise<AnswersForAssessment> {
  const loaded = options.use ? await loadFindings(io) : undefined;
  if (!loaded) return { answers: { ...own }, provenance: {} };
  const { store, findings, now } = loaded;
  const filled = fillAnswersFromTraining(kb, own, findings);
  return {
    answers: filled.answers,
    provenance: filled.provenance,
    trainingData: {
      store: store.path,
      activities: store.activities.length,
      asOf: now.toISOString(),
      filled: filled.filled,
      runnerAnswered: filled.runnerAnswered,
    },
  };
}

/**
 * The findings of the activity store as of now; undefined when the store is
 * missing or empty. A corrupt store is a `DomainError` (exit 2) that names
 * `--no-training-data` as the way around it.
 */
async function loadFindings(
  io: CliIo,
): Promise<{ store: ActivityStore; findings: Finding[]; now: Date } | undefined> {
  let store;
  try {
    store = await readActivityStore(activityStorePath(io.env));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(error.code, error.message, [
      ...error.details,
      'to go on without your imported runs, add --no-training-data',
    ]);
  }
  if (store.activities.length === 0) return undefined;
  const now = io.now?.() ?? new Date();
  const findings = deriveFindings(store.activities, {
    asOf: now.toISOString(),
    utcOffsetMin: localOffsetMin(now),
  });
  return { store, findings, now };
}

/** Defaults for the interactive interview from the imported runs. */
export interface TrainingDefaults {
  /** By question id: the value the runs imply and the statement of where it came from. */
  defaults: Record<string, TrainingAnswer>;
  /** The store they came from, for the report (its `filled` and `runnerAnswered` empty). */
  use: TrainingDataUse;
}

/**
 * Answers the imported runs imply, to offer as defaults in the interactive
 * interview: never for warning-sign questions, only values valid for the
 * question. Undefined when `use` is false or the store is missing or empty;
 * a corrupt store is an error (exit 2), as for `assess --answers`.
 */
export async function trainingDefaults(
  kb: KnowledgeBase,
  io: CliIo,
  options: { use: boolean },
): Promise<TrainingDefaults | undefined> {
  const loaded = options.use ? await loadFindings(io) : undefined;
  if (!loaded) return undefined;
  const data = answersFromFindings(loaded.findings);
  const defaults: Record<string, TrainingAnswer> = {};
  for (const question of kb.questions) {
    const raw = data.answers[question.id];
    const prov = data.provenance[question.id];
    if (question.redFlag || raw === undefined || prov === undefined) continue;
    const { value } = normaliseAnswer(question, raw);
    if (value === undefined) continue;
    defaults[question.id] = {
      value,
      findingIds: [...prov.findingIds],
      statement: data.statements[question.id] ?? prov.texts.join(' '),
    };
  }
  if (Object.keys(defaults).length === 0) return undefined;
  return {
    defaults,
    use: {
      store: loaded.store.path,
      activities: loaded.store.activities.length,
      asOf: loaded.now.toISOString(),
      filled: {},
      runnerAnswered: [],
    },
  };
}
