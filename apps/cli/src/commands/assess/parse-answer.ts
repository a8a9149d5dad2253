/**
 * Turns one typed line into an answer for a question, or a session command
 * (`b` back, `s` skip, `r` results, `?` help), or a message saying what was
 * expected. The core's `normaliseAnswer` is the final check, so the CLI never
 * accepts a value the engine would reject.
 */
import {
  BODY_REGION_LABELS,
  BODY_REGIONS,
  normaliseAnswer,
  type AnswerValue,
  type Option,
  type Question,
} from '@backtrack/core';

/** Commands available at every prompt. */
export type SessionCommand = 'back' | 'skip' | 'results' | 'help';

/** What a typed line means. */
export type ParsedInput =
  | { kind: 'command'; command: SessionCommand }
  | { kind: 'answer'; value: AnswerValue }
  | { kind: 'invalid'; message: string };

const COMMANDS: Readonly<Record<string, SessionCommand>> = {
  b: 'back',
  back: 'back',
  s: 'skip',
  skip: 'skip',
  r: 'results',
  results: 'results',
  '?': 'help',
  h: 'help',
  help: 'help',
};

const YES_NO: Readonly<Record<string, 'yes' | 'no' | 'unsure'>> = {
  y: 'yes',
  yes: 'yes',
  n: 'no',
  no: 'no',
  u: 'unsure',
  unsure: 'unsure',
  'not sure': 'unsure',
  "don't know": 'unsure',
  'dont know': 'unsure',
  dk: 'unsure',
};

/** The numbered choices of a single, multi or body-region question. */
export function choicesOf(question: Question): readonly Option[] {
  if (question.type === 'body_regions') {
    return BODY_REGIONS.map((id) => ({ id, label: BODY_REGION_LABELS[id] }));
  }
  return question.options ?? [];
}

/** How to answer a question, in one line. */
export function answerFormat(question: Question): string {
  const min = question.min ?? 0;
  const max = question.max ?? 10;
  switch (question.type) {
    case 'yes_no':
      return 'Type y (yes), n (no) or u (unsure).';
    case 'single':
      return 'Type the number of one answer.';
    case 'multi':
      return 'Type the numbers of all that apply, separated by commas (for example 1,3).';
    case 'body_regions':
      return 'Type the numbers of every place, separated by commas (for example 2,4).';
    case 'number':
      return `Type a number from ${min} to ${max}${question.unit ? ` (${question.unit})` : ''}.`;
    case 'scale':
      return `Type a whole number from ${min} to ${max}.`;
  }
}

function pick(choices: readonly Option[], token: string): string | undefined {
  if (/^\d+$/.test(token)) return choices[Number(token) - 1]?.id;
  return choices.find((c) => c.id === token)?.id;
}

function parseChoices(question: Question, text: string): ParsedInput {
  const choices = choicesOf(question);
  const tokens = text.split(/[\s,;]+/).filter((t) => t.length > 0);
  const range = `1 to ${choices.length}`;
  if (question.type === 'single') {
    const [token] = tokens;
    const id = tokens.length === 1 && token !== undefined ? pick(choices, token) : undefined;
    return id === undefined
      ? { kind: 'invalid', message: `Type one number from ${range}.` }
      : { kind: 'answer', value: id };
  }
  const ids: string[] = [];
  for (const token of tokens) {
    const id = pick(choices, token);
    if (id === undefined) {
      return { kind: 'invalid', message: `"${token}" is not a choice. Use numbers from ${range}.` };
    }
    ids.push(id);
  }
  if (ids.length === 0) {
    return { kind: 'invalid', message: `Type at least one number from ${range}.` };
  }
  return { kind: 'answer', value: ids };
}

function parseNumber(question: Question, text: string): ParsedInput {
  const match = /^(-?\d+(?:[.,]\d+)?)\s*(.*)$/.exec(text);
  const unit = question.unit?.toLowerCase();
  const digits = match?.[1];
  const suffix = match?.[2] ?? '';
  if (digits === undefined || (suffix !== '' && suffix !== unit)) {
    return { kind: 'invalid', message: answerFormat(question) };
  }
  const value = Number(digits.replace(',', '.'));
  if (question.type === 'scale' && !Number.isInteger(value)) {
    return { kind: 'invalid', message: answerFormat(question) };
  }
  return { kind: 'answer', value };
}

/**
 * Parses a typed line for `question`. Commands are recognised first; then the
 * line is read according to the question's type and checked by the core.
 */
export function parseAnswer(question: Question, line: string): ParsedInput {
  const text = line.trim().toLowerCase().replaceAll('’', "'").replace(/\s+/g, ' ');
  const command = COMMANDS[text];
  if (command !== undefined) return { kind: 'command', command };
  if (text === '')
    return { kind: 'invalid', message: `${answerFormat(question)} Type ? for help.` };

  let parsed: ParsedInput;
  switch (question.type) {
    case 'yes_no': {
      const value = YES_NO[text];
      parsed =
        value === undefined
          ? { kind: 'invalid', message: answerFormat(question) }
          : { kind: 'answer', value };
      break;
    }
    case 'single':
    case 'multi':
    case 'body_regions':
      parsed = parseChoices(question, text);
      break;
    case 'number':
    case 'scale':
      parsed = parseNumber(question, text);
      break;
  }
  if (parsed.kind !== 'answer') return parsed;

  const checked = normaliseAnswer(question, parsed.value);
  if (checked.value === undefined) {
    const range = question.type === 'number' || question.type === 'scale';
    return {
      kind: 'invalid',
      message: range
        ? answerFormat(question)
        : (checked.issues[0]?.message ?? answerFormat(question)),
    };
  }
  if (checked.issues.some((i) => i.code === 'contradictory') && Array.isArray(parsed.value)) {
    // "None of these" chosen with other options: the core would drop it silently; ask instead.
    const kept = checked.value;
    const dropped = parsed.value.filter((id) => !(Array.isArray(kept) && kept.includes(id)));
    const labels = choicesOf(question)
      .filter((c) => dropped.includes(c.id))
      .map((c) => `"${c.label}"`);
    return {
      kind: 'invalid',
      message: `${labels.join(' and ')} cannot be combined with other choices. Choose one or the other.`,
    };
  }
  return { kind: 'answer', value: checked.value };
}

/**
 * The line a runner would type to give `value` for `question`: the inverse of
 * `parseAnswer`. Used to script sessions (tests, demos).
 */
export function toTypedInput(question: Question, value: AnswerValue): string {
  if (typeof value === 'number') return String(value);
  const choices = choicesOf(question);
  const numbered = (id: string): string => {
    const i = choices.findIndex((c) => c.id === id);
    return i < 0 ? id : String(i + 1);
  };
  if (typeof value !== 'string') return value.map(numbered).join(',');
  if (question.type === 'yes_no') return value === 'yes' ? 'y' : value === 'no' ? 'n' : 'u';
  return numbered(value);
}
