/**
 * Process adapter of the `backtrack` command: hands the real streams to
 * `runCli` and sets the exit status. Everything else lives in `run-cli.ts`.
 */
import { runCli } from './run-cli.js';

// `backtrack questions | head`: a closed pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
