/**
 * The CLI's store of imported activities, format version 2: a folder
 * `$BACKTRACK_HOME/activities/` (default `~/.backtrack/`) with one JSON file
 * per activity (`<id>.json`, the core's `ZActivity`) and `index.json`, which
 * names the format and version and lists every stored activity with what an
 * import needs to match new files against it (id, sport, start, distance).
 *
 * Work done once: an activity is validated in full (`ZActivity`) when it is
 * written; reading checks the index with its schema and each activity file
 * only for its shape (an object with the right id, sport, distance, laps and
 * warnings), so `backtrack training` does not re-validate every series
 * point on every run. Adding activities writes each one's file (atomically,
 * a temporary file renamed) as it is read, and the index at the end, so an
 * import holds no more than one activity in memory. The index is the source
 * of truth: an activity file it does not list (an import cut short) is
 * ignored and overwritten when its file is imported again.
 *
 * Version 1 was one file, `activities.jsonl` (one activity per line). It is
 * moved to version 2 the first time the store is opened, after being
 * validated in full, and kept as `activities.jsonl.v1-backup`. Health data,
 * so folders are private (0700) and files too (0600). A store that cannot be
 * read, with a file that is not what it should be or a version this CLI does
 * not know, is reported naming the file and left untouched, never
 * overwritten.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DomainError, ZActivity, type Activity, type IndexedActivity } from '@backtrack/core';
import { backtrackHome } from './plan-state.js';

/** Folder of the activity store inside the Backtrack home folder. */
export const ACTIVITY_STORE_DIR_NAME = 'activities';
/** File name of the version-1 store (one activity per line) inside the home folder. */
export const LEGACY_ACTIVITY_STORE_FILE_NAME = 'activities.jsonl';
/** What the version-1 store is renamed to once moved to version 2. */
export const LEGACY_BACKUP_SUFFIX = '.v1-backup';
/** The format this CLI writes and reads. */
export const ACTIVITY_STORE_VERSION = 2;
const FORMAT = 'backtrack-activity-store';
const INDEX_FILE_NAME = 'index.json';

/** Path of the activity store (a folder) for an environment. */
export function activityStorePath(env: Readonly<Record<string, string | undefined>>): string {
  return join(backtrackHome(env), ACTIVITY_STORE_DIR_NAME);
}

/** One stored activity as the index lists it. */
export type ActivityStoreEntry = IndexedActivity;

const ZEntry = z.object({
  id: z.string().min(8),
  sport: ZActivity.shape.sport,
  startTime: ZActivity.shape.startTime,
  distanceM: ZActivity.shape.distanceM,
});

const ZIndexHead = z.object({ format: z.literal(FORMAT), version: z.number().int() });
const ZIndex = z.object({
  format: z.literal(FORMAT),
  version: z.literal(ACTIVITY_STORE_VERSION),
  activities: z.array(ZEntry),
});

/** The activities in the store. */
export interface ActivityStore {
  /** The store's folder. */
  path: string;
  activities: Activity[];
}

function corrupt(file: string, reason: string, details: string[] = []): DomainError {
  return new DomainError(
    'invalid_input',
    `the activity store ${file} is corrupt (${reason}). It was left untouched: move it away or delete it, then import your files again with \`backtrack import PATH...\`.`,
    details,
  );
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The text of `path`, or undefined when there is no such file. */
async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new DomainError(
      'invalid_input',
      `cannot read the activity store ${path}: ${reasonOf(error)}`,
    );
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(the whole)'}: ${i.message}`);
}

/** The file name of an activity: its id where that is a safe name, else a hash of it. */
function fileNameOf(id: string): string {
  const safe = /^[A-Za-z0-9_-]{1,100}$/.test(id);
  return `${safe ? id : createHash('sha256').update(id).digest('hex').slice(0, 40)}.json`;
}

function parseIndex(path: string, text: string): ActivityStoreEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, `not valid JSON: ${reasonOf(error)}`);
  }
  const head = ZIndexHead.safeParse(json);
  if (!head.success) throw corrupt(path, 'not an activity store index', issuesOf(head.error));
  if (head.data.version !== ACTIVITY_STORE_VERSION) {
    throw new DomainError(
      'invalid_input',
      `the activity store ${path} has format version ${String(head.data.version)}, and this backtrack reads version ${String(ACTIVITY_STORE_VERSION)}: update backtrack to read it. It was left untouched.`,
    );
  }
  const index = ZIndex.safeParse(json);
  if (!index.success) throw corrupt(path, 'an entry is not an activity', issuesOf(index.error));
  return index.data.activities.map((e) => ({
    id: e.id,
    sport: e.sport,
    distanceM: e.distanceM,
    ...(e.startTime === undefined ? {} : { startTime: e.startTime }),
  }));
}

/**
 * The cheap check of an activity file written by this store (validated in
 * full when written): the shape the analytics rely on, not every field.
 */
function looksLikeActivity(json: unknown, id: string): json is Activity {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const a = json as Record<string, unknown>;
  const series = a.series;
  return (
    a.id === id &&
    typeof a.sport === 'string' &&
    typeof a.source === 'string' &&
    typeof a.distanceM === 'number' &&
    Array.isArray(a.laps) &&
    Array.isArray(a.warnings) &&
    (series === undefined ||
      (typeof series === 'object' &&
        series !== null &&
        Array.isArray((series as Record<string, unknown>).points)))
  );
}

function parseActivityFile(file: string, text: string, id: string): Activity {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `not valid JSON: ${reasonOf(error)}`);
  }
  if (!looksLikeActivity(json, id)) throw corrupt(file, `not the activity ${id}`);
  return json;
}

/** Reads the version-1 store (`activities.jsonl`), validating every line in full. */
function parseLegacy(path: string, text: string): Activity[] {
  const activities: Activity[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw corrupt(path, `line ${String(i + 1)} is not valid JSON: ${reasonOf(error)}`);
    }
    const parsed = ZActivity.safeParse(json);
    if (!parsed.success) {
      throw corrupt(path, `line ${String(i + 1)} is not an activity`, issuesOf(parsed.error));
    }
    activities.push(parsed.data);
  }
  return activities;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${String(process.pid)}.${String(Date.now())}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new DomainError(
      'invalid_input',
      `cannot write the activity store ${path}: ${reasonOf(error)}`,
    );
  }
}

function entryOf(a: Activity): ActivityStoreEntry {
  return {
    id: a.id,
    sport: a.sport,
    distanceM: a.distanceM,
    ...(a.startTime === undefined ? {} : { startTime: a.startTime }),
  };
}

/**
 * An opened store: its index in memory, activity files read and written
 * one at a time. Changes reach the index file with {@link commit}.
 */
export class OpenedActivityStore {
  /** The store's folder. */
  readonly path: string;
  readonly #entries: Map<string, ActivityStoreEntry>;
  #folderReady = false;

  /** Use {@link openActivityStore}. */
  constructor(path: string, entries: readonly ActivityStoreEntry[]) {
    this.path = path;
    this.#entries = new Map(entries.map((e) => [e.id, e]));
  }

  /** The stored activities as the index lists them, in the order stored. */
  entries(): ActivityStoreEntry[] {
    return [...this.#entries.values()];
  }

  /** How many activities are stored. */
  get size(): number {
    return this.#entries.size;
  }

  /** Whether an activity with this id is stored. */
  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** Reads one stored activity, checking its shape; a `DomainError` naming the file when it is bad. */
  async get(id: string): Promise<Activity> {
    const file = join(this.path, fileNameOf(id));
    const text = await readIfThere(file);
    if (text === undefined)
      throw corrupt(file, `the activity ${id} listed in the index is missing`);
    return parseActivityFile(file, text, id);
  }

  /**
   * Every stored activity, in the order stored. Read synchronously: a
   * thousand small files read one after another on this thread take a
   * fraction of the time of a thousand trips through the thread pool, and
   * the CLI has nothing else to do meanwhile.
   */
  readAll(): Activity[] {
    const out: Activity[] = [];
    for (const id of this.#entries.keys()) {
      const file = join(this.path, fileNameOf(id));
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') {
          throw corrupt(file, `the activity ${id} listed in the index is missing`);
        }
        throw new DomainError(
          'invalid_input',
          `cannot read the activity store ${file}: ${reasonOf(error)}`,
        );
      }
      out.push(parseActivityFile(file, text, id));
    }
    return out;
  }

  /**
   * Writes an activity (validated in full first: a `DomainError` names what
   * is wrong) and lists it in the index in memory; replaces one with its id.
   */
  async put(activity: Activity): Promise<void> {
    const parsed = ZActivity.safeParse(activity);
    if (!parsed.success) {
      throw new DomainError(
        'invalid_input',
        `the activity ${activity.id} is not stored: it is not a valid activity`,
        issuesOf(parsed.error),
      );
    }
    await this.#ensureFolder();
    await writeAtomically(join(this.path, fileNameOf(activity.id)), JSON.stringify(parsed.data));
    this.#entries.set(activity.id, entryOf(parsed.data));
  }

  /** Removes an activity from the index in memory and deletes its file. */
  async remove(id: string): Promise<void> {
    if (!this.#entries.delete(id)) return;
    await rm(join(this.path, fileNameOf(id)), { force: true });
  }

  /** Writes the index, atomically. */
  async commit(): Promise<void> {
    await this.#ensureFolder();
    const index = {
      format: FORMAT,
      version: ACTIVITY_STORE_VERSION,
      activities: this.entries(),
    };
    await writeAtomically(join(this.path, INDEX_FILE_NAME), `${JSON.stringify(index)}\n`);
  }

  async #ensureFolder(): Promise<void> {
    if (this.#folderReady) return;
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await mkdir(this.path, { recursive: true, mode: 0o700 });
    this.#folderReady = true;
  }
}

/**
 * Opens the store in the folder `path`: its index, or an empty store when
 * there is none. A version-1 store (`activities.jsonl` next to the folder)
 * is validated and moved to version 2 first, and kept as a backup. A
 * `DomainError` (`invalid_input`) names the file when the index or the old
 * store is not what it should be, or has another version.
 */
export async function openActivityStore(path: string): Promise<OpenedActivityStore> {
  const indexPath = join(path, INDEX_FILE_NAME);
  const text = await readIfThere(indexPath);
  if (text !== undefined) return new OpenedActivityStore(path, parseIndex(indexPath, text));
  const legacyPath = join(dirname(path), LEGACY_ACTIVITY_STORE_FILE_NAME);
  const legacy = await readIfThere(legacyPath);
  const store = new OpenedActivityStore(path, []);
  if (legacy === undefined) return store;
  const activities = parseLegacy(legacyPath, legacy);
  for (const a of activities) await store.put(a);
  await store.commit();
  await rename(legacyPath, `${legacyPath}${LEGACY_BACKUP_SUFFIX}`);
  return store;
}

/**
 * Reads every activity of the store at `path` (see {@link openActivityStore}):
 * an empty store when there is none; a `DomainError` naming the bad file
 * otherwise.
 */
export async function readActivityStore(path: string): Promise<ActivityStore> {
  const store = await openActivityStore(path);
  return { path, activities: store.readAll() };
}
