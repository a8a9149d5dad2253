/**
 * `backtrack assess --save-answers FILE`: the answers typed in the
 * interactive interview, written as an answers file (`{"answers": {…}}`,
 * the format `--answers FILE` reads) so that `backtrack plan --answers FILE`
 * follows without a hand-written file. Only the runner's own answers are
 * kept: what the imported runs implied is worked out again from the store
 * when the file is read, and said to come from the runs.
 */
import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DomainError, type AnswerValue } from '@backtrack/core';
import type { OutputStream } from '../../io/cli-io.js';
import type { LineReader } from '../../io/line-reader.js';
import type { TAnswersFile } from './read-answers-file.js';

/**
 * Checks, before the interview starts, that `file` (relative to `cwd`) can
 * be written and holds nothing yet: the runner must not answer forty
 * questions to learn that the file cannot be saved. Returns the full path.
 */
export async function checkSaveTarget(file: string, cwd: string): Promise<string> {
  const path = resolve(cwd, file);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new DomainError(
      'invalid_input',
      `--save-answers: ${file} already exists; choose a new file name (nothing is overwritten).`,
    );
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new DomainError(
      'invalid_input',
      `--save-answers: cannot write in ${dirname(path)} (the folder is missing or not writable).`,
    );
  }
  return path;
}

/**
 * Writes the answers to `path` (from {@link checkSaveTarget}), atomically:
 * a temporary file renamed into place, so a crash leaves no half a file.
 */
export async function saveAnswers(
  path: string,
  answers: Readonly<Record<string, AnswerValue>>,
  options: { except?: readonly string[] } = {},
): Promise<number> {
  const skip = new Set(options.except);
  const own = Object.fromEntries(Object.entries(answers).filter(([id]) => !skip.has(id)));
  const file: TAnswersFile = { answers: own };
  const temporary = `${path}.${String(process.pid)}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return Object.keys(own).length;
}

/** How to save the answers next time, said when they were not saved. */
export const SAVE_HINT =
  'To make a plan from these answers, run the interview with --save-answers FILE, then backtrack plan --answers FILE.';

/** How many file names the runner may try before the offer to save is dropped. */
const SAVE_TRIES = 3;

/**
 * After an interview at a terminal without `--save-answers`: offers to save the
 * answers (a file name, or Enter to skip), so the runner can go on to
 * `backtrack plan --answers FILE`. A name that cannot be used (it exists,
 * its folder is missing) is explained and asked again, up to three times;
 * nothing is ever overwritten. Resolves with the path written, or undefined.
 */
export async function offerToSave(
  reader: LineReader,
  output: OutputStream,
  answers: Readonly<Record<string, AnswerValue>>,
  options: { cwd: string; except?: readonly string[] },
): Promise<string | undefined> {
  output.write(
    '\nSave these answers so that `backtrack plan --answers FILE` can make your plan from them?\n',
  );
  for (let tries = 0; tries < SAVE_TRIES; tries++) {
    const line = await reader.ask('File name (or press Enter to skip): ');
    const name = line?.trim() ?? '';
    if (name === '') break;
    let path: string;
    try {
      path = await checkSaveTarget(name, options.cwd);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      output.write(`${error.message.replace(/^--save-answers: /, '')}\n`);
      continue;
    }
    const count = await saveAnswers(
      path,
      answers,
      options.except ? { except: options.except } : {},
    );
    output.write(
      `Saved your ${String(count)} answers to ${name}. Next: backtrack plan --answers ${name}\n`,
    );
    return path;
  }
  output.write(`Not saved. ${SAVE_HINT}\n`);
  return undefined;
}
