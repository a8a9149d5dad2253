/**
 * The engine against the project's case cards (encoded from
 * ../shared/vignettes). Targets from the foundation issue: every red-flag card
 * at its labelled tier or more urgent, no other card triaged emergency, a
 * primary contributor in the top three for at least 90% of cards, and a
 * median of at most 15 adaptive questions after the red-flag screen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { evaluateCases, type CaseFile } from './evaluate-cases.js';

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const safetyDir = fileURLToPath(new URL('./safety-cases/', import.meta.url));
const vignettesDir = fileURLToPath(new URL('../../../../../shared/vignettes/', import.meta.url));

// Every encoded case card of a folder, in file order.
function loadCases(dir = casesDir): CaseFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as CaseFile);
}

const kb = loadKnowledgeBase();
const cases = loadCases();

describe('case files', () => {
  it('encode twenty cards with valid answers', () => {
    expect(cases).toHaveLength(20);
    for (const c of cases) {
      const errors = evaluateCases(kb, [c], 'full').outcomes[0]?.issues.filter(
        (i) => i.severity === 'error',
      );
      expect(errors, c.card).toEqual([]);
    }
  });

  it.runIf(existsSync(vignettesDir))(
    'carry the same labels as the cards in ../shared/vignettes',
    () => {
      for (const c of cases) {
        const card = JSON.parse(readFileSync(`${vignettesDir}${c.card}.json`, 'utf8')) as {
          expected: unknown;
        };
        expect(c.expected, c.card).toEqual(card.expected);
      }
    },
  );
});

describe.each(['full', 'adaptive'] as const)('%s mode', (mode) => {
  const report = evaluateCases(kb, cases, mode);

  it('triages every red-flag card at its labelled tier or more urgent', () => {
    const redFlagCards = report.outcomes.filter(
      (o) => o.expectedTier === 'emergency' || o.expectedTier === 'urgent_doctor',
    );
    expect(redFlagCards.length).toBeGreaterThanOrEqual(8);
    for (const o of redFlagCards)
      expect(o.tierDelta, `${o.card}: ${o.tier}`).toBeGreaterThanOrEqual(0);
  });

  it('under-triages no card at all', () => {
    expect(report.underTriaged).toEqual([]);
  });

  it('triages no non-emergency card as an emergency', () => {
    expect(report.nonRedFlagCardsTriagedEmergency).toEqual([]);
  });

  it('raises every labelled serious condition', () => {
    for (const o of report.outcomes) {
      // An emergency ends the adaptive interview; later flags are not asked, by design.
      if (mode === 'adaptive' && o.tier === 'emergency') continue;
      expect(o.seriousMissed, o.card).toEqual([]);
    }
  });

  it('puts a primary contributor in the top three for at least 90% of cards', () => {
    const misses = report.outcomes
      .filter((o) => !o.primaryInTop3)
      .map((o) => `${o.card}: ${o.top3.join(', ')}`);
    expect(report.top3Rate, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  if (mode === 'adaptive') {
    it('asks what the plan needs on every card that is not an emergency', () => {
      for (const o of report.outcomes) {
        if (o.tier === 'emergency') continue;
        const card = cases.find((c) => c.card === o.card);
        expect(o.questionsAsked, o.card).toContain('pain_now');
        if (card?.answers.run_pattern !== 'not_running')
          expect(o.questionsAsked, o.card).toContain('weekly_km');
      }
    });

    it('asks a median of 15 or fewer questions after the red-flag screen', () => {
      expect(report.medianRankingQuestions).toBeDefined();
      expect(report.medianRankingQuestions).toBeLessThanOrEqual(15);
    });
  }
});

/**
 * The project's own safety case cards (safety-cases/README.md): special
 * groups and combinations, labelled from guidelines before the engine ran
 * them. Kept as regression tests of the hazard log (HAZ-16).
 */
describe.each(['full', 'adaptive'] as const)('safety case cards, %s mode', (mode) => {
  const safety = loadCases(safetyDir);
  const report = evaluateCases(kb, safety, mode);

  it('triages every card safely: at its labelled tier or more urgent (HAZ-16)', () => {
    expect(safety.length).toBeGreaterThanOrEqual(30);
    for (const o of report.outcomes)
      expect(
        o.tierDelta,
        `${o.card}: ${o.tier}, expected ${o.expectedTier}`,
      ).toBeGreaterThanOrEqual(0);
  });

  it('sends no self-care card to an emergency', () => {
    const selfCareToEmergency = report.outcomes.filter(
      (o) => o.expectedTier === 'self_care' && o.tier === 'emergency',
    );
    expect(selfCareToEmergency.map((o) => o.card)).toEqual([]);
  });

  it('raises every labelled serious condition', () => {
    for (const o of report.outcomes) {
      if (mode === 'adaptive' && o.tier === 'emergency') continue;
      expect(o.seriousMissed, o.card).toEqual([]);
    }
  });
});
