import {
  isApplicable,
  loadKnowledgeBase,
  runInterview,
  withDerivedFacts,
  type Answers,
} from '@backtrack/core';
import { describe, expect, it } from 'vitest';
import { runInterviewSession, scriptedInput, type SessionOutcome } from './interview-session.js';
import { createMemoryIo } from '../../io/memory-io.js';
import { runCli } from '../../run-cli.js';
import { exampleAnswers } from '../../testing.js';
import { createStyle } from '../../io/style.js';

const kb = loadKnowledgeBase();
const desk = exampleAnswers('desk-runner');
const redFlagIds = kb.questions.filter((q) => q.redFlag).map((q) => q.id);
/** The desk runner's answers to the warning-sign questions only. */
const deskRedFlags: Answers = Object.fromEntries(
  Object.entries(desk).filter(([id]) => redFlagIds.includes(id)),
);

/** Runs a session over in-memory streams with the given typed lines. */
async function session(lines: string[], mode: 'adaptive' | 'full' = 'adaptive') {
  const memory = createMemoryIo({ input: lines.map((l) => `${l}\n`).join('') });
  const outcome = await runInterviewSession(kb, {
    mode,
    input: memory.io.stdin,
    output: memory.io.stdout,
    style: createStyle({ colour: false }),
  });
  return { outcome, output: flat(memory.stdout()) };
}

/** Output with runs of whitespace collapsed, so wrapped sentences match. */
const flat = (text: string) => text.replace(/[ \t]*\n[ \t]*(?=\S)/g, ' ');

function finished(outcome: SessionOutcome) {
  if (outcome.kind !== 'finished') throw new Error('the session was cancelled');
  return outcome;
}

describe('interactive assessment over streams', () => {
  it('asks the warning-sign questions first and shows progress and the section', async () => {
    const { outcome, output } = await session(scriptedInput(kb, desk, { mode: 'adaptive' }));
    const done = finished(outcome);
    expect(done.interview.questionsAsked.slice(0, 2)).toEqual(['age', 'sex']);
    expect(done.interview.endedBecause).toMatch(/^(stable|complete)$/);
    expect(output).toMatch(
      /Question 1 · about \d+ left \(warning signs first\) · About you How old are you\?/,
    );
    expect(output).toMatch(/Question \d+ · about \d+ left · Your symptoms/);
    expect(output).toMatch(/> 34\s/);
    // The same answers through the engine's scripted interview give the same result.
    const scripted = runInterview(kb, (q) => desk[q.id], { mode: 'adaptive' });
    expect(done.interview.questionsAsked).toEqual(scripted.questionsAsked);
    expect(done.result).toEqual(scripted.result);
  });

  it('full mode asks every applicable question', async () => {
    const { outcome } = await session(scriptedInput(kb, desk, { mode: 'full' }), 'full');
    const done = finished(outcome);
    expect(done.interview.endedBecause).toBe('complete');
    const facts = withDerivedFacts(desk);
    const applicable = kb.questions.filter((q) => isApplicable(q, facts)).map((q) => q.id);
    expect([...done.interview.questionsAsked].sort()).toEqual(applicable.sort());
    expect(done.result.risk.level).not.toBeNull();
  });

  it('b goes back and undoes the last answer', async () => {
    const { outcome, output } = await session(['b', '34', '2', 'b', 'b', '41', '1', 'r']);
    const done = finished(outcome);
    expect(output).toContain('Nothing to go back to yet');
    expect(output).toContain('Went back: your answer to the previous question ("Male") is undone.');
    expect(output).toContain(
      'Went back: your answer to the previous question ("34 years") is undone.',
    );
    expect(done.answers).toEqual({ age: 41, sex: 'female' });
    expect(done.interview.questionsAsked).toEqual(['age', 'sex']);
  });

  it('refuses s on a warning-sign question and points to "unsure"', async () => {
    const lines = scriptedInput(kb, deskRedFlags, { mode: 'adaptive' });
    const { questionsAsked } = runInterview(kb, (q) => deskRedFlags[q.id], { mode: 'adaptive' });
    const at = questionsAsked.indexOf('saddle_numbness');
    expect(at).toBeGreaterThan(0);
    const script = [...lines.slice(0, at), 's', 'u', 'r'];
    const { outcome, output } = await session(script);
    const done = finished(outcome);
    expect(output).toContain(
      'This is a warning-sign question, so it cannot be skipped. If you do not know, answer u (unsure).',
    );
    expect(done.answers.saddle_numbness).toBe('unsure');
    expect(done.result.triage.reasons.map((r) => r.id)).toContain('unsure_warning_signs');
  });

  it('refuses s on a warning-sign question without an "unsure" answer, too', async () => {
    const { outcome, output } = await session(['s', '34', 'r']);
    expect(output).toContain('cannot be skipped. Choose the answer that fits best.');
    expect(finished(outcome).answers).toEqual({ age: 34 });
  });

  it('allows s on other questions; the skipped question counts as asked but unanswered', async () => {
    const lines = [...scriptedInput(kb, deskRedFlags, { mode: 'adaptive' }), 's', 'r'];
    const { outcome, output } = await session(lines);
    const done = finished(outcome);
    expect(output).toContain('Skipped.');
    const skipped = done.interview.questionsAsked.at(-1) ?? '';
    expect(redFlagIds).not.toContain(skipped);
    expect(done.answers[skipped]).toBeUndefined();
  });

  it('r during the warning-sign screen gives no verdict: it names the questions still to answer', async () => {
    const memory = createMemoryIo({ input: '34\n2\nr\n' });
    const code = await runCli(['assess'], memory.io);
    const out = flat(memory.stdout());
    expect(code).toBe(0);
    expect(out).toContain('ended because you asked for the results early');
    expect(out).toContain('NO RESULT YET');
    expect(out).toContain('Still to answer:');
    expect(out).toContain('numbness around the saddle area');
    expect(out).not.toMatch(/SELF-CARE|SEE A CLINICIAN|URGENT/);
    expect(out).toContain('not a diagnosis');
  });

  it('? shows help for the question and the commands', async () => {
    const { output } = await session(['?', 'r']);
    expect(output).toContain('b  go back and undo your last answer');
    expect(output).toContain('warning-sign questions cannot be skipped');
  });

  it('asks again after an invalid answer', async () => {
    const { outcome, output } = await session(['200', 'abc', '34', 'r']);
    expect(
      output.match(/Type a number from 10 to 100 \(years\)\./g)?.length,
    ).toBeGreaterThanOrEqual(3);
    expect(finished(outcome).answers).toEqual({ age: 34 });
  });

  it('an emergency answer ends the interview at once with what to do now', async () => {
    const lines = scriptedInput(
      kb,
      { ...deskRedFlags, saddle_numbness: 'yes' },
      { mode: 'adaptive' },
    );
    const memory = createMemoryIo({
      input: [...lines, '1', '2', '3'].map((l) => `${l}\n`).join(''),
    });
    const code = await runCli(['assess'], memory.io);
    const out = flat(memory.stdout());
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('y');
    expect(out).toContain('EMERGENCY: WHAT TO DO NOW');
    expect(out).toContain('an answer needs emergency care, so the interview stopped at once');
    expect(out.indexOf('EMERGENCY: WHAT TO DO NOW')).toBeGreaterThan(out.lastIndexOf('> y'));
  });

  it('when the input ends early, assesses the answers so far', async () => {
    const { outcome } = await session(['34']);
    const done = finished(outcome);
    expect(done.interview.endedBecause).toBe('input_ended');
    expect(done.answers).toEqual({ age: 34 });
  });
});
