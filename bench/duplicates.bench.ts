/**
 * Benchmark of the duplicate merge on a flood of identical rows (a hostile
 * Strava export: one run repeated in activities.csv) and on a normal history.
 * Run: `npx tsx --conditions=source bench/duplicates.bench.ts`. Prints one
 * JSON line per size; results are recorded in bench/README.md.
 */
import { mergeDuplicates, type Activity } from '@backtrack/core';

function copies(n: number): Activity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `row-${String(i)}`,
    source: 'strava' as const,
    sport: 'running',
    startTime: '2024-03-03T07:00:00.000Z',
    durationS: 3300,
    distanceM: 10_000,
    laps: [],
    warnings: [],
    file: `activities.csv#${String(i + 2)}`,
  }));
}

function history(n: number): Activity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `run-${String(i)}`,
    source: 'fit' as const,
    sport: 'running',
    startTime: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
    durationS: 3300,
    distanceM: 8000 + (i % 7) * 1000,
    laps: [],
    warnings: [],
  }));
}

for (const [name, make] of [
  ['identical rows', copies],
  ['one run a day', history],
] as const) {
  for (const n of [10_000, 20_000, 40_000, 100_000]) {
    const input = make(n);
    const t0 = performance.now();
    const { activities } = mergeDuplicates(input);
    const ms = performance.now() - t0;
    console.log(
      JSON.stringify({
        bench: 'mergeDuplicates',
        input: name,
        n,
        ms: Math.round(ms),
        kept: activities.length,
      }),
    );
  }
}
