/**
 * Benchmark of the assessment engine over the whole knowledge base:
 * choosing the next question (adaptive, the expensive step) and scoring a
 * full answer set. Run: `npm run bench` (or `npx tsx bench/assessment.bench.ts`).
 * Prints one JSON line per measurement; results are recorded in bench/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  assess,
  loadKnowledgeBase,
  nextQuestion,
  ruleQuestionIds,
  runInterview,
  validateAnswers,
} from '@backtrack/core';

const kb = loadKnowledgeBase();
const dir = fileURLToPath(new URL('../packages/core/src/assessment/cases/', import.meta.url));
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      validateAnswers(
        kb,
        (JSON.parse(readFileSync(dir + f, 'utf8')) as { answers: Record<string, unknown> }).answers,
      ).answers,
  );

function measure(name: string, iterations: number, fn: (i: number) => void): void {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  console.log(
    JSON.stringify({
      name,
      iterations,
      meanMs: +mean.toFixed(4),
      p50Ms: +pick(0.5).toFixed(4),
      p99Ms: +pick(0.99).toFixed(4),
      perSecond: Math.round(1000 / mean),
    }),
  );
}

// Next question right after the screen (red flags and the questions triage rules read): the
// expected information gain of every open question is computed, the expensive step.
const screenIds = new Set([
  ...kb.questions.filter((q) => q.redFlag).map((q) => q.id),
  ...kb.triageRules.flatMap((t) => ruleQuestionIds(t.rule)),
  'other_injuries',
]);
const screenAsked = [...screenIds].filter((id) => !id.startsWith('sb_'));
const screenOnly = cases
  .map((answers) => Object.fromEntries(Object.entries(answers).filter(([id]) => screenIds.has(id))))
  .filter((answers) => {
    const step = nextQuestion(kb, { answers, asked: screenAsked }, { mode: 'adaptive' });
    return !step.done && step.stage === 'ranking';
  });
measure('nextQuestion by information gain, after the screen', 2000, (i) => {
  const answers = screenOnly[i % screenOnly.length] ?? {};
  nextQuestion(kb, { answers, asked: screenAsked }, { mode: 'adaptive' });
});
measure('assess (score) a full answer set', 5000, (i) => {
  assess(kb, cases[i % cases.length] ?? {});
});
measure('whole adaptive interview', 200, (i) => {
  const answers = cases[i % cases.length] ?? {};
  runInterview(kb, (q) => answers[q.id], { mode: 'adaptive' });
});
console.log(
  JSON.stringify({
    questions: kb.questions.length,
    contributors: kb.contributors.length,
    effects: kb.questions.reduce((n, q) => n + q.effects.length, 0),
    node: process.version,
  }),
);
