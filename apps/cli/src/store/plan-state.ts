/**
 * The CLI's state between runs: the saved plan and its check-ins, in one JSON
 * file, `$BACKTRACK_HOME/cli-state.json` (default `~/.backtrack/`). Health
 * data, so the folder is private to the user (0700) and the file too (0600).
 * Writes are atomic (a temporary file renamed over the old one), and a file
 * that cannot be read or parsed is reported and left untouched, never
 * overwritten.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  DomainError,
  ZCheckIn,
  ZPlan,
  ZRunnerProfile,
  type CheckIn,
  type Plan,
} from '@backtrack/core';
import { z } from 'zod';
import { parseIsoDate } from '../io/dates.js';

/** File name of the state file inside the Backtrack home folder. */
export const STATE_FILE_NAME = 'cli-state.json';
/** Where the previous state goes when `plan --save` replaces it. */
export const PREVIOUS_STATE_FILE_NAME = 'cli-state.previous.json';

/** The folder the CLI keeps its state in: `$BACKTRACK_HOME`, else `~/.backtrack`. */
export function backtrackHome(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env.BACKTRACK_HOME;
  return configured !== undefined && configured !== '' ? configured : join(homedir(), '.backtrack');
}

/** Path of the state file for an environment. */
export function stateFilePath(env: Readonly<Record<string, string | undefined>>): string {
  return join(backtrackHome(env), STATE_FILE_NAME);
}

const ZIsoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, {
  message: 'expected a date YYYY-MM-DD',
});

/** The state file. `version` changes when the shape does. */
export const ZCliState = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  /** The answers the plan was made from, as given in the answers file. */
  answers: z.record(z.string(), z.unknown()),
  profile: ZRunnerProfile,
  /** Day 1 of week 1 of the plan. */
  startDate: ZIsoDate,
  plan: ZPlan,
  checkIns: z.array(ZCheckIn),
});
/** The CLI's saved state. */
export type CliState = Omit<z.infer<typeof ZCliState>, 'plan' | 'checkIns'> & {
  plan: Plan;
  checkIns: CheckIn[];
};

function corrupt(path: string, reason: string, details: string[] = []): DomainError {
  return new DomainError(
    'invalid_input',
    `the state file ${path} is corrupt (${reason}). It was left untouched: move it away or delete it, then save a plan again with \`backtrack plan --answers FILE --save\`.`,
    details,
  );
}

/**
 * Reads the state file at `path`. Resolves with undefined when there is none;
 * throws a `DomainError` (`invalid_input`) when it cannot be read or is not a
 * valid state.
 */
export async function readState(path: string): Promise<CliState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('invalid_input', `cannot read the state file ${path}: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(
      path,
      `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = ZCliState.safeParse(json);
  if (!parsed.success) {
    throw corrupt(
      path,
      'not a Backtrack state file of this version',
      parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(the file)'}: ${i.message}`),
    );
  }
  // Typed as `CliState`, so if the core's `Plan` gains a field this schema
  // does not know, this line stops compiling.
  return parsed.data;
}

/**
 * Writes `state` to `path` atomically: the folder is created (private to the
 * user), the JSON goes to a temporary file next to it, which is then renamed
 * over the old file, so a crash leaves either the old or the new state.
 */
export async function writeState(path: string, state: CliState): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('invalid_input', `cannot write the state file ${path}: ${reason}`);
  }
}

/**
 * Keeps a copy of the current state file as `cli-state.previous.json` before
 * `plan --save` replaces it, so a new plan never silently loses check-ins.
 */
export async function keepPreviousState(path: string): Promise<string> {
  const previous = join(dirname(path), PREVIOUS_STATE_FILE_NAME);
  await writeFile(previous, await readFile(path), { mode: 0o600 });
  return previous;
}
