/**
 * Outcome measures: the runner records pain (NPRS) and function (PSFS) over
 * time, and a clinician of a clinic the runner shares check-ins with may
 * record them too (written to the runner's access log). The core validates,
 * scores and judges the change.
 */
import {
  DomainError,
  outcomeSeries,
  scoreOutcome,
  type OutcomeInput,
  type OutcomeMeasure,
} from '@backtrack/core';
import type { OutcomeRow } from '@backtrack/db';
import type { AppDeps } from '../http/context.js';
import { clinicianAccess } from '../clinician/access.js';
import { toOutcomeDto, type OutcomeMeasureDto } from './dto.js';

/** The message of a clinician write without the check-ins consent. */
export const NO_OUTCOME_CONSENT_MESSAGE =
  'No access: recording outcome measures needs the runner to share their check-ins with your clinic.';

/** A stored row → the core's measure. */
export function toCoreOutcome(row: OutcomeRow): OutcomeMeasure {
  const dto = toOutcomeDto(row);
  return {
    instrument: dto.instrument,
    score: dto.score,
    items: dto.items,
    recordedAt: dto.recordedAt,
  };
}

/** The outcome use cases. */
export function outcomeService(deps: Pick<AppDeps, 'repos' | 'clock'>) {
  const { repos, clock } = deps;
  return {
    /** The runner's measures, oldest first, and the change per instrument. */
    async list(runnerId: string) {
      const rows = await repos.workspace.outcomesOf(runnerId);
      return { measures: rows.map(toOutcomeDto), series: outcomeSeries(rows.map(toCoreOutcome)) };
    },

    /** Records the runner's own measure; 400 naming the field when it is out of range. */
    async record(runnerId: string, input: OutcomeInput): Promise<OutcomeMeasureDto> {
      const { score, items } = scoreOutcome(input);
      const row = await repos.workspace.addOutcome({
        runnerId,
        instrument: input.instrument,
        score,
        items,
        recordedAt: clock.now(),
      });
      return toOutcomeDto(row);
    },

    /** Records a measure for a runner who shares check-ins with the clinician's clinic (403 otherwise); logged. */
    async recordAsClinician(
      userId: string,
      runnerId: string,
      input: OutcomeInput,
    ): Promise<OutcomeMeasureDto> {
      const access = await clinicianAccess(repos, userId, runnerId);
      if (!access.scopes.checkins) throw new DomainError('forbidden', NO_OUTCOME_CONSENT_MESSAGE);
      const { score, items } = scoreOutcome(input);
      const row = await repos.transaction((tx) =>
        tx.workspace.addClinicianOutcome(
          { runnerId, instrument: input.instrument, score, items, recordedAt: clock.now() },
          access.member,
        ),
      );
      return toOutcomeDto(row);
    },
  };
}
/** The outcome service. */
export type OutcomeService = ReturnType<typeof outcomeService>;
