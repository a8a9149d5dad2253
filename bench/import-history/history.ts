/**
 * The generated 1,000-run history of `syntheticHistory` (FIT, one-second
 * records, a realistic mix of run lengths), written once to a folder and
 * reused: generating it takes minutes, measuring it does not.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticHistory } from '@backtrack/importers';

/** The default cache folder of a history of `runs` runs. */
export function defaultHistoryDir(runs: number): string {
  return join(tmpdir(), 'backtrack-bench-cache', `history-${String(runs)}`);
}

/**
 * The folder holding the history of `runs` runs, generated into `dir` when
 * it is not there complete (written to a temporary folder and renamed, so an
 * interrupted generation is never taken for a finished one).
 */
export async function ensureHistory(runs: number, dir = defaultHistoryDir(runs)): Promise<string> {
  if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.fit')).length === runs) {
    return dir;
  }
  const partial = `${dir}.${String(process.pid)}.partial`;
  await mkdir(partial, { recursive: true });
  const t0 = performance.now();
  for (const { name, bytes } of syntheticHistory(runs)) await writeFile(join(partial, name), bytes);
  await rename(partial, dir);
  console.error(
    `generated ${String(runs)} FIT runs in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${dir}`,
  );
  return dir;
}

if (process.argv[1]?.endsWith('history.ts') === true) {
  const runs = Number(process.argv[2] ?? 1000);
  console.log(await ensureHistory(runs));
}
