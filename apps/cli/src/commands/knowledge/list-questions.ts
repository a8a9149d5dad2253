/** `backtrack questions`: every question of the interview, as JSON or text. */
import {
  describeRule,
  type AnswerType,
  type KnowledgeBase,
  type Option,
  type Rule,
  type Section,
  SECTION_TITLES,
} from '@backtrack/core';
import { choicesOf } from '../assess/parse-answer.js';
import { wrap, type Style } from '../../io/style.js';

/** One question as listed by `backtrack questions --json`; absent fields are `null`. */
export interface QuestionDto {
  id: string;
  text: string;
  help: string | null;
  type: AnswerType;
  section: Section;
  redFlag: boolean;
  /** Choices of single, multi and body-region questions. */
  options: Option[] | null;
  unit: string | null;
  min: number | null;
  max: number | null;
  /** Follow-up condition: asked only when this rule holds. */
  askIf: Rule | null;
}

/** Every question, in interview order. */
export function listQuestions(kb: KnowledgeBase): QuestionDto[] {
  return kb.questions.map((q) => ({
    id: q.id,
    text: q.text,
    help: q.help ?? null,
    type: q.type,
    section: q.section,
    redFlag: q.redFlag,
    options:
      q.type === 'single' || q.type === 'multi' || q.type === 'body_regions'
        ? [...choicesOf(q)]
        : null,
    unit: q.unit ?? null,
    min: q.min ?? (q.type === 'scale' ? 0 : null),
    max: q.max ?? (q.type === 'scale' ? 10 : null),
    askIf: q.askIf ?? null,
  }));
}

function typeText(q: QuestionDto): string {
  switch (q.type) {
    case 'yes_no':
      return 'yes / no / unsure';
    case 'single':
      return 'one of';
    case 'multi':
      return 'any of';
    case 'body_regions':
      return 'body regions, any of';
    case 'number':
      return `number, ${q.min ?? '?'}–${q.max ?? '?'}${q.unit === null ? '' : ` ${q.unit}`}`;
    case 'scale':
      return `scale, ${q.min ?? 0}–${q.max ?? 10}`;
  }
}

/** The questions as readable text, grouped by section. */
export function renderQuestions(
  questions: readonly QuestionDto[],
  options: { style: Style; width: number },
): string {
  const { style, width } = options;
  const lines: string[] = [];
  let section: Section | undefined;
  for (const q of questions) {
    if (q.section !== section) {
      section = q.section;
      lines.push('', style.bold(SECTION_TITLES[section]));
    }
    const flag = q.redFlag ? ` ${style.yellow('[warning sign]')}` : '';
    lines.push(`  ${style.cyan(q.id)}  ${style.dim(typeText(q))}${flag}`);
    lines.push(wrap(q.text, { width, indent: '      ' }));
    for (const o of q.options ?? [])
      lines.push(
        style.dim(wrap(`${o.id}: ${o.label}`, { width, first: '      - ', indent: '        ' })),
      );
    if (q.askIf !== null)
      lines.push(
        style.dim(wrap(`asked only if ${describeRule(q.askIf)}`, { width, indent: '      ' })),
      );
  }
  lines.push(
    '',
    `${questions.length} questions; ${questions.filter((q) => q.redFlag).length} are warning-sign questions.`,
  );
  return `${lines.join('\n').trimStart()}\n`;
}
