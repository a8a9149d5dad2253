/**
 * A minimal logger interface, so tests can capture what the server logs,
 * and the one way errors are written: {@link describeError} keeps query
 * parameters, query text and the values a database quotes back out of the
 * logs (they can be plans, profiles, answers or user ids).
 */

/** Where the server writes diagnostics (never to a response). */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** The fields of a PostgreSQL error (node-postgres and PGlite alike) that name no data. */
interface DatabaseErrorFields {
  code: string;
  message?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
}

function isDatabaseError(error: unknown): error is DatabaseErrorFields {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(error.code)
  );
}

/** Drizzle's wrapper around a driver error: its message holds the query and its parameters. */
function isWrappedQueryError(error: unknown): error is Error & { cause?: unknown } {
  return error instanceof Error && 'query' in error && 'params' in error;
}

/** The `at …` lines of a stack, without the message line(s) above them. */
function frames(error: Error): string {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

function describeDatabaseError(error: DatabaseErrorFields): string {
  // A message can quote a value after a colon ("invalid input syntax for type uuid: \"…\""): keep what comes before.
  const message = typeof error.message === 'string' ? error.message.split(': ')[0] : '';
  const named = (label: string, value: unknown) =>
    typeof value === 'string' && value !== '' ? ` ${label} ${value}` : '';
  return `database error ${error.code}${named('constraint', error.constraint)}${named('table', error.table)}${named('column', error.column)}: ${message}`;
}

/**
 * An error as it may be logged. A database error gives its SQLSTATE code,
 * constraint, table, column and the message up to the first colon, never its
 * detail line (`Key (…)=(…)`), the query or its parameters; Drizzle's
 * wrapper keeps only its stack frames. Anything else: its stack (or
 * message), then its cause, described the same way.
 */
export function describeError(error: unknown): string {
  if (isWrappedQueryError(error)) {
    const cause = isDatabaseError(error.cause)
      ? describeDatabaseError(error.cause)
      : 'database query failed';
    return `${cause}\n${frames(error)}`;
  }
  if (isDatabaseError(error)) {
    return `${describeDatabaseError(error)}${error instanceof Error ? `\n${frames(error)}` : ''}`;
  }
  if (error instanceof Error) {
    const own = error.stack ?? `${error.name}: ${error.message}`;
    return error.cause === undefined ? own : `${own}\ncaused by: ${describeError(error.cause)}`;
  }
  return String(error);
}

/** Logs to the console (stdout / stderr). */
export const consoleLogger: Logger = {
  info: (message) => {
    console.log(message);
  },
  error: (message, error) => {
    if (error === undefined) console.error(message);
    else console.error(message, describeError(error));
  },
};

/** Logs nothing; keeps every line for inspection. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    error: (message, error) =>
      lines.push(error === undefined ? message : `${message} ${describeError(error)}`),
  };
}
