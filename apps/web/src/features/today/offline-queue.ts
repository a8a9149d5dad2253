/**
 * Check-ins made offline wait here (IndexedDB, so a reload or a closed tab
 * loses nothing) and are sent when the network returns, each exactly once:
 * every queued check-in has a client id, and the server keeps one check-in
 * per plan and date, so a repeat (a second tab, a flush cut short after the
 * server answered) comes back as a conflict, which means it is already
 * stored. Nothing is dropped except what the server has.
 */
import { ApiError } from '../../shared/api/client.js';
import type { NewCheckIn } from '../../shared/api/types.js';

/** A check-in waiting to be sent. */
export interface QueuedCheckIn {
  clientId: string;
  planId: string;
  body: NewCheckIn;
  queuedAt: string;
}

/** What to do with a queued check-in after one attempt to send it. */
export type SendOutcome = 'stored' | 'retry_later' | 'keep';

/**
 * The outcome of sending a queued check-in: stored when the server took it
 * or already has one for that plan and date (a conflict); retry later when no
 * answer came; kept (never dropped) when the server refused it for another
 * reason, so nothing the runner entered is lost.
 */
export function outcomeOf(error: unknown): SendOutcome {
  if (error === undefined) return 'stored';
  if (error instanceof ApiError && error.code === 'conflict') return 'stored';
  if (error instanceof ApiError && error.code !== 'network') return 'keep';
  return 'retry_later';
}

function isQueued(value: unknown): value is QueuedCheckIn {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.clientId === 'string' &&
    typeof v.planId === 'string' &&
    typeof v.queuedAt === 'string' &&
    typeof v.body === 'object' &&
    v.body !== null
  );
}

const DB_NAME = 'backtrack-offline';
const STORE = 'checkins';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(STORE, { keyPath: 'clientId' });
    };
    open.onsuccess = () => {
      resolve(open.result);
    };
    open.onerror = () => {
      reject(open.error ?? new Error('IndexedDB is not available'));
    };
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = run(tx.objectStore(STORE));
      tx.oncomplete = () => {
        resolve(request.result);
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('IndexedDB transaction failed'));
      };
    });
  } finally {
    db.close();
  }
}

/** Queues a check-in for `planId`; returns it with its client id. */
export async function enqueueCheckIn(planId: string, body: NewCheckIn): Promise<QueuedCheckIn> {
  const queued: QueuedCheckIn = {
    clientId: crypto.randomUUID(),
    planId,
    body,
    queuedAt: new Date().toISOString(),
  };
  await withStore('readwrite', (s) => s.put(queued));
  return queued;
}

/** Every queued check-in, oldest first. */
export async function queuedCheckIns(): Promise<QueuedCheckIn[]> {
  const all = await withStore<unknown[]>('readonly', (s) => s.getAll());
  return all.filter(isQueued).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

let flushing: Promise<number> | null = null;

/**
 * Sends the queued check-ins with `send` (which throws the API's errors),
 * oldest first; removes each the server has, stops at the first network
 * failure. One flush at a time: a second call while one runs joins it.
 * Returns how many the server took.
 */
export function flushCheckIns(send: (q: QueuedCheckIn) => Promise<unknown>): Promise<number> {
  flushing ??= (async () => {
    let stored = 0;
    try {
      for (const q of await queuedCheckIns()) {
        let error: unknown;
        try {
          await send(q);
        } catch (e) {
          error = e ?? new Error('send failed');
        }
        const outcome = outcomeOf(error);
        if (outcome === 'retry_later') break;
        if (outcome === 'stored') {
          await withStore('readwrite', (s) => s.delete(q.clientId));
          stored++;
        }
      }
    } finally {
      flushing = null;
    }
    return stored;
  })();
  return flushing;
}
