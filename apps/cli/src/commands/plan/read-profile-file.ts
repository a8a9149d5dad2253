/**
 * Reads a runner profile file (`--profile FILE`): JSON checked by the core's
 * `ZRunnerProfile`. Every problem is an error naming the file and the field.
 */
import { resolve } from 'node:path';
import { DomainError, ZRunnerProfile, type RunnerProfile } from '@backtrack/core';
import { describeReadError, readRegularTextFile } from '../assess/read-answers-file.js';

const EXAMPLE =
  '{"runningDaysPerWeek": 3, "weeklyKm": 25, "longestRunKm": 10, "equipment": ["mat", "band"], "units": "km"}';

/**
 * Reads and validates the profile at `path` (relative to `cwd`). Returns the
 * profile with its defaults applied. Throws a `DomainError`
 * (`not_found` or `invalid_input`) with one detail line per problem.
 */
export async function readProfileFile(
  path: string,
  options: { cwd: string },
): Promise<RunnerProfile> {
  let text: string;
  try {
    text = await readRegularTextFile(resolve(options.cwd, path));
  } catch (error) {
    const { code, reason } = describeReadError(error);
    throw new DomainError(code, `cannot read profile file ${path}: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('invalid_input', `profile file ${path} is not valid JSON: ${reason}`);
  }
  const parsed = ZRunnerProfile.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'invalid_input',
      `profile file ${path} is not a valid runner profile, for example ${EXAMPLE}`,
      parsed.error.issues.map(
        (i) => `${i.path.length > 0 ? i.path.join('.') : '(the file)'}: ${i.message}`,
      ),
    );
  }
  return parsed.data;
}
