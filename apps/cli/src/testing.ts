/**
 * Test helpers shared by the CLI's test files (no test framework imports, so
 * any runner can use them): run the CLI in-process, and read the encoded
 * case cards of the core.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Activity, Answers } from '@backtrack/core';
import { createMemoryIo } from './io/memory-io.js';
import { runCli } from './run-cli.js';

/** What a CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A Backtrack home that does not exist: the default `BACKTRACK_HOME` of
 * {@link runInMemory}, so a test never reads the state or imported runs in
 * the real `~/.backtrack`.
 */
export const NO_HOME = join(tmpdir(), `backtrack-test-no-home-${process.pid}`);

/**
 * Runs the CLI in-process with in-memory streams. `env` is the whole
 * environment (nothing leaks in from the test process; `BACKTRACK_HOME` is
 * {@link NO_HOME} unless given), `now` a fixed clock.
 */
export async function runInMemory(
  argv: string[],
  options: {
    env?: Record<string, string>;
    now?: Date;
    tty?: boolean;
    /** stderr is a terminal (for progress output). */
    stderrTty?: boolean;
    cwd?: string;
  } = {},
): Promise<CliRun> {
  const { now } = options;
  const memory = createMemoryIo({
    env: { BACKTRACK_HOME: NO_HOME, ...options.env },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(now === undefined ? {} : { now: () => now }),
  });
  if (options.tty) memory.io.stdout.isTTY = true;
  if (options.stderrTty) memory.io.stderr.isTTY = true;
  const code = await runCli(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** Options of {@link testRun}. */
export interface TestRunOptions extends Partial<Activity> {
  /** Seconds per km. Default 330. */
  paceS?: number;
  /** Altitude along the run (m at distance m), for a series one point per 50 m. */
  altitudeAt?: (distanceM: number) => number;
}

let runCounter = 0;

/** A run of `km` starting at `start`, as the importers would store it (tests of training data). */
export function testRun(start: Date, km: number, extra: TestRunOptions = {}): Activity {
  runCounter += 1;
  const { paceS, altitudeAt, ...rest } = extra;
  const pace = paceS ?? 330;
  const points = [];
  if (altitudeAt) {
    for (let d = 0; d <= km * 1000; d += 50) {
      points.push({ timeS: (d / 1000) * pace, distanceM: d, altitudeM: altitudeAt(d) });
    }
  }
  return {
    id: `test-run-${String(runCounter).padStart(6, '0')}`,
    source: 'fit',
    sport: 'running',
    startTime: start.toISOString(),
    durationS: km * pace,
    distanceM: km * 1000,
    laps: [],
    ...(altitudeAt ? { series: { intervalS: 10, points } } : {}),
    warnings: [],
    ...rest,
  };
}

/** Writes `activities` as a format-1 store `$BACKTRACK_HOME/activities.jsonl` of `home` (moved to format 2 when first opened). */
export async function writeActivityStore(
  home: string,
  activities: readonly Activity[],
): Promise<string> {
  await mkdir(home, { recursive: true });
  const path = join(home, 'activities.jsonl');
  await writeFile(path, activities.map((a) => `${JSON.stringify(a)}\n`).join(''));
  return path;
}

const DAY_MS = 86_400_000;

/**
 * Eight weeks of training before `now`: three 12 km runs a week in
 * "Pegasus 40" on steep downhill routes, then an 18 km run five days before
 * `now` (a spike over the 30-day longest).
 */
export function hillyHistory(now: Date): Activity[] {
  const runs: Activity[] = [];
  for (let week = 8; week >= 1; week--) {
    for (const day of [0, 2, 4]) {
      const start = new Date(now.getTime() - (week * 7 - day) * DAY_MS - 3 * 3600_000);
      runs.push(testRun(start, 12, { shoe: 'Pegasus 40', altitudeAt: (d) => 800 - d / 20 }));
    }
  }
  runs.push(
    testRun(new Date(now.getTime() - 5 * DAY_MS), 18, {
      shoe: 'Pegasus 40',
      name: 'Long Sunday',
      altitudeAt: (d) => 800 - d / 20,
    }),
  );
  return runs;
}

/** Path of an encoded case card of the core, e.g. `pv14-m50-collapsed-heels`. */
export function caseFile(name: string): string {
  return fileURLToPath(
    new URL(`../../../packages/core/src/assessment/cases/${name}.json`, import.meta.url),
  );
}

/** Case cards used by the plan tests, by what triage makes of them. */
export const CASES = {
  /** Self-care: worn shoes. */
  selfCare: caseFile('pv14-m50-collapsed-heels'),
  /** See a clinician: a conservative plan with the advice to book. */
  seeClinician: caseFile('pv09-f30-psoriasis-red-eye'),
  /** Emergency: both legs numb, saddle numbness. */
  emergency: caseFile('pv03-m33-both-legs-numb-seat'),
  /** Urgent doctor. */
  urgent: caseFile('pv05-f21-second-side'),
} as const;

/** The answers of an example file in apps/cli/examples (`desk-runner`, …). */
export function exampleAnswers(name: string): Answers {
  const file = new URL(`../examples/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { answers: Answers }).answers;
}
