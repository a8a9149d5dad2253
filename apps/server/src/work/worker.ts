/**
 * The worker thread's entry: runs each task the pool posts and posts back
 * its result or its error. Bundled as `dist/worker.js` by `build.mjs`.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './pool.js';
import { runTask, type Task } from './tasks.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread (see pool.ts)');

port.on('message', (message: { id: number; task: Task }) => {
  runTask(message.task).then(
    (result) => {
      port.postMessage({ id: message.id, ok: true, result } satisfies WorkerReply);
    },
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      port.postMessage({ id: message.id, ok: false, message: text } satisfies WorkerReply);
    },
  );
});
