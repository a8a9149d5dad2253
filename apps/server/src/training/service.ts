/**
 * The signed-in runner's training: the report of the imported runs (the
 * core's `buildTrainingReport`), pain against training from the check-ins
 * of their plans (`comparePainWithTraining`), and shoe reminders.
 */
import {
  buildTrainingReport,
  comparePainWithTraining,
  DomainError,
  SHOE_MILEAGE_CAVEAT,
  shoeMileage,
  type PainCheckIn,
  type PainComparison,
  type ShoeMileage,
  type TrainingReport,
} from '@backtrack/core';
import type { AppDeps } from '../http/context.js';
import { loadRunnerTraining, seriesSinceFor } from './runner-training.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Pain against training (`GET /api/training/pain`). */
export interface PainVsTrainingDto {
  /** `no_check_ins`: nothing to compare yet; `compared`: each comparison says whether there is enough data. */
  status: 'no_check_ins' | 'compared';
  checkIns: number;
  /** First and last check-in date. */
  from: string | null;
  to: string | null;
  /** Runs with a start time that the comparison could place on a day. */
  runs: number;
  comparisons: PainComparison[];
  note: string;
}

/** A shoe after its reminder was set. */
export interface ShoeDto {
  shoe: ShoeMileage;
  caveat: string;
}

/** Options of the report: the last local day to include and the runner's offset from UTC. */
export interface TrainingQuery {
  asOf?: string | undefined;
  utcOffsetMin: number;
}

/** The end of a local calendar day as an instant. */
function endOfLocalDay(date: string, utcOffsetMin: number): Date {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - utcOffsetMin * MINUTE_MS);
}

/** The training use cases. */
export function trainingService(deps: Pick<AppDeps, 'repos' | 'clock'>) {
  const { repos, clock } = deps;
  return {
    async report(userId: string, query: TrainingQuery): Promise<TrainingReport> {
      const asOf =
        query.asOf === undefined ? clock.now() : endOfLocalDay(query.asOf, query.utcOffsetMin);
      const training = await loadRunnerTraining(repos, userId, {
        seriesSince: seriesSinceFor(asOf),
      });
      return buildTrainingReport(training.activities, {
        asOf: asOf.toISOString(),
        utcOffsetMin: query.utcOffsetMin,
        shoes: training.shoes,
      });
    },

    async pain(userId: string, query: { utcOffsetMin: number }): Promise<PainVsTrainingDto> {
      // One score per date; where two plans have one, the later plan's.
      const byDate = new Map<string, PainCheckIn>();
      for (const c of await repos.plans.listCheckInsForUser(userId)) {
        byDate.set(c.date, {
          day: c.date,
          painAfter: c.painAfter,
          painNextMorning: c.painNextMorning,
        });
      }
      const checkIns = [...byDate.values()].sort((a, b) => a.day.localeCompare(b.day));
      const first = checkIns[0]?.day ?? null;
      const last = checkIns.at(-1)?.day ?? null;
      const seriesSince =
        first === null ? clock.now() : new Date(Date.parse(`${first}T00:00:00Z`) - DAY_MS);
      const training = await loadRunnerTraining(repos, userId, { seriesSince });
      const comparisons = comparePainWithTraining(checkIns, training.activities, {
        utcOffsetMin: query.utcOffsetMin,
      });
      return {
        status: checkIns.length === 0 ? 'no_check_ins' : 'compared',
        checkIns: checkIns.length,
        from: first,
        to: last,
        runs: training.activities.filter((a) => a.sport === 'running' && a.startTime !== undefined)
          .length,
        comparisons,
        note:
          checkIns.length === 0
            ? 'No check-ins yet: save a plan and check in each day; with at least 5 days of each kind, the pain on different kinds of day is compared.'
            : 'These are associations in your own diary, not proof of cause: other things may differ between these days. A comparison needs at least 5 days in each group.',
      };
    },

    async setShoeReminder(userId: string, name: string, km: number | null): Promise<ShoeDto> {
      const now = clock.now();
      await repos.shoes.setReminder(userId, name, km, now);
      await repos.audit.record({ userId, action: 'shoe.reminder', at: now });
      // Shoe distance needs no series: load none.
      const training = await loadRunnerTraining(repos, userId, {
        seriesSince: new Date(now.getTime() + DAY_MS),
      });
      const shoe = shoeMileage(training.activities, training.shoes).find((s) => s.name === name);
      if (!shoe) throw new DomainError('not_found', `No shoe ${name}.`);
      return { shoe, caveat: SHOE_MILEAGE_CAVEAT };
    },
  };
}
/** The training service. */
export type TrainingService = ReturnType<typeof trainingService>;
