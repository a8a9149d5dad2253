/** Outcome measure request and response shapes (NPRS, PSFS). */
import { OUTCOME_INSTRUMENTS, OUTCOME_RECORDER_ROLES, type OutcomeSeries } from '@backtrack/core';
import type { OutcomeRow } from '@backtrack/db';
import { z } from '@hono/zod-openapi';

/** A measure to record: NPRS with a score, or PSFS with its activities (ranges checked by the core). */
export const ZOutcomeInput = z
  .discriminatedUnion('instrument', [
    z.object({
      instrument: z.literal('nprs'),
      score: z.number().openapi({ description: 'Pain now, a whole number 0–10', example: 4 }),
    }),
    z.object({
      instrument: z.literal('psfs'),
      items: z
        .array(
          z.object({
            activity: z.string().openapi({ example: 'Running 10 km' }),
            score: z.number().openapi({ description: '0 = unable, 10 = as before the problem' }),
          }),
        )
        .openapi({ description: '1 to 5 activities the runner finds hard, each rated 0–10' }),
    }),
  ])
  .openapi('OutcomeInput');

/** A recorded measure. */
export const ZOutcomeMeasure = z
  .object({
    id: z.uuid(),
    instrument: z.enum(OUTCOME_INSTRUMENTS),
    /** NPRS: the rating; PSFS: the mean of the activities. */
    score: z.number(),
    items: z.array(z.object({ activity: z.string(), score: z.number() })).nullable(),
    recordedAt: z.string(),
    /** Who recorded it; kept when the clinician's account is deleted. */
    recordedBy: z.enum(OUTCOME_RECORDER_ROLES),
    recordedByName: z.string().nullable().openapi({
      description:
        "The clinician's display name when they recorded it; null for the runner, or for a clinician whose name was not known",
      example: 'Anna Jensen, physiotherapist',
    }),
  })
  .openapi('OutcomeMeasure');

/** The runner's measures and, per instrument, the change judged against its minimal important change. */
export const ZOutcomes = z
  .object({
    measures: z.array(ZOutcomeMeasure),
    series: z.array(
      z.custom<OutcomeSeries>().openapi({
        type: 'object',
        description:
          '`OutcomeSeries` in @backtrack/core: one instrument’s measures oldest first and the change from the first to the latest, judged against the cited minimal important change',
      }),
    ),
  })
  .openapi('Outcomes');

/** A recorded measure as the API shows it. */
export type OutcomeMeasureDto = z.infer<typeof ZOutcomeMeasure>;

/** A row → DTO. */
export function toOutcomeDto(row: OutcomeRow): OutcomeMeasureDto {
  return {
    id: row.id,
    instrument: row.instrument === 'psfs' ? 'psfs' : 'nprs',
    score: row.score,
    items: row.items ?? null,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedByRole,
    recordedByName: row.recordedByRole === 'clinician' ? row.recordedByName : null,
  };
}
