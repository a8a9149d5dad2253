/**
 * The interactive interview in a terminal (or over any pair of streams): one
 * question at a time, chosen by the core's `nextQuestion`, with progress, the
 * section, and the commands `b` back, `s` skip, `r` results and `?` help at
 * every prompt. Warning-sign questions cannot be skipped (docs/architecture.md,
 * "adaptive questioning"); an emergency answer ends the interview at once. Answers implied by
 * imported runs are offered as defaults (Enter accepts, a typed answer wins);
 * an accepted one carries its provenance into the assessment.
 */
import {
  assess,
  formatAnswer,
  isApplicable,
  nextQuestion,
  runInterview,
  withDerivedFacts,
  type AnswerValue,
  type Answers,
  type AssessmentResult,
  type InterviewState,
  type KnowledgeBase,
  type NextStep,
  type Question,
  type TrainingAnswer,
  SECTION_TITLES,
} from '@backtrack/core';
import type { InputStream, OutputStream } from '../../io/cli-io.js';
import { LineReader } from '../../io/line-reader.js';
import { answerFormat, choicesOf, parseAnswer, toTypedInput } from './parse-answer.js';
import type { EndReason, InterviewSummary } from './render-report.js';
import { outputWidth, wrap, type Style } from '../../io/style.js';

/** Options of an interactive session. */
export interface InterviewSessionOptions {
  /** `adaptive` asks the most informative questions; `full` asks every applicable one. */
  mode: 'adaptive' | 'full';
  input: InputStream;
  output: OutputStream;
  style: Style;
  /**
   * Answers implied by imported runs, by question id, offered as defaults
   * (never for warning-sign questions). The runner's typed answer wins.
   */
  defaults?: Readonly<Record<string, TrainingAnswer>>;
  /**
   * The reader to take the runner's lines from, when the caller reads more
   * after the interview (and closes it); by default the session makes one
   * over `input` and closes it at the end.
   */
  reader?: LineReader;
}

/** How a session ended: with a result, or cancelled (Ctrl-C) with none. */
export type SessionOutcome =
  | {
      kind: 'finished';
      answers: Answers;
      result: AssessmentResult;
      interview: InterviewSummary;
      /** Defaults from imported runs the runner accepted (and kept), by question id. */
      fromImportedRuns: Record<string, TrainingAnswer>;
      /** Questions offered a default where the runner typed an answer of their own. */
      runnerAnswered: string[];
    }
  | { kind: 'cancelled' };

type Turn =
  | { kind: 'answered'; value: AnswerValue; fromRuns?: boolean }
  | { kind: 'skipped' }
  | { kind: 'back' }
  | { kind: 'end'; reason: EndReason }
  | { kind: 'cancelled' };

const COMMAND_HINT = 'b back · s skip · r results now · ? help';
const RED_FLAG_COMMAND_HINT = 'b back · r results now · ? help';

function progressLine(
  kb: KnowledgeBase,
  state: InterviewState,
  step: Extract<NextStep, { done: false }>,
  mode: InterviewSessionOptions['mode'],
): string {
  const n = state.asked.length + 1;
  let left: number;
  let where = '';
  if (mode === 'full') {
    const facts = withDerivedFacts(state.answers);
    const asked = new Set(state.asked);
    left = kb.questions.filter((q) => !asked.has(q.id) && isApplicable(q, facts)).length - 1;
  } else {
    // The engine's estimate for the whole adaptive interview (it stops once the ranking is stable).
    left = step.progress.remainingEstimate - 1;
    if (step.stage === 'red_flags') where = ' (warning signs first)';
  }
  const count = where !== '' && left <= 0 ? 'last question' : `about ${Math.max(0, left)} left`;
  return `Question ${n} · ${count}${where} · ${SECTION_TITLES[step.question.section]}`;
}

function skipRefusal(question: Question): string {
  return question.type === 'yes_no'
    ? 'This is a warning-sign question, so it cannot be skipped. If you do not know, answer u (unsure).'
    : 'This is a warning-sign question, so it cannot be skipped. Choose the answer that fits best.';
}

function renderQuestion(question: Question, progress: string, style: Style, width: number): string {
  const lines = ['', style.cyan(progress), style.bold(wrap(question.text, { width }))];
  const choices = question.type === 'yes_no' ? [] : choicesOf(question);
  const pad = String(choices.length).length;
  choices.forEach((c, i) => {
    lines.push(
      wrap(c.label, {
        width,
        first: `  ${String(i + 1).padStart(pad)}) `,
        indent: ' '.repeat(pad + 4),
      }),
    );
  });
  lines.push(style.dim(wrap(answerFormat(question), { width, indent: '  ' })));
  if (question.redFlag) {
    const note =
      question.type === 'yes_no'
        ? 'Warning-sign question: it cannot be skipped; answer u if you are unsure.'
        : 'Warning-sign question: it cannot be skipped; choose the answer that fits best.';
    lines.push(style.yellow(wrap(note, { width, indent: '  ' })));
  }
  lines.push(style.dim(`  ${question.redFlag ? RED_FLAG_COMMAND_HINT : COMMAND_HINT}`));
  return lines.join('\n');
}

const FROM_RUNS = 'From your imported runs: ';

/** The default from imported runs under a question: what the runs say, and how to accept it. */
function renderDefault(
  question: Question,
  answer: TrainingAnswer,
  style: Style,
  width: number,
): string {
  const said = answer.statement.startsWith(FROM_RUNS)
    ? answer.statement.slice(FROM_RUNS.length)
    : answer.statement;
  return style.green(
    wrap(
      `${FROM_RUNS}${said} → "${formatAnswer(question, answer.value)}" — press Enter to accept, or type your own answer.`,
      { width, indent: '  ' },
    ),
  );
}

function renderHelp(question: Question, width: number, hasDefault: boolean): string {
  const lines = ['', 'Help'];
  if (question.help !== undefined) lines.push(wrap(question.help, { width, indent: '  ' }));
  lines.push(wrap(answerFormat(question), { width, indent: '  ' }));
  if (hasDefault) lines.push('  Enter  accept the answer from your imported runs');
  lines.push('  b  go back and undo your last answer');
  lines.push(
    question.redFlag
      ? '  s  skip a question (not this one: warning-sign questions cannot be skipped)'
      : '  s  skip this question (it counts as unknown)',
  );
  lines.push('  r  stop now and show the results for your answers so far');
  lines.push('  ?  show this help');
  lines.push('  Ctrl-C cancels without results.');
  return lines.join('\n');
}

/**
 * Runs the interview over the given streams and returns the assessment of
 * the answers given. Ends on an emergency, when the engine is done, on `r`,
 * or when the input ends (answers so far are assessed).
 */
export async function runInterviewSession(
  kb: KnowledgeBase,
  options: InterviewSessionOptions,
): Promise<SessionOutcome> {
  const { mode, output, style } = options;
  const defaults = options.defaults ?? {};
  const defaultFor = (question: Question): TrainingAnswer | undefined =>
    question.redFlag ? undefined : defaults[question.id];
  /** Questions answered by accepting the default from imported runs. */
  const accepted = new Set<string>();
  /** Questions offered a default where the runner typed their own answer. */
  const overridden = new Set<string>();
  const width = outputWidth(output);
  const say = (text: string) => {
    output.write(`${text}\n`);
  };
  const answers = new Map<string, AnswerValue>();
  const state = (): InterviewState => ({ answers: Object.fromEntries(answers), asked });
  const asked: string[] = [];
  const reader = options.reader ?? new LineReader(options.input, output);
  const finish = (endedBecause: EndReason): SessionOutcome => {
    const fromImportedRuns: Record<string, TrainingAnswer> = {};
    for (const id of accepted) {
      const answer = defaults[id];
      if (answer && answers.has(id)) fromImportedRuns[id] = answer;
    }
    const provenance = Object.fromEntries(
      Object.entries(fromImportedRuns).map(([id, a]) => [id, a.statement]),
    );
    return {
      kind: 'finished',
      answers: Object.fromEntries(answers),
      result: assess(kb, Object.fromEntries(answers), [], { provenance }),
      interview: { questionsAsked: [...asked], endedBecause },
      fromImportedRuns,
      runnerAnswered: [...overridden].filter((id) => answers.has(id)),
    };
  };

  const ask = async (question: Question): Promise<Turn> => {
    const fallback = defaultFor(question);
    for (;;) {
      const line = await reader.ask('> ');
      if (line === null)
        return reader.wasInterrupted
          ? { kind: 'cancelled' }
          : { kind: 'end', reason: 'input_ended' };
      if (fallback && line.trim() === '')
        return { kind: 'answered', value: fallback.value, fromRuns: true };
      const parsed = parseAnswer(question, line);
      if (parsed.kind === 'answer') return { kind: 'answered', value: parsed.value };
      if (parsed.kind === 'invalid') {
        say(style.yellow(wrap(parsed.message, { width, indent: '  ' })));
        continue;
      }
      switch (parsed.command) {
        case 'help':
          say(renderHelp(question, width, fallback !== undefined));
          continue;
        case 'skip':
          if (question.redFlag) {
            say(style.yellow(wrap(skipRefusal(question), { width, indent: '  ' })));
            continue;
          }
          return { kind: 'skipped' };
        case 'back':
          if (asked.length === 0) {
            say(style.yellow('  Nothing to go back to yet: this is the first question.'));
            continue;
          }
          return { kind: 'back' };
        case 'results':
          return { kind: 'end', reason: 'stopped' };
      }
    }
  };

  try {
    say(style.bold('Backtrack: lower back pain check for runners'));
    say(
      wrap(
        'This is not a diagnosis. Warning-sign questions come first and cannot be skipped. ' +
          (mode === 'adaptive'
            ? 'Only the questions that matter most for you are asked (use --full for every question).'
            : 'Every question that applies to you is asked.'),
        { width },
      ),
    );
    say(style.dim(`At any prompt: ${COMMAND_HINT}`));
    for (;;) {
      const step = nextQuestion(kb, state(), { mode });
      if (step.done) return finish(step.reason);
      const { question } = step;
      say(renderQuestion(question, progressLine(kb, state(), step, mode), style, width));
      const fallback = defaultFor(question);
      if (fallback) say(renderDefault(question, fallback, style, width));
      const turn = await ask(question);
      switch (turn.kind) {
        case 'answered':
          answers.set(question.id, turn.value);
          asked.push(question.id);
          if (turn.fromRuns) {
            accepted.add(question.id);
            overridden.delete(question.id);
          } else if (fallback) {
            accepted.delete(question.id);
            overridden.add(question.id);
          }
          break;
        case 'skipped':
          asked.push(question.id);
          accepted.delete(question.id);
          overridden.delete(question.id);
          say(style.dim('  Skipped.'));
          break;
        case 'back': {
          const previousId = asked.pop() ?? '';
          const previous = kb.questions.find((q) => q.id === previousId);
          const value = answers.get(previousId);
          answers.delete(previousId);
          accepted.delete(previousId);
          overridden.delete(previousId);
          const was =
            previous && value !== undefined ? `"${formatAnswer(previous, value)}"` : 'skipped';
          say(style.dim(`  Went back: your answer to the previous question (${was}) is undone.`));
          break;
        }
        case 'end':
          return finish(turn.reason);
        case 'cancelled':
          return { kind: 'cancelled' };
      }
    }
  } finally {
    if (!options.reader) reader.close();
  }
}

/**
 * The lines to type for a session that gives `answers` (questions without an
 * answer are skipped with `s`; warning-sign questions must be answered),
 * computed with the same engine the session uses. For tests and demos: `scriptedInput(kb, answers, { mode }).join('\n')`.
 */
export function scriptedInput(
  kb: KnowledgeBase,
  answers: Answers,
  options: { mode: InterviewSessionOptions['mode'] },
): string[] {
  const run = runInterview(kb, (q) => answers[q.id], { mode: options.mode });
  const byId = new Map(kb.questions.map((q) => [q.id, q]));
  return run.questionsAsked.map((id) => {
    const question = byId.get(id);
    const value = answers[id];
    if (question && value !== undefined) return toTypedInput(question, value);
    // `s` is refused on a warning-sign question, so a script without its answer would drift.
    if (question?.redFlag)
      throw new Error(`scriptedInput: no answer for warning-sign question ${id}`);
    return 's';
  });
}
