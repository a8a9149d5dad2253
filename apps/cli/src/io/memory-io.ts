/**
 * An in-memory `CliIo`: input given as text, output collected as text. Used
 * by the tests to drive the CLI in-process, and usable to embed the CLI.
 */
import { PassThrough } from 'node:stream';
import type { CliIo } from './cli-io.js';

/** A `CliIo` over in-memory streams, with the text written so far. */
export interface MemoryIo {
  io: CliIo;
  /** Everything written to stdout so far. */
  stdout: () => string;
  /** Everything written to stderr so far. */
  stderr: () => string;
}

function collect(stream: PassThrough): () => string {
  const chunks: string[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => chunks.push(chunk));
  return () => chunks.join('');
}

/**
 * Creates in-memory streams. `input` is written to stdin and stdin is then
 * ended (like a file piped in); `env` defaults to an empty environment,
 * `cwd` to the process's and `now` to the system clock.
 */
export function createMemoryIo(
  options: { input?: string; env?: Record<string, string>; cwd?: string; now?: () => Date } = {},
): MemoryIo {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  stdin.end(options.input ?? '');
  return {
    io: {
      stdin,
      stdout,
      stderr,
      env: options.env ?? {},
      cwd: options.cwd ?? process.cwd(),
      ...(options.now ? { now: options.now } : {}),
    },
    stdout: out,
    stderr: err,
  };
}
