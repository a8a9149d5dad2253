import { loadKnowledgeBase, type AnswerValue, type Question } from '@backtrack/core';
import { describe, expect, it } from 'vitest';
import { parseAnswer, toTypedInput, type ParsedInput } from './parse-answer.js';

const kb = loadKnowledgeBase();
function question(id: string): Question {
  const q = kb.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} in the knowledge base`);
  return q;
}
const answer = (value: AnswerValue): ParsedInput => ({ kind: 'answer', value });

describe('parseAnswer', () => {
  it.each([
    ['b', 'back'],
    [' BACK ', 'back'],
    ['s', 'skip'],
    ['r', 'results'],
    ['?', 'help'],
  ] as const)('reads %j as the %s command on any question', (line, command) => {
    expect(parseAnswer(question('age'), line)).toEqual({ kind: 'command', command });
    expect(parseAnswer(question('saddle_numbness'), line)).toEqual({ kind: 'command', command });
  });

  it.each([
    ['saddle_numbness', 'y', answer('yes')],
    ['saddle_numbness', 'No', answer('no')],
    ['saddle_numbness', 'u', answer('unsure')],
    ['saddle_numbness', 'not sure', answer('unsure')],
    ['saddle_numbness', 'don’t know', answer('unsure')],
    ['sex', '2', answer('male')],
    ['sex', 'female', answer('female')],
    ['worse_with', '1, 4', answer(['running', 'sitting'])],
    ['worse_with', '1 1 4', answer(['running', 'sitting'])],
    ['pain_map', '2,5', answer(['low_back_centre', 'buttock_right'])],
    ['age', '34', answer(34)],
    ['age', '34 years', answer(34)],
    ['weekly_km', '42,5', answer(42.5)],
    ['pain_now', '0', answer(0)],
  ] as const)('%s: %j → answer', (id, line, expected) => {
    expect(parseAnswer(question(id), line)).toEqual(expected);
  });

  it.each([
    ['saddle_numbness', 'maybe', /y \(yes\), n \(no\) or u \(unsure\)/],
    ['sex', '9', /one number from 1 to 3/],
    ['sex', '1,2', /one number/],
    ['worse_with', '1,99', /"99" is not a choice/],
    ['worse_with', '1,15', /"None of these" cannot be combined/],
    ['age', '5', /from 10 to 100 \(years\)/],
    ['age', '34 km', /from 10 to 100/],
    ['age', 'thirty', /number/],
    ['pain_now', '4.5', /whole number from 0 to 10/],
    ['pain_now', '11', /whole number from 0 to 10/],
    ['pain_map', '', /numbers of every place/],
  ])('%s: %j → invalid', (id, line, message) => {
    const parsed = parseAnswer(question(id), line);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' ? parsed.message : '').toMatch(message);
  });
});

describe('toTypedInput', () => {
  it('is the inverse of parseAnswer for a value of every question', () => {
    for (const q of kb.questions) {
      const value: AnswerValue =
        q.type === 'yes_no'
          ? 'unsure'
          : q.type === 'number' || q.type === 'scale'
            ? (q.max ?? 10)
            : q.type === 'body_regions'
              ? ['low_back_left', 'below_knee_right']
              : q.type === 'single'
                ? (q.options?.at(-1)?.id ?? '')
                : [q.options?.[0]?.id ?? ''];
      expect(parseAnswer(q, toTypedInput(q, value)), q.id).toEqual(answer(value));
    }
  });
});
