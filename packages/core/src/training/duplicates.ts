/**
 * The same run imported twice (a watch's FIT file and the Strava export's
 * GPX of it, say): found by start time and distance, and merged into one
 * activity that keeps the richest recording and fills gaps from the others.
 */
import { startMs, type Activity, type ActivitySource } from './activity.js';

/** Options for {@link findDuplicates}. */
export interface DuplicateOptions {
  /** Starts at most this far apart, s. Default 120. */
  maxStartDiffS?: number;
  /** Distances at most this far apart, % of the longer. Default 2. */
  maxDistanceDiffPct?: number;
}

/**
 * How many later-starting activities each one is compared with. One runner
 * cannot start this many runs within two minutes, so only a flood of copies
 * reaches the bound; copies still join one group through their neighbours
 * (the groups are transitive), and the work stays linear in the input.
 */
export const MAX_DUPLICATE_NEIGHBOURS = 32;

/** How many merged files a merge warning names before it says "and N more". */
const MAX_NAMED_IN_WARNING = 5;

/** True when two activities look like the same run recorded or exported twice. */
export function isDuplicate(a: Activity, b: Activity, options: DuplicateOptions = {}): boolean {
  if (a.id === b.id) return true;
  const sa = startMs(a);
  const sb = startMs(b);
  if (sa === undefined || sb === undefined) return false;
  if (Math.abs(sa - sb) > (options.maxStartDiffS ?? 120) * 1000) return false;
  const longer = Math.max(a.distanceM, b.distanceM);
  if (longer === 0) return a.sport === b.sport;
  return (Math.abs(a.distanceM - b.distanceM) / longer) * 100 <= (options.maxDistanceDiffPct ?? 2);
}

/** Groups of activity ids that are the same run; each group has two or more ids. */
export function findDuplicates(
  activities: readonly Activity[],
  options: DuplicateOptions = {},
): string[][] {
  const maxDiffMs = (options.maxStartDiffS ?? 120) * 1000;
  const parent = activities.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const union = (i: number, j: number): void => {
    parent[find(i)] = find(j);
  };
  const byId = new Map<string, number>();
  activities.forEach((a, i) => {
    const same = byId.get(a.id);
    if (same !== undefined) union(i, same);
    else byId.set(a.id, i);
  });
  const dated = activities
    .map((a, i) => ({ i, ms: startMs(a) }))
    .filter((x): x is { i: number; ms: number } => x.ms !== undefined)
    .sort((x, y) => x.ms - y.ms);
  for (let k = 0; k < dated.length; k++) {
    const x = dated[k];
    if (!x) continue;
    const last = Math.min(dated.length, k + 1 + MAX_DUPLICATE_NEIGHBOURS);
    for (let m = k + 1; m < last; m++) {
      const y = dated[m];
      if (!y || y.ms - x.ms > maxDiffMs) break;
      const ax = activities[x.i];
      const ay = activities[y.i];
      if (ax && ay && isDuplicate(ax, ay, options)) union(x.i, y.i);
    }
  }
  const groups = new Map<number, string[]>();
  activities.forEach((a, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(a.id);
    groups.set(r, g);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

const SOURCE_RANK: Readonly<Record<ActivitySource, number>> = { fit: 4, tcx: 3, gpx: 2, strava: 1 };

function richness(a: Activity): number {
  return (
    SOURCE_RANK[a.source] * 100 +
    (a.series?.points.length ? 20 : 0) +
    (a.dynamics ? 10 : 0) +
    (a.avgHeartRateBpm !== undefined ? 5 : 0) +
    (a.avgCadenceSpm !== undefined ? 5 : 0) +
    (a.durationS !== undefined ? 3 : 0)
  );
}

/** What {@link mergeDuplicates} did to one group. */
export interface MergeRecord {
  keptId: string;
  mergedIds: string[];
}

/**
 * Merges each group of duplicates into its richest member (FIT before TCX
 * before GPX before a CSV row; then series, dynamics, HR), filling the
 * fields it lacks (shoe, name, HR, cadence, elevation…) from the others.
 * Order of the remaining activities is kept.
 */
export function mergeDuplicates(
  activities: readonly Activity[],
  options: DuplicateOptions = {},
): { activities: Activity[]; merged: MergeRecord[] } {
  const groups = findDuplicates(activities, options);
  const groupOf = new Map<Activity, Activity[]>();
  const remaining = new Set(activities);
  const merged: MergeRecord[] = [];
  // Activities by id, in input order: each group's members in one pass, not a scan per group.
  const byId = new Map<string, Activity[]>();
  for (const a of activities) {
    const list = byId.get(a.id) ?? [];
    list.push(a);
    byId.set(a.id, list);
  }
  const order = new Map(activities.map((a, i) => [a, i]));
  for (const ids of groups) {
    const members = [...new Set(ids)]
      .flatMap((id) => byId.get(id) ?? [])
      .filter((a) => remaining.has(a))
      .sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    const first = members[0];
    if (!first || members.length < 2) continue;
    const best = members.reduce((x, y) => (richness(y) > richness(x) ? y : x), first);
    let out: Activity = { ...best, warnings: [...best.warnings] };
    for (const other of members) {
      if (other === best) continue;
      out = fillFrom(out, other);
      remaining.delete(other);
    }
    const others = members.filter((m) => m !== best).map((m) => m.file ?? m.source);
    const named = others.slice(0, MAX_NAMED_IN_WARNING).join(', ');
    const more = others.length - MAX_NAMED_IN_WARNING;
    out.warnings.push(
      `Merged with ${others.length} other import(s) of the same run (${named}${more > 0 ? ` and ${more} more` : ''}).`,
    );
    groupOf.set(best, [out]);
    merged.push({ keptId: best.id, mergedIds: members.filter((m) => m !== best).map((m) => m.id) });
  }
  const result: Activity[] = [];
  for (const a of activities) {
    if (!remaining.has(a)) continue;
    result.push(groupOf.get(a)?.[0] ?? a);
  }
  return { activities: result, merged };
}

const FILLABLE = [
  'shoe',
  'name',
  'externalId',
  'device',
  'startTime',
  'durationS',
  'movingTimeS',
  'elevationGainM',
  'elevationLossM',
  'avgHeartRateBpm',
  'maxHeartRateBpm',
  'avgCadenceSpm',
  'avgPowerW',
  'dynamics',
  'series',
  'subSport',
] as const satisfies readonly (keyof Activity)[];

function fillFrom(target: Activity, other: Activity): Activity {
  const out: Activity = { ...target };
  for (const key of FILLABLE) {
    if (out[key] === undefined && other[key] !== undefined)
      Object.assign(out, { [key]: other[key] });
  }
  return out;
}
