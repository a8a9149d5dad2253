/**
 * Test helpers shared by the CLI's test files (no test framework imports, so
 * any runner can use them): run the CLI in-process, and read the encoded
 * case cards of the core.
 */
import { fileURLToPath } from 'node:url';
import { createMemoryIo } from './memory-io.js';
import { runCli } from './run-cli.js';

/** What a CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with in-memory streams. `env` is the whole
 * environment (nothing leaks in from the test process), `now` a fixed clock.
 */
export async function runInMemory(
  argv: string[],
  options: { env?: Record<string, string>; now?: Date; tty?: boolean; cwd?: string } = {},
): Promise<CliRun> {
  const { now } = options;
  const memory = createMemoryIo({
    env: options.env ?? {},
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(now === undefined ? {} : { now: () => now }),
  });
  if (options.tty) memory.io.stdout.isTTY = true;
  const code = await runCli(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
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
