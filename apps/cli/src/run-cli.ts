/**
 * The `backtrack` command: parses arguments with `node:util` parseArgs,
 * dispatches to a command and maps every failure to an exit status. All I/O
 * goes through the `CliIo` it is given, so tests run it in-process.
 */
import { parseArgs } from 'node:util';
import {
  DATE_RANGE,
  DomainError,
  isSupportedDate,
  loadKnowledgeBase,
  type ErrorCode,
  type ShoeSetting,
} from '@backtrack/core';
import { assessCommand } from './commands/assess/assess-command.js';
import { checkinCommand } from './commands/checkin/checkin-command.js';
import { importCommand } from './commands/import/import-command.js';
import type { CliIo } from './io/cli-io.js';
import { parseIsoDate } from './io/dates.js';
import {
  listKnowledgeBase,
  renderKnowledgeBase,
} from './commands/knowledge/list-knowledge-base.js';
import { listQuestions, renderQuestions } from './commands/knowledge/list-questions.js';
import { planCommand } from './commands/plan/plan-command.js';
import { createStyle, outputWidth, shouldUseColour } from './io/style.js';
import { trainingCommand } from './commands/training/training-command.js';
import { isCommandName, usage, type CommandName } from './usage.js';
import { VERSION } from './version.js';

/** Exit status for bad arguments or a bad input file. */
export const EXIT_USAGE = 2;

/** A mistake in the command line; reported with the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

/**
 * Exit status for each domain error code. Complete by construction: a new
 * code in the core fails to compile here until it is given a status.
 */
const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  invalid_input: EXIT_USAGE,
  not_found: EXIT_USAGE,
  conflict: 1,
  forbidden: 1,
  unauthenticated: 1,
};

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
const JSON_OPTIONS = { ...HELP_OPTION, json: { type: 'boolean' } } as const;
const NO_TRAINING_DATA = { 'no-training-data': { type: 'boolean' } } as const;
const ASSESS_OPTIONS = {
  ...JSON_OPTIONS,
  ...NO_TRAINING_DATA,
  answers: { type: 'string' },
  adaptive: { type: 'boolean' },
  full: { type: 'boolean' },
  'save-answers': { type: 'string' },
} as const;

const PLAN_OPTIONS = {
  ...JSON_OPTIONS,
  ...NO_TRAINING_DATA,
  answers: { type: 'string' },
  profile: { type: 'string' },
  pdf: { type: 'string' },
  ics: { type: 'string' },
  start: { type: 'string' },
  save: { type: 'boolean' },
} as const;
const CHECKIN_OPTIONS = {
  ...JSON_OPTIONS,
  during: { type: 'string' },
  after: { type: 'string' },
  morning: { type: 'string' },
  done: { type: 'string' },
  planned: { type: 'string' },
  date: { type: 'string' },
  day: { type: 'string' },
  km: { type: 'string' },
  leg: { type: 'string' },
  note: { type: 'string' },
} as const;
const TRAINING_OPTIONS = {
  ...JSON_OPTIONS,
  'as-of': { type: 'string' },
  'shoe-reminder': { type: 'string', multiple: true },
} as const;

/** The largest shoe reminder distance accepted, km. */
const MAX_REMINDER_KM = 10_000;

/** `NAME=KM` of `--shoe-reminder`, checked. */
function shoeReminder(value: string): ShoeSetting {
  const eq = value.lastIndexOf('=');
  const name = eq < 0 ? '' : value.slice(0, eq).trim();
  const km = eq < 0 ? Number.NaN : Number(value.slice(eq + 1).trim());
  if (
    name === '' ||
    value.slice(eq + 1).trim() === '' ||
    !Number.isFinite(km) ||
    km <= 0 ||
    km > MAX_REMINDER_KM
  ) {
    throw new UsageError(
      `--shoe-reminder must be NAME=KM with a distance of 1–${MAX_REMINDER_KM} km (e.g. "Pegasus 40=600"), got "${value}"`,
      'training',
    );
  }
  return { name, reminderKm: km };
}

/** The value of a file option: undefined when absent, a usage error when empty. */
function fileOption(
  command: CommandName,
  option: string,
  value: string | undefined,
): string | undefined {
  if (value === '') throw new UsageError(`--${option} needs a file name`, command);
  return value;
}

/** The value of a date option, checked to be a real `YYYY-MM-DD` date. */
function dateOption(
  command: CommandName,
  option: string,
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const date = parseIsoDate(value);
  if (date === undefined) {
    throw new UsageError(`--${option} must be a date YYYY-MM-DD, got "${value}"`, command);
  }
  if (!isSupportedDate(date)) {
    throw new UsageError(
      `--${option} must be a date from ${DATE_RANGE.min} to ${DATE_RANGE.max}, got "${value}"`,
      command,
    );
  }
  return date;
}

/** parseArgs with its errors turned into usage errors of `command`. */
function parse<T>(command: CommandName, run: () => T): T {
  try {
    return run();
  } catch (error) {
    // parseArgs messages read "Unknown option '--x'. To specify…": keep the first sentence.
    const message =
      error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1), command);
  }
}

function textOptions(io: CliIo) {
  return {
    style: createStyle({ colour: shouldUseColour(io.stdout, io.env) }),
    width: outputWidth(io.stdout),
  };
}

function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function help(io: CliIo, command?: CommandName): number {
  io.stdout.write(usage(command));
  return 0;
}

const COMMANDS: Readonly<Record<CommandName, (args: string[], io: CliIo) => Promise<number>>> = {
  async assess(args, io) {
    const { values } = parse('assess', () =>
      parseArgs({ args, options: ASSESS_OPTIONS, strict: true }),
    );
    if (values.help) return help(io, 'assess');
    if (values.adaptive && values.full) {
      throw new UsageError('--adaptive and --full cannot be used together', 'assess');
    }
    if (values.json && values.answers === undefined) {
      throw new UsageError(
        '--json needs --answers FILE (the interactive interview prints a text report)',
        'assess',
      );
    }
    if (values.answers === '') throw new UsageError('--answers needs a file name', 'assess');
    if (values['save-answers'] === '')
      throw new UsageError('--save-answers needs a file name', 'assess');
    if (values['save-answers'] !== undefined && values.answers !== undefined)
      throw new UsageError(
        '--save-answers is for the interactive interview; with --answers FILE the answers are in FILE already',
        'assess',
      );
    const interactive = values.answers === undefined;
    // Interactive: adaptive unless --full. From a file: every answer unless --adaptive.
    const mode = interactive
      ? values.full
        ? 'full'
        : 'adaptive'
      : values.adaptive
        ? 'adaptive'
        : 'full';
    return assessCommand(
      loadKnowledgeBase(),
      {
        answersFile: values.answers,
        mode,
        format: values.json ? 'json' : 'text',
        trainingData: values['no-training-data'] !== true,
        saveAnswers: values['save-answers'],
      },
      io,
    );
  },

  async plan(args, io) {
    const { values } = parse('plan', () =>
      parseArgs({ args, options: PLAN_OPTIONS, strict: true }),
    );
    if (values.help) return help(io, 'plan');
    const answersFile = fileOption('plan', 'answers', values.answers);
    if (answersFile === undefined) throw new UsageError('missing --answers FILE', 'plan');
    return planCommand(
      loadKnowledgeBase(),
      {
        answersFile,
        profileFile: fileOption('plan', 'profile', values.profile),
        pdfFile: fileOption('plan', 'pdf', values.pdf),
        icsFile: fileOption('plan', 'ics', values.ics),
        startDate: dateOption('plan', 'start', values.start),
        save: values.save ?? false,
        format: values.json ? 'json' : 'text',
        trainingData: values['no-training-data'] !== true,
      },
      io,
    );
  },

  async import(args, io) {
    const { values, positionals } = parse('import', () =>
      parseArgs({ args, options: JSON_OPTIONS, strict: true, allowPositionals: true }),
    );
    if (values.help) return help(io, 'import');
    if (positionals.length === 0) {
      throw new UsageError('missing PATH: a file, a folder or a Strava export .zip', 'import');
    }
    if (positionals.includes('')) throw new UsageError('an empty PATH', 'import');
    return importCommand({ paths: positionals, format: values.json ? 'json' : 'text' }, io);
  },

  async training(args, io) {
    const { values } = parse('training', () =>
      parseArgs({ args, options: TRAINING_OPTIONS, strict: true }),
    );
    if (values.help) return help(io, 'training');
    const shoes = (values['shoe-reminder'] ?? []).map(shoeReminder);
    const names = shoes.map((s) => s.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined) {
      throw new UsageError(`--shoe-reminder given twice for "${twice}"`, 'training');
    }
    return trainingCommand(
      {
        format: values.json ? 'json' : 'text',
        asOf: dateOption('training', 'as-of', values['as-of']),
        shoes,
      },
      io,
    );
  },

  async checkin(args, io) {
    const { values } = parse('checkin', () =>
      parseArgs({ args, options: CHECKIN_OPTIONS, strict: true }),
    );
    if (values.help) return help(io, 'checkin');
    if (values.date !== undefined && values.day !== undefined) {
      throw new UsageError('--date and --day cannot be used together', 'checkin');
    }
    return checkinCommand(
      loadKnowledgeBase(),
      {
        during: values.during,
        after: values.after,
        morning: values.morning,
        done: values.done,
        planned: values.planned,
        date: dateOption('checkin', 'date', values.date),
        day: values.day,
        km: values.km,
        leg: values.leg,
        note: values.note,
        format: values.json ? 'json' : 'text',
      },
      io,
    );
  },

  questions(args, io) {
    const { values } = parse('questions', () =>
      parseArgs({ args, options: JSON_OPTIONS, strict: true }),
    );
    if (values.help) return Promise.resolve(help(io, 'questions'));
    const questions = listQuestions(loadKnowledgeBase());
    if (values.json) writeJson(io, questions);
    else io.stdout.write(renderQuestions(questions, textOptions(io)));
    return Promise.resolve(0);
  },

  kb(args, io) {
    const { values } = parse('kb', () => parseArgs({ args, options: JSON_OPTIONS, strict: true }));
    if (values.help) return Promise.resolve(help(io, 'kb'));
    const dto = listKnowledgeBase(loadKnowledgeBase());
    if (values.json) writeJson(io, dto);
    else io.stdout.write(renderKnowledgeBase(dto, textOptions(io)));
    return Promise.resolve(0);
  },

  help(args, io) {
    const { values, positionals } = parse('help', () =>
      parseArgs({ args, options: HELP_OPTION, strict: true, allowPositionals: true }),
    );
    if (values.help) return Promise.resolve(help(io, 'help'));
    const [topic, extra] = positionals;
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`, 'help');
    if (topic === undefined) return Promise.resolve(help(io));
    if (!isCommandName(topic)) throw new UsageError(`unknown command "${topic}"`);
    return Promise.resolve(help(io, topic));
  },
};

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h') return help(io);
  if (first === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option "${first}"`);
  if (!isCommandName(first)) throw new UsageError(`unknown command "${first}"`);
  return COMMANDS[first](rest, io);
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`backtrack: ${error.message}\n\n${usage(error.command)}`);
    return EXIT_USAGE;
  }
  if (error instanceof DomainError) {
    io.stderr.write(
      `backtrack: ${error.message}\n${error.details.map((d) => `  - ${d}\n`).join('')}`,
    );
    return EXIT_CODES[error.code];
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`backtrack: internal error: ${message}\n`);
  return 1;
}

/**
 * Runs the `backtrack` command line `argv` (without `node` and the script)
 * and resolves with the exit status: 0 done, 1 internal error, 2 bad
 * arguments or input, 130 interview cancelled.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}
