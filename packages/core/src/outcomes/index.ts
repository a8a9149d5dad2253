/** Outcome measures (NPRS and PSFS) over time, judged against their minimal important change. */
export {
  OUTCOME_INSTRUMENTS,
  OUTCOME_INSTRUMENT_NAMES,
  OUTCOME_RECORDER_ROLES,
  MAX_ACTIVITY_LENGTH,
  scoreOutcome,
  judgeOutcomeChange,
  outcomeSeries,
  type OutcomeInstrument,
  type OutcomeRecorderRole,
  type OutcomeInput,
  type OutcomeMeasure,
  type OutcomeChange,
  type OutcomeSeries,
  type PsfsItem,
} from './outcomes.js';
export { OUTCOME_SCALES, OUTCOME_SHORT_LABELS } from './scales.js';
