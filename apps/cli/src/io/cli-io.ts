/**
 * The streams and environment a CLI run uses. `main.ts` passes the process's
 * own; tests pass in-memory streams (see `memory-io.ts`), so every command
 * runs in-process without spawning.
 */
import type { Readable, Writable } from 'node:stream';

/** An output stream, possibly a terminal. */
export type OutputStream = Writable & { isTTY?: boolean; columns?: number };

/** An input stream, possibly a terminal. */
export type InputStream = Readable & { isTTY?: boolean };

/** Everything a CLI run reads from or writes to. */
export interface CliIo {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Directory that relative file paths are resolved against. */
  cwd: string;
  /** The clock, for "today" (default: the system clock). Tests pass a fixed one. */
  now?: () => Date;
}
