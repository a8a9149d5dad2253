/**
 * Pure helpers for answering a question: turning what the runner typed or
 * tapped into an API answer value (or a message saying what is wrong), and
 * formatting an answer for reading back.
 */
import { toggleOption } from '@backtrack/core';
import type { AnswerValue, QuestionDto } from '../../shared/api/types.js';
import { BODY_REGION_LABELS, isBodyRegion } from './body-regions.js';
import { fromKm, toKm, type DistanceUnit } from '../../shared/lib/units.js';

/** What the runner has entered so far for the current question. */
export type Draft = string | string[];

/** Toggles an option of a multi-choice answer: the core's rule for "none". */
export { toggleOption };

/** The result of reading a draft: a value to send, or a message for the runner. */
export type ParsedAnswer = { ok: true; value: AnswerValue } | { ok: false; message: string };

/** Reads the draft of a question into an answer value the API accepts. */
export function parseDraft(question: QuestionDto, draft: Draft): ParsedAnswer {
  switch (question.type) {
    case 'multi':
    case 'body_regions': {
      const list = Array.isArray(draft) ? draft : draft ? [draft] : [];
      if (list.length === 0) {
        return {
          ok: false,
          message:
            question.type === 'body_regions'
              ? 'Tap at least one place on the body map.'
              : 'Choose at least one answer.',
        };
      }
      return { ok: true, value: list };
    }
    case 'number': {
      const text = (Array.isArray(draft) ? (draft[0] ?? '') : draft).trim().replace(',', '.');
      const unit = question.unit ? ` ${question.unit}` : '';
      const range =
        question.min !== undefined && question.max !== undefined
          ? ` between ${question.min} and ${question.max}${unit}`
          : '';
      if (text === '') return { ok: false, message: `Enter a number${range}.` };
      const value = Number(text);
      if (!Number.isFinite(value)) return { ok: false, message: `Enter a number${range}.` };
      if (
        (question.min !== undefined && value < question.min) ||
        (question.max !== undefined && value > question.max)
      ) {
        return { ok: false, message: `Enter a number${range}.` };
      }
      return { ok: true, value };
    }
    case 'scale': {
      const text = Array.isArray(draft) ? (draft[0] ?? '') : draft;
      if (text === '') return { ok: false, message: 'Choose a number from 0 to 10.' };
      return { ok: true, value: Number(text) };
    }
    case 'yes_no':
    case 'single': {
      const text = Array.isArray(draft) ? (draft[0] ?? '') : draft;
      if (text === '') return { ok: false, message: 'Choose an answer.' };
      return { ok: true, value: text };
    }
  }
}

/** The draft that shows an existing answer (for example after going back). */
export function draftFromValue(value: AnswerValue | undefined): Draft {
  if (value === undefined) return '';
  if (Array.isArray(value)) return [...(value as readonly string[])];
  return String(value);
}

const YES_NO_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };

/** An answer for reading back: option labels, region names, the number with its unit. */
export function formatAnswerValue(question: QuestionDto, value: AnswerValue): string {
  const label = (id: string): string => {
    if (question.type === 'body_regions' && isBodyRegion(id)) return BODY_REGION_LABELS[id];
    if (question.type === 'yes_no') return YES_NO_LABELS[id] ?? id;
    return question.options?.find((o) => o.id === id)?.label ?? id.replaceAll('_', ' ');
  };
  if (Array.isArray(value)) {
    const list = value as readonly string[];
    const separator = question.type === 'body_regions' ? '; ' : ', ';
    return list.length === 0 ? 'None' : list.map(label).join(separator);
  }
  if (typeof value === 'number') {
    if (question.type === 'scale') return `${value} out of 10`;
    return question.unit ? `${value} ${question.unit}` : String(value);
  }
  return label(value as string);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A question as the runner answers it in their distance unit: a question in
 * kilometres is shown in miles when they chose miles, and `toApi` turns the
 * answer back into kilometres (within the question's range). Other questions
 * are unchanged.
 */
export function inDistanceUnit(
  question: QuestionDto,
  unit: DistanceUnit,
): { question: QuestionDto; toApi: (value: AnswerValue) => AnswerValue } {
  if (question.type !== 'number' || question.unit !== 'km' || unit === 'km') {
    return { question, toApi: (value) => value };
  }
  const { min, max } = question;
  return {
    question: {
      ...question,
      unit: 'mi',
      ...(min === undefined ? {} : { min: round1(fromKm(min, 'mi')) }),
      ...(max === undefined ? {} : { max: round1(fromKm(max, 'mi')) }),
    },
    toApi: (value) => {
      if (typeof value !== 'number') return value;
      const km = round1(toKm(value, 'mi'));
      return Math.min(max ?? km, Math.max(min ?? km, km));
    },
  };
}
