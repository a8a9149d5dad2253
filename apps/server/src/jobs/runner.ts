/**
 * The durable job runner: claims due jobs from the database (`FOR UPDATE
 * SKIP LOCKED`, with a lease so that a crashed runner's jobs come back),
 * runs each kind's handler, and records the outcome, retrying failures with
 * exponential backoff up to the job's `max_attempts`. Nothing lives in
 * memory: a job enqueued before a restart runs after it. Tests call
 * `runDueJobs(now)` with the fixed clock; `main.ts` calls `start`.
 */
import type { JobRow, Repositories } from '@backtrack/db';
import type { Clock } from '../http/clock.js';
import type { Logger } from '../http/logger.js';

/** Runs one job; throws to have it retried. */
export type JobHandler = (job: JobRow, now: Date) => Promise<void>;

/** What one pass did. */
export interface JobPass {
  done: number;
  retried: number;
  failed: number;
}

/** The runner. */
export interface JobRunner {
  /** Runs every job due at `now` (in batches) and returns what happened. */
  runDueJobs(now: Date): Promise<JobPass>;
  /** Polls every `intervalMs` (the timer does not keep the process alive); returns `stop`, which waits for a pass in flight. */
  start(options: { intervalMs: number; clock: Clock }): () => Promise<void>;
}

/** The delay before retry number `attempts` (1-based): 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

/** Builds a runner over the job table with a handler per kind. */
export function createJobRunner(options: {
  repos: Repositories;
  handlers: Readonly<Record<string, JobHandler>>;
  logger: Logger;
  batchSize?: number;
  leaseMs?: number;
  /** Stop after this many batches in one pass (a pass never runs for ever). */
  maxBatches?: number;
}): JobRunner {
  const { repos, handlers, logger } = options;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxBatches = options.maxBatches ?? 50;

  async function runOne(job: JobRow, now: Date, pass: JobPass): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job, now);
      await repos.jobs.complete(job.id, now);
      pass.done += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = !handler || job.attempts >= job.maxAttempts;
      await repos.jobs.fail(
        job.id,
        message,
        giveUp ? null : new Date(now.getTime() + backoffMs(job.attempts)),
        now,
      );
      if (giveUp) {
        pass.failed += 1;
        logger.error(
          `Job ${job.kind} ${job.id} failed for good after ${job.attempts} attempts:`,
          error,
        );
      } else {
        pass.retried += 1;
        logger.info(
          `Job ${job.kind} ${job.id} failed (attempt ${job.attempts}); will retry: ${message}`,
        );
      }
    }
  }

  async function runDueJobs(now: Date): Promise<JobPass> {
    const pass: JobPass = { done: 0, retried: 0, failed: 0 };
    for (let batch = 0; batch < maxBatches; batch++) {
      const claimed = await repos.jobs.claimDue(now, batchSize, leaseMs);
      for (const job of claimed) await runOne(job, now, pass);
      if (claimed.length === 0) break;
    }
    return pass;
  }

  return {
    runDueJobs,
    start({ intervalMs, clock }) {
      let running: Promise<unknown> | undefined;
      const timer = setInterval(() => {
        if (running) return;
        running = runDueJobs(clock.now())
          .catch((error: unknown) => {
            logger.error('Running due jobs failed:', error);
          })
          .finally(() => {
            running = undefined;
          });
      }, intervalMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await running;
      };
    },
  };
}
