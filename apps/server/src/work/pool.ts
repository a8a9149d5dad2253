/**
 * A small pool of worker threads for the heavy work of `tasks.ts`, so that
 * parsing an upload never blocks the thread that answers everyone's
 * requests. The pool has a fixed number of threads (started when first
 * needed) and a bounded queue: when every thread is busy and the queue is
 * full, `run` answers 429 with `Retry-After` at once. Each thread has a
 * memory limit; a task that exceeds it ends its thread (a new one takes its
 * place) and fails with 413, not the server.
 *
 * The worker runs from source under tsx and vitest (`worker.ts`, loaded
 * through tsx's loader) and from the bundle `node dist/main.js`
 * (`dist/worker.js`, an entry point of `build.mjs`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HttpOnlyError } from '../http/errors.js';
import type { Task, TaskResults } from './tasks.js';

/** Options of {@link createWorkPool}. */
export interface WorkPoolOptions {
  /** Worker threads (at least 1). */
  size: number;
  /** Tasks that may wait for a thread; one more is refused with 429. */
  maxQueue: number;
  /** Heap limit of each thread, MiB. Default 256. */
  memoryMb?: number;
  /** Seconds a refused client is told to wait. Default 5. */
  retryAfterS?: number;
  /** An idle thread stops after this long, ms (a new one starts when needed). Default 30 s. */
  idleMs?: number;
}

/** The pool's use: run a task on a thread, and stop the threads. */
export interface WorkPool {
  /**
   * Runs a task on a worker thread. `transfer` lists buffers moved to the
   * thread instead of copied (they are unusable here afterwards). Throws
   * `rate_limited` (429) when the queue is full.
   */
  run<K extends Task['kind']>(
    task: Extract<Task, { kind: K }>,
    transfer?: readonly ArrayBuffer[],
  ): Promise<TaskResults[K]>;
  /** Tasks running and waiting. */
  stats(): { running: number; queued: number; threads: number };
  /** Stops every thread; tasks still running fail. */
  close(): Promise<void>;
}

/** A message from the worker thread. */
export type WorkerReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

interface Job {
  id: number;
  task: Task;
  transfer: readonly ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  job: Job | undefined;
  idle: NodeJS.Timeout | undefined;
}

/** The URL of tsx's ESM loader API, to load `worker.ts` from source. */
function tsxLoaderUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error('tsx has no ./esm/api export');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}

/** Starts one worker thread: `worker.ts` through tsx from source, `worker.js` next to the bundle. */
function startWorker(memoryMb: number): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 };
  if (here.endsWith('.ts')) {
    const target = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(tsxLoaderUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(code, { eval: true, execArgv: ['--conditions=source'], resourceLimits });
  }
  // The bundle: dist/main.js holds this code and dist/worker.js the entry.
  return new Worker(new URL('./worker.js', here), { resourceLimits });
}

/** Worker threads by default: one, or two on a machine with three cores or more (one stays for requests). */
export function defaultWorkerThreads(cores: number = availableParallelism()): number {
  return Math.min(2, Math.max(1, cores - 1));
}

/** A pool of worker threads for {@link Task}s. */
export function createWorkPool(options: WorkPoolOptions): WorkPool {
  const size = Math.max(1, Math.floor(options.size));
  const memoryMb = options.memoryMb ?? 256;
  const retryAfterS = options.retryAfterS ?? 5;
  const threads: Thread[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (thread: Thread): void => {
    thread.job = undefined;
    thread.worker.unref();
    dispatch();
    if (thread.job === undefined) {
      thread.idle = setTimeout(() => void thread.worker.terminate(), options.idleMs ?? 30_000);
      thread.idle.unref();
    }
  };

  const spawn = (): Thread => {
    const thread: Thread = { worker: startWorker(memoryMb), job: undefined, idle: undefined };
    thread.worker.on('message', (reply: WorkerReply) => {
      const job = thread.job;
      if (!job || job.id !== reply.id) return;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new Error(`worker task failed: ${reply.message}`));
      finish(thread);
    });
    thread.worker.on('error', (error: Error) => {
      const job = thread.job;
      thread.job = undefined;
      const outOfMemory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      job?.reject(
        outOfMemory
          ? new HttpOnlyError(
              'payload_too_large',
              `The upload needs more than the ${String(memoryMb)} MiB one import may use: import fewer or smaller files at a time.`,
            )
          : error,
      );
    });
    thread.worker.on('exit', () => {
      const i = threads.indexOf(thread);
      if (i >= 0) threads.splice(i, 1);
      thread.job?.reject(new Error('the worker thread stopped'));
      thread.job = undefined;
      if (!closed) dispatch();
    });
    threads.push(thread);
    return thread;
  };

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      const thread =
        threads.find((t) => t.job === undefined) ?? (threads.length < size ? spawn() : undefined);
      if (!thread) return;
      const job = queue.shift();
      if (!job) return;
      thread.job = job;
      clearTimeout(thread.idle);
      thread.worker.ref();
      thread.worker.postMessage({ id: job.id, task: job.task }, [...job.transfer]);
    }
  }

  return {
    run<K extends Task['kind']>(
      task: Extract<Task, { kind: K }>,
      transfer: readonly ArrayBuffer[] = [],
    ): Promise<TaskResults[K]> {
      if (closed) return Promise.reject(new Error('the work pool is closed'));
      const busy = threads.length >= size && threads.every((t) => t.job !== undefined);
      if (busy && queue.length >= options.maxQueue) {
        throw new HttpOnlyError(
          'rate_limited',
          `The server is busy reading uploads or drawing documents; try again in ${String(retryAfterS)} s.`,
          [],
          { 'retry-after': String(retryAfterS) },
        );
      }
      return new Promise<TaskResults[K]>((resolve, reject) => {
        queue.push({
          id: nextId++,
          task,
          transfer,
          resolve,
          reject,
        });
        dispatch();
      });
    },
    stats: () => ({
      running: threads.filter((t) => t.job !== undefined).length,
      queued: queue.length,
      threads: threads.length,
    }),
    async close() {
      closed = true;
      for (const t of threads) clearTimeout(t.idle);
      for (const job of queue.splice(0)) job.reject(new Error('the work pool is closed'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
