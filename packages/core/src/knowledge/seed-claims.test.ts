import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTORS } from './contributors.js';
import { EFFECTS } from './effects.js';
import { PAIN_SCALE, PSFS, RISK_SCREEN } from './instruments.js';
import { QUESTIONS } from './questions.js';
import { RED_FLAGS, TRIAGE_RULES } from './red-flags.js';
import { CONTRIBUTOR_IDS } from './schema.js';
import { SEED_CLAIMS } from './seed-claims.js';
import { SOURCES } from './sources.js';

/** The claim list lives outside the repository (../shared); a fresh clone does not have it. */
const CLAIMS_MD = fileURLToPath(new URL('../../../../../shared/seeds/CLAIMS.md', import.meta.url));
const claimsPresent = existsSync(CLAIMS_MD);

/** Every citation in the knowledge base: which record cites which source id. */
function citations(): { by: string; source: string }[] {
  const out: { by: string; source: string }[] = [];
  const add = (by: string, sources: readonly string[]) => {
    for (const source of sources) out.push({ by, source });
  };
  for (const c of CONTRIBUTORS) add(`contributor ${c.id}`, c.sources);
  for (const [q, effects] of Object.entries(EFFECTS)) {
    for (const e of effects) add(`effect ${q} → ${e.contributor}`, e.sources);
  }
  for (const f of RED_FLAGS) add(`red flag ${f.id}`, f.sources);
  for (const t of TRIAGE_RULES) add(`triage rule ${t.id}`, t.sources);
  for (const i of [RISK_SCREEN, PAIN_SCALE, PSFS]) add(`instrument ${i.id}`, i.sources);
  return out;
}

describe('seed claims', () => {
  it('have unique ids', () => {
    const ids = SEED_CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  (claimsPresent ? it : it.skip)(
    claimsPresent
      ? 'cover every claim id of seeds/CLAIMS.md'
      : 'cover every claim id of seeds/CLAIMS.md (skipped: ../shared/seeds/CLAIMS.md is not present in this checkout)',
    () => {
      const listed = [...readFileSync(CLAIMS_MD, 'utf8').matchAll(/^- (S[0-4]-\d{2}) /gm)].map(
        (m) => m[1],
      );
      expect(listed.length).toBeGreaterThan(0);
      const ours = new Set(SEED_CLAIMS.map((c) => c.id));
      expect(listed.filter((id) => id !== undefined && !ours.has(id))).toEqual([]);
      expect(SEED_CLAIMS.map((c) => c.id).filter((id) => !listed.includes(id))).toEqual([]);
    },
  );

  it('are each cited by a record or marked notAdopted', () => {
    const cited = new Set(citations().map((c) => c.source));
    const unaccounted = SEED_CLAIMS.filter(
      (c) => !cited.has(c.id) && c.notAdopted === undefined,
    ).map((c) => c.id);
    expect(unaccounted).toEqual([]);
  });
});

describe('sources', () => {
  it('have unique ids', () => {
    const ids = SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolve for every citation in the knowledge base', () => {
    const known = new Set([...SOURCES.map((s) => s.id), ...SEED_CLAIMS.map((c) => c.id)]);
    const unresolved = citations().filter((c) => !known.has(c.source));
    expect(unresolved).toEqual([]);
  });
});

describe('contributors and effects', () => {
  it('define exactly one contributor per contributor id', () => {
    expect(CONTRIBUTORS.map((c) => c.id).sort()).toEqual([...CONTRIBUTOR_IDS].sort());
  });

  it('key effects by existing questions', () => {
    const questionIds = new Set(QUESTIONS.map((q) => q.id));
    expect(Object.keys(EFFECTS).filter((id) => !questionIds.has(id))).toEqual([]);
  });

  it('keep every likelihood ratio within [0.1, 10]', () => {
    const outside = Object.entries(EFFECTS).flatMap(([q, effects]) =>
      effects
        .filter((e) => [e.lr, e.lrElse ?? 1].some((lr) => lr < 0.1 || lr > 10))
        .map((e) => `${q} → ${e.contributor}`),
    );
    expect(outside).toEqual([]);
  });

  it('give every contributor at least one effect', () => {
    const informed = new Set(
      Object.values(EFFECTS).flatMap((effects) => effects.map((e) => e.contributor)),
    );
    expect(CONTRIBUTOR_IDS.filter((id) => !informed.has(id))).toEqual([]);
  });
});
