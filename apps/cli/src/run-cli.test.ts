import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionDto } from './commands/knowledge/list-questions.js';
import type { KnowledgeBaseDto } from './commands/knowledge/list-knowledge-base.js';
import { createMemoryIo } from './io/memory-io.js';
import type { JsonReport } from './commands/assess/render-report.js';
import { runCli } from './run-cli.js';
import { VERSION } from './version.js';

const kb = loadKnowledgeBase();
const DESK_RUNNER = fileURLToPath(new URL('../examples/desk-runner.json', import.meta.url));
const SADDLE_NUMBNESS = fileURLToPath(new URL('../examples/saddle-numbness.json', import.meta.url));
const ESC = '\u001b[';

/** Runs the CLI in-process and returns the exit status and both outputs. */
async function cli(
  argv: string[],
  options: { input?: string; env?: Record<string, string>; tty?: boolean } = {},
) {
  const memory = createMemoryIo({ input: options.input ?? '', env: options.env ?? {} });
  if (options.tty) memory.io.stdout.isTTY = true;
  const code = await runCli(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function answersFile(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('help and version', () => {
  it.each([
    [['--help'], 'backtrack assess [--full]'],
    [['-h'], 'backtrack assess [--full]'],
    [['help'], 'backtrack assess [--full]'],
    [['assess', '--help'], '--answers FILE'],
    [['assess', '-h'], '--answers FILE'],
    [['help', 'assess'], '--answers FILE'],
    [['questions', '--help'], 'backtrack questions [--json]'],
    [['help', 'questions'], 'backtrack questions [--json]'],
    [['kb', '--help'], 'backtrack kb [--json]'],
    [['kb', '-h'], 'backtrack kb [--json]'],
    [['help', '--help'], 'backtrack help [COMMAND]'],
  ])('%j prints usage and exits 0', async (argv, text) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain(text);
    expect(stderr).toBe('');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});

describe('argument errors exit 2 with a message and the usage', () => {
  it.each([
    [[], 'missing command'],
    [['diagnose'], 'unknown command "diagnose"'],
    [['--verbose'], 'unknown option "--verbose"'],
    [['assess', '--bogus'], "unknown option '--bogus'"],
    [['assess', '--answers'], "option '--answers <value>' argument missing"],
    [['assess', '--json'], '--json needs --answers FILE'],
    [
      ['assess', '--answers', 'a.json', '--adaptive', '--full'],
      '--adaptive and --full cannot be used together',
    ],
    [['assess', 'now'], "unexpected argument 'now'"],
    [['questions', '--json=yes'], "option '--json' does not take an argument"],
    [['kb', 'all'], "unexpected argument 'all'"],
    [['help', 'diagnose'], 'unknown command "diagnose"'],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`backtrack: ${message}`);
    expect(stderr).toContain('Usage:');
  });
});

describe('assess --answers: invalid files exit 2 and print no result', () => {
  it.each([
    ['missing.json', undefined, ['missing.json', 'does not exist']],
    ['not-json.json', '{"answers": {"age": 34,}', ['not-json.json', 'is not valid JSON']],
    [
      'no-answers.json',
      '{"age": 34}',
      ['no-answers.json', 'must be a JSON object with an "answers" object', 'answers:'],
    ],
    ['array.json', '[1, 2]', ['array.json', '"answers" object']],
    ['answers-list.json', '{"answers": [34]}', ['answers-list.json', 'answers:']],
    [
      'unknown-id.json',
      '{"answers": {"age": 34, "shoe_size": 42}}',
      ['unknown-id.json', 'unknown question id "shoe_size"'],
    ],
    [
      'wrong-type.json',
      '{"answers": {"age": "thirty"}}',
      ['wrong-type.json', 'age: expected a number, got "thirty"'],
    ],
    [
      'out-of-range.json',
      '{"answers": {"pain_now": 12}}',
      ['out-of-range.json', 'pain_now: 12 is outside 0–10'],
    ],
    [
      'bad-option.json',
      '{"answers": {"sex": "robot"}}',
      ['bad-option.json', 'sex: "robot" is not an option'],
    ],
    [
      'two-errors.json',
      '{"answers": {"age": 5, "fever": "sometimes"}}',
      [
        'has 2 invalid answers',
        'age: 5 is outside 10–100 years',
        'fever: expected "yes", "no", "unsure"',
      ],
    ],
  ])('%s', async (name, content, messages) => {
    const path = content === undefined ? join(dir, name) : await answersFile(name, content);
    for (const extra of [[], ['--json'], ['--adaptive', '--json']]) {
      const { code, stdout, stderr } = await cli(['assess', '--answers', path, ...extra]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      for (const m of messages) expect(stderr).toContain(m);
    }
  });
});

describe('assess --answers --json', () => {
  it('prints the result with triage, sorted contributors, risk, issues and disclaimer', async () => {
    const { code, stdout, stderr } = await cli(['assess', '--answers', DESK_RUNNER, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.triage.tier).toMatch(/^(emergency|urgent_doctor|see_clinician|self_care)$/);
    expect(Array.isArray(report.triage.reasons)).toBe(true);
    expect(report.contributors).toHaveLength(kb.contributors.length);
    for (const c of report.contributors) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['id', 'name', 'probability', 'explanation']),
      );
    }
    const probabilities = report.contributors.map((c) => c.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(report.contributors[0]?.explanation.length).toBeGreaterThan(0);
    expect(report.risk.level).not.toBeNull();
    expect(Array.isArray(report.issues)).toBe(true);
    expect(report.disclaimer).toMatch(/not a diagnosis/);
    expect(report.questionsAsked).toBeUndefined();
  });

  it('--adaptive adds questionsAsked, starting with the red-flag questions, and endedBecause', async () => {
    const { code, stdout } = await cli([
      'assess',
      '--answers',
      DESK_RUNNER,
      '--adaptive',
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    const asked = report.questionsAsked ?? [];
    expect(asked.slice(0, 2)).toEqual(['age', 'sex']);
    const redFlag = new Set(kb.questions.filter((q) => q.redFlag).map((q) => q.id));
    const firstOther = asked.findIndex((id) => !redFlag.has(id));
    expect(firstOther).toBeGreaterThan(10);
    expect(asked.slice(firstOther).some((id) => redFlag.has(id))).toBe(false);
    expect(asked).toContain('saddle_numbness');
    expect(asked.length).toBeLessThan(kb.questions.length);
    expect(report.endedBecause).toMatch(/^(stable|complete)$/);
    expect(report.unusedAnswers?.length).toBeGreaterThan(0);
  });

  it('saddle numbness → emergency, and the adaptive interview stops at that answer', async () => {
    const full = JSON.parse(
      (await cli(['assess', '--answers', SADDLE_NUMBNESS, '--json'])).stdout,
    ) as JsonReport;
    expect(full.triage.tier).toBe('emergency');
    expect(full.triage.reasons[0]?.id).toBe('ces_saddle');

    const adaptive = JSON.parse(
      (await cli(['assess', '--answers', SADDLE_NUMBNESS, '--adaptive', '--json'])).stdout,
    ) as JsonReport;
    expect(adaptive.triage.tier).toBe('emergency');
    expect(adaptive.endedBecause).toBe('emergency');
    expect(adaptive.questionsAsked?.at(-1)).toBe('saddle_numbness');
  });

  it('accepts booleans for yes/no and keeps warnings as issues', async () => {
    const path = await answersFile(
      'booleans.json',
      JSON.stringify({
        answers: { age: 40, saddle_numbness: false, worse_with: ['running', 'none'] },
      }),
    );
    const { code, stdout } = await cli(['assess', '--answers', path, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.issues.map((i) => i.code)).toContain('contradictory');
    expect(report.issues.some((i) => i.code === 'missing' && i.questionId === 'fever')).toBe(true);
    // A partial screen: no verdict, and the missing questions named (HAZ-01).
    expect(report.status).toBe('incomplete');
    expect(report.missing).toContain('fever');
    expect(report.triage.tier).toBeNull();
  });
});

describe('assess --answers text report', () => {
  it('puts triage first, then weak links, risk screen and the disclaimer, without colour off a terminal', async () => {
    const { code, stdout } = await cli(['assess', '--answers', DESK_RUNNER]);
    expect(code).toBe(0);
    expect(stdout).not.toContain(ESC);
    const order = ['What to do now:', 'Likely weak links', 'Risk screen', 'not a diagnosis'].map(
      (s) => stdout.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(stdout).toMatch(/×[\d.]+, \d+% → \d+%/);
  });

  it('shows an emergency as a "what to do now" banner and holds back the ranking', async () => {
    const { stdout } = await cli(['assess', '--answers', SADDLE_NUMBNESS]);
    expect(stdout.indexOf('EMERGENCY: WHAT TO DO NOW')).toBeLessThan(
      stdout.indexOf('What to do now:'),
    );
    expect(stdout).toContain('emergency department');
    expect(stdout).toContain('Not shown: get the warning sign checked first');
    expect(stdout).toContain('not a diagnosis');
  });

  it('colours only a terminal without NO_COLOR', async () => {
    expect((await cli(['assess', '--answers', DESK_RUNNER], { tty: true })).stdout).toContain(ESC);
    expect(
      (await cli(['assess', '--answers', DESK_RUNNER], { tty: true, env: { NO_COLOR: '1' } }))
        .stdout,
    ).not.toContain(ESC);
  });
});

describe('questions and kb', () => {
  it('questions --json lists every question with its fields', async () => {
    const { code, stdout } = await cli(['questions', '--json']);
    expect(code).toBe(0);
    const questions = JSON.parse(stdout) as QuestionDto[];
    expect(questions.map((q) => q.id)).toEqual(kb.questions.map((q) => q.id));
    for (const q of questions) {
      expect(Object.keys(q)).toEqual(
        expect.arrayContaining([
          'id',
          'text',
          'type',
          'section',
          'redFlag',
          'options',
          'unit',
          'min',
          'max',
          'askIf',
        ]),
      );
    }
    const age = questions.find((q) => q.id === 'age');
    expect(age).toMatchObject({
      type: 'number',
      unit: 'years',
      min: 10,
      max: 100,
      redFlag: true,
      askIf: null,
    });
    expect(questions.find((q) => q.id === 'pain_map')?.options).toHaveLength(13);
    expect(questions.find((q) => q.id === 'leg_weakness_worsening')?.askIf).toEqual({
      q: 'leg_weakness',
      test: { kind: 'oneOf', values: ['yes', 'unsure'] },
    });
  });

  it('questions prints a readable list', async () => {
    const { code, stdout } = await cli(['questions']);
    expect(code).toBe(0);
    expect(stdout).toContain('Warning signs');
    expect(stdout).toMatch(/saddle_numbness {2}yes \/ no \/ unsure \[warning sign\]/);
    expect(stdout).toContain('asked only if leg_weakness is one of yes, unsure');
  });

  it('kb --json lists contributors and red flags', async () => {
    const { code, stdout } = await cli(['kb', '--json']);
    expect(code).toBe(0);
    const dto = JSON.parse(stdout) as KnowledgeBaseDto;
    expect(dto.contributors).toHaveLength(kb.contributors.length);
    expect(dto.contributors[0]).toEqual({
      id: kb.contributors[0]?.id,
      name: kb.contributors[0]?.name,
      prior: kb.contributors[0]?.prior,
      summary: kb.contributors[0]?.summary,
    });
    expect(dto.redFlags.find((f) => f.id === 'ces_saddle')).toEqual({
      id: 'ces_saddle',
      name: expect.any(String) as string,
      tier: 'emergency',
      condition: 'cauda_equina',
    });
  });

  it('kb prints a readable list', async () => {
    const { code, stdout } = await cli(['kb']);
    expect(code).toBe(0);
    expect(stdout).toContain('Contributors (');
    expect(stdout).toContain('Red flags (');
    expect(stdout).toContain('emergency · rules out cauda equina');
  });
});
