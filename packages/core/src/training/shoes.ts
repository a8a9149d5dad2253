/**
 * Distance per shoe and a replacement reminder at a distance the runner
 * chooses. The usual 300–500 mile (≈500–800 km) rule rests on weak
 * evidence: machine-wear tests from 1985 (Cook 1985), and no study links
 * shoe mileage to back pain or injury (the project's shared research notes, §5.10).
 */
import { isRun, startMs, type Activity } from './activity.js';

/** What the runner tells Backtrack about one pair of shoes. */
export interface ShoeSetting {
  /** As it appears on activities (`Activity.shoe`). */
  name: string;
  /** Remind me at this distance, km. */
  reminderKm?: number;
  /** Distance the shoe had before the imported runs, km. */
  startKm?: number;
}

/** Distance run in one pair of shoes. */
export interface ShoeMileage {
  name: string;
  /** Imported runs plus `startKm`, m. */
  distanceM: number;
  runs: number;
  firstUsed: string | null;
  lastUsed: string | null;
  reminderKm: number | null;
  /** True when the distance has reached the runner's reminder distance. */
  pastReminder: boolean;
}

/** Shown whenever a shoe reminder is. */
export const SHOE_MILEAGE_CAVEAT =
  'This reminder is at the distance you chose. Replacing shoes by mileage rests on weak evidence (old machine-wear tests, Cook 1985), and no study links shoe mileage to back pain. Replace shoes when they feel flat, look worn or no longer fit.';

/**
 * Distance per shoe over the runs that name one, plus any shoe the runner
 * set up without runs yet. Sorted by most recent use.
 */
export function shoeMileage(
  activities: readonly Activity[],
  settings: readonly ShoeSetting[] = [],
): ShoeMileage[] {
  const byName = new Map<string, ShoeMileage & { lastMs: number }>();
  const settingOf = new Map(settings.map((s) => [s.name, s]));
  const entry = (name: string): ShoeMileage & { lastMs: number } => {
    let e = byName.get(name);
    if (!e) {
      const s = settingOf.get(name);
      e = {
        name,
        distanceM: (s?.startKm ?? 0) * 1000,
        runs: 0,
        firstUsed: null,
        lastUsed: null,
        reminderKm: s?.reminderKm ?? null,
        pastReminder: false,
        lastMs: -Infinity,
      };
      byName.set(name, e);
    }
    return e;
  };
  for (const s of settings) entry(s.name);
  for (const a of activities) {
    if (a.shoe === undefined || !isRun(a)) continue;
    const e = entry(a.shoe);
    e.distanceM += a.distanceM;
    e.runs += 1;
    const ms = startMs(a);
    if (ms !== undefined && a.startTime !== undefined) {
      if (e.firstUsed === null || ms < Date.parse(e.firstUsed)) e.firstUsed = a.startTime;
      if (ms > e.lastMs) {
        e.lastMs = ms;
        e.lastUsed = a.startTime;
      }
    }
  }
  return [...byName.values()]
    .map((e) => ({
      name: e.name,
      distanceM: e.distanceM,
      runs: e.runs,
      firstUsed: e.firstUsed,
      lastUsed: e.lastUsed,
      reminderKm: e.reminderKm,
      pastReminder: e.reminderKm !== null && e.distanceM >= e.reminderKm * 1000,
    }))
    .sort((x, y) => (y.lastUsed ?? '').localeCompare(x.lastUsed ?? ''));
}
