/**
 * Imported runs as answers for `assess --answers` and `plan`: the findings
 * of the activity store (as of now) fill the questions the answers file
 * leaves unanswered; the runner's own answers always win. Each filled answer
 * carries its provenance, so every explanation step it produced says "From
 * your imported runs: …". `--no-training-data` turns this off.
 */
import {
  DomainError,
  deriveFindings,
  fillAnswersFromTraining,
  type AnswerValue,
  type KnowledgeBase,
  type TrainingAnswer,
} from '@backtrack/core';
import { activityStorePath, readActivityStore } from './activity-store.js';
import type { CliIo } from './cli-io.js';
import { localOffsetMin } from './render-training.js';

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
  if (!options.use) return { answers: { ...own }, provenance: {} };
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
  if (store.activities.length === 0) return { answers: { ...own }, provenance: {} };
  const now = io.now?.() ?? new Date();
  const findings = deriveFindings(store.activities, {
    asOf: now.toISOString(),
    utcOffsetMin: localOffsetMin(now),
  });
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
