/**
 * Reads answers one line at a time from a terminal or a pipe. Lines that
 * arrive before they are asked for (a whole file piped in) are queued, so a
 * scripted session sees exactly the lines it was given, in order; the end of
 * the input is reported as `null`.
 */
import { createInterface, type Interface } from 'node:readline';
import type { InputStream, OutputStream } from './cli-io.js';

/** A line-at-a-time reader over a readline interface. */
export class LineReader {
  private readonly rl: Interface;
  private readonly queue: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private ended = false;
  private interrupted = false;
  /** Whether the input is an interactive terminal (which echoes what is typed). */
  readonly terminal: boolean;

  constructor(
    input: InputStream,
    private readonly output: OutputStream,
  ) {
    this.terminal = input.isTTY === true && output.isTTY === true;
    this.rl = createInterface({ input, output, terminal: this.terminal, historySize: 0 });
    this.rl.on('line', (line) => {
      this.deliver(line);
    });
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(null);
    });
    // Ctrl-C in a terminal: end the session rather than pausing the input.
    this.rl.on('SIGINT', () => {
      this.interrupted = true;
      this.rl.close();
    });
  }

  /** Whether the session was interrupted with Ctrl-C. */
  get wasInterrupted(): boolean {
    return this.interrupted;
  }

  private deliver(line: string | null): void {
    const resolve = this.waiting;
    if (resolve) {
      this.waiting = undefined;
      resolve(line);
    } else if (line !== null) {
      this.queue.push(line);
    }
  }

  /**
   * Shows `prompt` and resolves with the next line, or `null` once the input
   * has ended. When the input is not a terminal the line is echoed after the
   * prompt, so the transcript reads like a typed session.
   */
  async ask(prompt: string): Promise<string | null> {
    if (this.terminal) {
      if (this.ended) return null;
      this.rl.setPrompt(prompt);
      this.rl.prompt();
      return this.next();
    }
    this.output.write(prompt);
    const line = await this.next();
    this.output.write(line === null ? '\n' : `${line}\n`);
    return line;
  }

  private next(): Promise<string | null> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Stops reading; further `ask` calls resolve with `null`. */
  close(): void {
    this.rl.close();
  }
}
