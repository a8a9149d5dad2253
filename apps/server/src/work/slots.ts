/**
 * A bounded number of places for heavy work (imports, exports): taking one
 * when all are taken answers 429 with `Retry-After` at once, instead of
 * queueing without end and holding every request's memory.
 */
import { HttpOnlyError } from '../http/errors.js';

/** Places for one kind of heavy work. */
export interface Slots {
  /** Takes a place, or throws `rate_limited` (429, `Retry-After`) when all are taken. */
  take(): () => void;
  /** Places in use. */
  readonly used: number;
}

/** Options of {@link createSlots}. */
export interface SlotsOptions {
  /** How many at once. */
  max: number;
  /** What the work is, for the message: "imports", "exports". */
  what: string;
  /** Seconds the client is told to wait. */
  retryAfterS: number;
}

/** A set of {@link Slots}. */
export function createSlots(options: SlotsOptions): Slots {
  let used = 0;
  return {
    take() {
      if (used >= options.max) {
        throw new HttpOnlyError(
          'rate_limited',
          `The server is busy with other ${options.what}; try again in ${String(options.retryAfterS)} s.`,
          [],
          { 'retry-after': String(options.retryAfterS) },
        );
      }
      used += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        used -= 1;
      };
    },
    get used() {
      return used;
    },
  };
}
