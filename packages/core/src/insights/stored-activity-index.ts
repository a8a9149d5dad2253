/**
 * Which stored activity a newly imported one repeats: the same id (the
 * same file), or the same run from another file (the core's `isDuplicate`:
 * start within 2 minutes, distance within 2%). Indexed by start minute, so
 * checking a long history stays fast. Used by every front end that keeps
 * imported runs (the CLI's store, the server's table).
 */
import { startMs, type Activity } from '../training/activity.js';
import { isDuplicate, type DuplicateOptions } from '../training/duplicates.js';

/** What the index needs of an activity. */
export type IndexedActivity = Pick<Activity, 'id' | 'sport' | 'startTime' | 'distanceM'>;

/** Why a new activity is not new. */
export type StoredMatch = { kind: 'same_id' } | { kind: 'same_run'; id: string };

/** Stored activities, to find what a new one repeats. */
export class StoredActivityIndex {
  readonly #ids = new Set<string>();
  readonly #byMinute = new Map<number, IndexedActivity[]>();
  readonly #options: DuplicateOptions;

  constructor(activities: Iterable<IndexedActivity> = [], options: DuplicateOptions = {}) {
    this.#options = options;
    for (const a of activities) this.add(a);
  }

  /**
   * Remembers an activity as stored: its own copy of the four fields the
   * index reads, never the activity itself (whose laps and series an import
   * of a long history would otherwise hold until it ends).
   */
  add(activity: IndexedActivity): void {
    this.#ids.add(activity.id);
    const ms = startMs(activity);
    if (ms === undefined) return;
    const minute = Math.floor(ms / 60_000);
    const list = this.#byMinute.get(minute) ?? [];
    list.push({
      id: activity.id,
      sport: activity.sport,
      distanceM: activity.distanceM,
      ...(activity.startTime === undefined ? {} : { startTime: activity.startTime }),
    });
    this.#byMinute.set(minute, list);
  }

  /** The stored activity `activity` repeats, or undefined when it is new. */
  match(activity: IndexedActivity): StoredMatch | undefined {
    if (this.#ids.has(activity.id)) return { kind: 'same_id' };
    const ms = startMs(activity);
    if (ms === undefined) return undefined;
    const minute = Math.floor(ms / 60_000);
    const reach = Math.ceil((this.#options.maxStartDiffS ?? 120) / 60);
    for (let m = minute - reach; m <= minute + reach; m++) {
      for (const other of this.#byMinute.get(m) ?? []) {
        if (isDuplicate(asActivity(other), asActivity(activity), this.#options)) {
          return { kind: 'same_run', id: other.id };
        }
      }
    }
    return undefined;
  }
}

function asActivity(a: IndexedActivity): Activity {
  return {
    id: a.id,
    source: 'fit',
    sport: a.sport,
    distanceM: a.distanceM,
    ...(a.startTime === undefined ? {} : { startTime: a.startTime }),
    laps: [],
    warnings: [],
  };
}
