/**
 * Scores the STarT-Back-style risk screen with the published algorithm
 * (Hill et al. 2008): total ≤ 3 → low; total ≥ 4 and distress subscale ≤ 3 →
 * medium; distress subscale ≥ 4 → high.
 */
import { RISK_SCREEN } from '../knowledge/instruments.js';
import type { Answers } from './answers.js';

/** Result of the risk screen. `level` is null until all nine topics are answered. */
export interface RiskResult {
  instrument: string;
  level: 'low' | 'medium' | 'high' | null;
  total: number | null;
  psychosocial: number | null;
  /** Item ids not yet answered (or answered "unsure"). */
  missing: string[];
  note: string;
}

function itemPositive(id: string, value: unknown): boolean | undefined {
  if (value === undefined || value === 'unsure') return undefined;
  if (id === 'sb_bothersome')
    return typeof value === 'string' ? RISK_SCREEN.bothersomePositive.includes(value) : undefined;
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** Scores the risk screen from the answers. */
export function scoreRisk(answers: Answers): RiskResult {
  const scored = RISK_SCREEN.items.map((id) => ({ id, positive: itemPositive(id, answers[id]) }));
  const missing = scored.filter((s) => s.positive === undefined).map((s) => s.id);
  const base = { instrument: RISK_SCREEN.id, note: RISK_SCREEN.note };
  if (missing.length > 0) return { ...base, level: null, total: null, psychosocial: null, missing };
  const total = scored.filter((s) => s.positive).length;
  const psychosocial = scored.filter(
    (s) => s.positive && (RISK_SCREEN.psychosocialItems as readonly string[]).includes(s.id),
  ).length;
  const level =
    total <= RISK_SCREEN.lowMaxTotal
      ? 'low'
      : psychosocial >= RISK_SCREEN.highMinSubscale
        ? 'high'
        : 'medium';
  return { ...base, level, total, psychosocial, missing };
}
