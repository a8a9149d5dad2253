/**
 * Reads an answers file (`{"answers": {"<question id>": value}}`), checks its
 * shape with zod and every answer with the core's `validateAnswers`. Any
 * problem that would drop an answer is an error naming the file, the
 * question and what was expected; warnings are kept for the report.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DomainError,
  validateAnswers,
  type AnswerValue,
  type Issue,
  type KnowledgeBase,
} from '@backtrack/core';
import { z } from 'zod';

/** The answers file: an object whose `answers` maps question ids to values. */
export const ZAnswersFile = z.object({
  answers: z.record(z.string(), z.unknown()),
});
/** A parsed answers file. */
export type TAnswersFile = z.infer<typeof ZAnswersFile>;

/** Valid answers from a file, and the non-fatal issues found in them. */
export interface AnswersFromFile {
  answers: Record<string, AnswerValue>;
  issues: Issue[];
}

const EXAMPLE = '{"answers": {"age": 34, "saddle_numbness": "no"}}';

/** Why a file could not be read, in words, with the error code to report it under. */
export function describeReadError(error: unknown): {
  code: 'not_found' | 'invalid_input';
  reason: string;
} {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return { code: 'not_found', reason: 'the file does not exist' };
  if (code === 'EISDIR') return { code: 'invalid_input', reason: 'it is a directory, not a file' };
  if (code === 'EACCES') return { code: 'invalid_input', reason: 'permission denied' };
  if (code === 'ENOTREG')
    return { code: 'invalid_input', reason: 'it is not a regular file (a pipe or a device)' };
  return { code: 'invalid_input', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Reads a text file, refusing anything but a regular file first: a named
 * pipe or a device would block the CLI for ever. Its errors carry a `code`
 * for {@link describeReadError} (`ENOTREG` for a pipe or device).
 */
export async function readRegularTextFile(path: string): Promise<string> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
  return readFile(path, 'utf8');
}

/**
 * Reads and validates the answers file at `path` (relative to `cwd`).
 * Throws a `DomainError` (`not_found` or `invalid_input`) with one detail
 * line per problem.
 */
export async function readAnswersFile(
  kb: KnowledgeBase,
  path: string,
  options: { cwd: string },
): Promise<AnswersFromFile> {
  let text: string;
  try {
    text = await readRegularTextFile(resolve(options.cwd, path));
  } catch (error) {
    const { code, reason } = describeReadError(error);
    throw new DomainError(code, `cannot read answers file ${path}: ${reason}`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('invalid_input', `answers file ${path} is not valid JSON: ${reason}`);
  }

  const parsed = ZAnswersFile.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'invalid_input',
      `answers file ${path} must be a JSON object with an "answers" object, for example ${EXAMPLE}`,
      parsed.error.issues.map(
        (i) => `${i.path.length > 0 ? i.path.join('.') : '(the file)'}: ${i.message}`,
      ),
    );
  }

  const { answers, issues } = validateAnswers(kb, parsed.data.answers);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new DomainError(
      'invalid_input',
      `answers file ${path} has ${errors.length} invalid answer${errors.length === 1 ? '' : 's'} (see \`backtrack questions\` for ids and types):`,
      errors.map((i) => i.message),
    );
  }
  return { answers, issues };
}
