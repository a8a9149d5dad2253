import { describe, expect, it } from 'vitest';
import type { QuestionDto } from '../../shared/api/types.js';
import {
  draftFromValue,
  formatAnswerValue,
  inDistanceUnit,
  parseDraft,
  toggleOption,
} from './answers.js';

const q = (over: Partial<QuestionDto> & Pick<QuestionDto, 'type'>): QuestionDto => ({
  id: 'q',
  section: 'symptoms',
  text: 'A question for the test?',
  redFlag: false,
  ...over,
});

const age = q({ id: 'age', type: 'number', unit: 'years', min: 10, max: 100 });
const surfaces = q({
  id: 'surfaces',
  type: 'multi',
  options: [
    { id: 'road', label: 'Road' },
    { id: 'trail', label: 'Trail' },
    { id: 'none', label: 'None of these' },
  ],
});

describe('toggleOption', () => {
  it('adds and removes options', () => {
    expect(toggleOption([], 'road')).toEqual(['road']);
    expect(toggleOption(['road'], 'trail')).toEqual(['road', 'trail']);
    expect(toggleOption(['road', 'trail'], 'road')).toEqual(['trail']);
  });

  it('makes "none" exclusive both ways', () => {
    expect(toggleOption(['road', 'trail'], 'none')).toEqual(['none']);
    expect(toggleOption(['none'], 'road')).toEqual(['road']);
  });
});

describe('parseDraft', () => {
  it.each([
    { draft: '35', result: { ok: true, value: 35 } },
    { draft: ' 42,5 ', result: { ok: true, value: 42.5 } },
    { draft: '', result: { ok: false, message: 'Enter a number between 10 and 100 years.' } },
    { draft: 'abc', result: { ok: false, message: 'Enter a number between 10 and 100 years.' } },
    { draft: '9', result: { ok: false, message: 'Enter a number between 10 and 100 years.' } },
    { draft: '101', result: { ok: false, message: 'Enter a number between 10 and 100 years.' } },
  ])('reads number draft "$draft"', ({ draft, result }) => {
    expect(parseDraft(age, draft)).toEqual(result);
  });

  it('needs at least one choice for multi and body-map questions', () => {
    expect(parseDraft(surfaces, [])).toEqual({ ok: false, message: 'Choose at least one answer.' });
    expect(parseDraft(q({ type: 'body_regions' }), [])).toEqual({
      ok: false,
      message: 'Tap at least one place on the body map.',
    });
    expect(parseDraft(surfaces, ['road'])).toEqual({ ok: true, value: ['road'] });
  });

  it('reads scale and yes/no drafts', () => {
    expect(parseDraft(q({ type: 'scale', min: 0, max: 10 }), '0')).toEqual({ ok: true, value: 0 });
    expect(parseDraft(q({ type: 'yes_no' }), 'unsure')).toEqual({ ok: true, value: 'unsure' });
    expect(parseDraft(q({ type: 'yes_no' }), '')).toEqual({
      ok: false,
      message: 'Choose an answer.',
    });
  });

  it('turns a stored answer back into a draft', () => {
    expect(draftFromValue(undefined)).toBe('');
    expect(draftFromValue(7)).toBe('7');
    expect(draftFromValue(['road'])).toEqual(['road']);
  });
});

describe('formatAnswerValue', () => {
  it.each([
    { question: age, value: 35, text: '35 years' },
    { question: q({ type: 'scale' }), value: 4, text: '4 out of 10' },
    { question: q({ type: 'yes_no' }), value: 'unsure', text: 'Not sure' },
    { question: surfaces, value: ['road', 'trail'], text: 'Road, Trail' },
    { question: surfaces, value: [], text: 'None' },
    {
      question: q({ type: 'body_regions' }),
      value: ['low_back_left', 'thigh_back_right'],
      text: 'Low back, left side; Back of right thigh',
    },
  ])('formats $value as "$text"', ({ question, value, text }) => {
    expect(formatAnswerValue(question, value)).toBe(text);
  });
});

describe('inDistanceUnit', () => {
  const weekly = q({ id: 'weekly_km', type: 'number', unit: 'km', min: 0, max: 300 });

  it('shows a question in kilometres in miles and answers in kilometres', () => {
    const { question, toApi } = inDistanceUnit(weekly, 'mi');
    expect(question).toMatchObject({ unit: 'mi', min: 0, max: 186.4 });
    expect(toApi(20)).toBe(32.2);
    expect(toApi(186.4)).toBe(300);
  });

  it('leaves kilometres, and questions in other units, alone', () => {
    expect(inDistanceUnit(weekly, 'km').question).toBe(weekly);
    expect(inDistanceUnit(age, 'mi').question).toBe(age);
    expect(inDistanceUnit(age, 'mi').toApi(35)).toBe(35);
  });
});
