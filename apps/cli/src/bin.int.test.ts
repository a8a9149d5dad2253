/**
 * Smoke test of the built command, as `npx backtrack` runs it: the bundle in
 * dist/ is (re)built when missing or older than the sources, then spawned
 * with answers piped to stdin.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '@backtrack/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptedInput } from './commands/assess/interview-session.js';
import { CASES } from './testing.js';

const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(CLI_DIR, 'bin', 'backtrack.js');
const BUNDLE = join(CLI_DIR, 'dist', 'backtrack.js');
const SOURCE_DIRS = [
  join(CLI_DIR, 'src'),
  join(CLI_DIR, '..', '..', 'packages', 'core', 'src'),
  join(CLI_DIR, '..', '..', 'packages', 'importers', 'src'),
];

function newestSource(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .reduce((t, f) => Math.max(t, statSync(join(dir, f)).mtimeMs), 0);
}

function run(
  args: string[],
  input: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

beforeAll(() => {
  const stale =
    !existsSync(BUNDLE) || Math.max(...SOURCE_DIRS.map(newestSource)) > statSync(BUNDLE).mtimeMs;
  if (stale) execFileSync(process.execPath, ['build.mjs'], { cwd: CLI_DIR, stdio: 'inherit' });
}, 60_000);

// Each test starts Node on the bundle (and one writes a PDF): 1–3 s on an idle
// 2-core machine, over Vitest's 5 s default when the machine is busy.
describe('bin/backtrack.js', { timeout: 30_000 }, () => {
  it('runs the interview with answers piped to stdin and ends on an emergency', async () => {
    const kb = loadKnowledgeBase();
    const lines = scriptedInput(
      kb,
      { age: 45, sex: 'male', duration: 'weeks_1_6', trend: 'worse', saddle_numbness: 'yes' },
      {
        mode: 'adaptive',
      },
    );
    const { code, stdout, stderr } = await run(['assess'], `${lines.join('\n')}\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Question 1 ·');
    expect(stdout).toContain('EMERGENCY: WHAT TO DO NOW');
    expect(stdout).toContain('not a diagnosis');
  });

  it('exits 2 on a bad command and prints the version', async () => {
    const bad = await run(['diagnose'], '');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown command "diagnose"');
    const version = await run(['--version'], '');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('writes the PDF handout and the calendar from the bundle (PDFKit loads from node_modules)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backtrack-bin-'));
    try {
      // From another folder, so nothing resolves relative to the repository by accident.
      const { code, stdout, stderr } = await run(
        ['plan', '--answers', CASES.selfCare, '--pdf', 'plan.pdf', '--ics', 'plan.ics', '--save'],
        '',
        { cwd: dir, env: { BACKTRACK_HOME: join(dir, 'home') } },
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/Wrote the plan handout to plan\.pdf \(\d+ pages\)/);
      expect(readFileSync(join(dir, 'plan.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      expect(readFileSync(join(dir, 'plan.ics'), 'utf8')).toContain('BEGIN:VEVENT');
      expect(existsSync(join(dir, 'home', 'cli-state.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
