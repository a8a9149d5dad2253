/**
 * Prints the engine's scores on the encoded case cards in full and adaptive
 * mode. Run: `npx tsx scripts/vignette-report.ts` (add `--cases` for each card).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCases, loadKnowledgeBase, type CaseFile } from '@backtrack/core';

const load = (folder: string): CaseFile[] => {
  const dir = fileURLToPath(new URL(`../packages/core/src/assessment/${folder}/`, import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as CaseFile);
};
// The public cards (cases/), the project's own safety cards (safety-cases/), or both (default).
const set = process.argv.find((a) => a.startsWith('--set='))?.slice('--set='.length) ?? 'all';
const cases = [
  ...(set === 'all' || set === 'public' ? load('cases') : []),
  ...(set === 'all' || set === 'safety' ? load('safety-cases') : []),
];
const kb = loadKnowledgeBase();
const showCases = process.argv.includes('--cases');
console.log(`${cases.length} cards (${set})`);

for (const mode of ['full', 'adaptive'] as const) {
  const r = evaluateCases(kb, cases, mode);
  const pct = (n: number, d: number) => `${n}/${d} (${Math.round((100 * n) / d)}%)`;
  console.log(`\n## ${mode} mode`);
  console.log(`exact triage:                  ${pct(r.exactTriage, r.cases)}`);
  console.log(
    `red-flag cards at tier or above: ${pct(r.redFlagCardsAtOrAboveTier.hit, r.redFlagCardsAtOrAboveTier.of)}`,
  );
  console.log(
    `under-triaged:                 ${r.underTriaged.length ? r.underTriaged.join(', ') : 'none'}`,
  );
  console.log(
    `non-emergency cards → emergency: ${r.nonRedFlagCardsTriagedEmergency.length ? r.nonRedFlagCardsTriagedEmergency.join(', ') : 'none'}`,
  );
  console.log(`primary contributor in top 3:  ${pct(r.top3Hits, r.cases)}`);
  if (r.medianRankingQuestions !== undefined)
    console.log(
      `median questions after the red-flag screen (non-emergency cards): ${r.medianRankingQuestions}`,
    );
  if (showCases)
    for (const o of r.outcomes)
      console.log(
        `  ${o.primaryInTop3 ? '✓' : '✗'} ${o.card.padEnd(38)} ${o.tier.padEnd(14)} (expected ${o.expectedTier}) top3: ${o.top3.join(', ')}${o.rankingQuestions === undefined ? '' : ` · ${o.rankingQuestions} q`}`,
      );
}
