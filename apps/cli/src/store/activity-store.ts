/**
 * The CLI's store of imported activities: one JSON object per line
 * (`ZActivity` of the core), `$BACKTRACK_HOME/activities.jsonl` (default
 * `~/.backtrack/`). Health data, so the folder is private (0700) and the
 * file too (0600). A store that cannot be read or has a line that is not an
 * activity is reported and left untouched, never overwritten. Adding
 * activities rewrites the file atomically (the old lines byte for byte, then
 * the new ones, in a temporary file renamed over the old), so a crash never
 * leaves half a line.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError, ZActivity, type Activity } from '@backtrack/core';
import { backtrackHome } from './plan-state.js';

/** File name of the activity store inside the Backtrack home folder. */
export const ACTIVITY_STORE_FILE_NAME = 'activities.jsonl';

/** Path of the activity store for an environment. */
export function activityStorePath(env: Readonly<Record<string, string | undefined>>): string {
  return join(backtrackHome(env), ACTIVITY_STORE_FILE_NAME);
}

/** The activities in the store and its text as read (kept verbatim when adding). */
export interface ActivityStore {
  path: string;
  activities: Activity[];
  text: string;
}

function corrupt(path: string, reason: string, details: string[] = []): DomainError {
  return new DomainError(
    'invalid_input',
    `the activity store ${path} is corrupt (${reason}). It was left untouched: move it away or delete it, then import your files again with \`backtrack import PATH...\`.`,
    details,
  );
}

/**
 * Reads the store at `path`: an empty store when there is no file; a
 * `DomainError` (`invalid_input`) naming the first bad line when a line is
 * not JSON or not an activity. Blank lines are allowed.
 */
export async function readActivityStore(path: string): Promise<ActivityStore> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return { path, activities: [], text: '' };
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('invalid_input', `cannot read the activity store ${path}: ${reason}`);
  }
  const activities: Activity[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw corrupt(
        path,
        `line ${i + 1} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = ZActivity.safeParse(json);
    if (!parsed.success) {
      throw corrupt(
        path,
        `line ${i + 1} is not an activity`,
        parsed.error.issues
          .slice(0, 5)
          .map(
            (issue) =>
              `${issue.path.length > 0 ? issue.path.join('.') : '(the line)'}: ${issue.message}`,
          ),
      );
    }
    activities.push(parsed.data);
  }
  return { path, activities, text };
}

/**
 * Writes the store with `added` after its old lines, atomically. `store` is
 * what {@link readActivityStore} returned; its text is kept byte for byte.
 */
export async function addToActivityStore(
  store: ActivityStore,
  added: readonly Activity[],
): Promise<void> {
  if (added.length === 0) return;
  const { path } = store;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const head = store.text === '' || store.text.endsWith('\n') ? store.text : `${store.text}\n`;
  const lines = added.map((a) => `${JSON.stringify(a)}\n`).join('');
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, head + lines, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('invalid_input', `cannot write the activity store ${path}: ${reason}`);
  }
}
