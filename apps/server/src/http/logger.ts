/** A minimal logger interface, so tests can capture what the server logs. */

/** Where the server writes diagnostics (never to a response). */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Logs to the console (stdout / stderr). */
export const consoleLogger: Logger = {
  info: (message) => {
    console.log(message);
  },
  error: (message, error) => {
    console.error(message, error);
  },
};

/** Logs nothing; keeps every line for inspection. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    error: (message, error) =>
      lines.push(
        `${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  };
}
