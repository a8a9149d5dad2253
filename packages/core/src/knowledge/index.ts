/**
 * The knowledge base: every record parsed through its zod schema and
 * cross-checked (ids unique, references resolve), so the engine can trust it.
 */
import { z } from 'zod';
import { CONTRIBUTORS } from './contributors.js';
import { buildExerciseLibrary, exerciseCitations, EXERCISES } from './exercises/index.js';
import { EFFECT_GROUPS, EFFECTS } from './effects.js';
import { QUESTIONS } from './questions.js';
import { MINOR_FLAGS, RED_FLAGS, TRIAGE_RULES } from './red-flags.js';
import { WARNING_SIGN_LINKS, ZWarningSignLink } from './warning-sign-links.js';
import { PLAN_RULE_RECORDS, ZPlanRule } from './plan-rules.js';
import { RETURN_TO_RUN, RUNNING_RULES, ZRunningRule } from './running-rules.js';
import { BOOKING_RULES } from './booking-rules.js';
import {
  ZContributor,
  ZEffectGroup,
  ZMinorFlag,
  ZQuestion,
  ZRedFlag,
  ZSeedClaim,
  ZSource,
  ZTriageRule,
  type Rule,
} from './schema.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { SEED_CLAIMS } from './seed-claims.js';
import { SOURCES } from './sources.js';

/** Pseudo-question ids the engine derives itself and rules may read. */
export const DERIVED_FACT_IDS = ['__risk_level'] as const;

/** Every question id a rule reads. */
export function ruleQuestionIds(rule: Rule, out: string[] = []): string[] {
  if ('q' in rule) out.push(rule.q);
  else if ('all' in rule) rule.all.forEach((r) => ruleQuestionIds(r, out));
  else if ('any' in rule) rule.any.forEach((r) => ruleQuestionIds(r, out));
  else rule.of.forEach((r) => ruleQuestionIds(r, out));
  return out;
}

/** Every source id cited by a record of the knowledge base, with the record that cites it. */
export function citedSources(kb: KnowledgeBase): { source: string; by: string }[] {
  const out: { source: string; by: string }[] = [];
  for (const c of kb.contributors)
    c.sources.forEach((s) => out.push({ source: s, by: `contributor ${c.id}` }));
  for (const q of kb.questions)
    for (const e of q.effects)
      e.sources.forEach((s) => out.push({ source: s, by: `effect ${q.id} → ${e.contributor}` }));
  for (const f of kb.redFlags)
    f.sources.forEach((s) => out.push({ source: s, by: `red flag ${f.id}` }));
  for (const t of kb.triageRules)
    t.sources.forEach((s) => out.push({ source: s, by: `triage rule ${t.id}` }));
  for (const m of kb.minorFlags)
    m.sources.forEach((s) => out.push({ source: s, by: `minor flag ${m.id}` }));
  for (const l of kb.warningSignLinks)
    l.sources.forEach((s) => out.push({ source: s, by: `warning-sign link → ${l.contributor}` }));
  out.push(...exerciseCitations(kb.exercises));
  for (const r of kb.runningRules)
    r.sources.forEach((s) => out.push({ source: s, by: `running rule ${r.id}` }));
  for (const r of kb.planRules)
    r.sources.forEach((s) => out.push({ source: s, by: `plan rule ${r.id}` }));
  for (const p of RETURN_TO_RUN.phases)
    p.sources.forEach((s) => out.push({ source: s, by: `return-to-run phase ${p.phase}` }));
  for (const c of RETURN_TO_RUN.startCriteria)
    c.sources.forEach((s) => out.push({ source: s, by: `return-to-run start: ${c.text}` }));
  RETURN_TO_RUN.sources.forEach((s) => out.push({ source: s, by: 'return to running' }));
  for (const [tier, rule] of Object.entries(BOOKING_RULES))
    rule.sources.forEach((s) => out.push({ source: s, by: `booking rule ${tier}` }));
  return out;
}

/**
 * Parses raw records and checks cross-references; throws with every problem
 * listed. Exposed for tests that feed deliberately broken data.
 */
export function buildKnowledgeBase(raw: {
  contributors: unknown[];
  questions: unknown[];
  effects: Record<string, unknown[]>;
  effectGroups?: unknown[];
  redFlags: unknown[];
  triageRules: unknown[];
  minorFlags?: unknown[];
  warningSignLinks?: unknown[];
  sources: unknown[];
  seedClaims: unknown[];
  exercises: readonly unknown[];
  runningRules: unknown[];
  planRules?: unknown[];
}): KnowledgeBase {
  const questions = raw.questions.map((q) => {
    const id = (q as { id?: string }).id ?? '?';
    return ZQuestion.parse({ ...(q as object), effects: raw.effects[id] ?? [] });
  });
  const kb: KnowledgeBase = {
    contributors: z.array(ZContributor).parse(raw.contributors),
    questions,
    effectGroups: z.array(ZEffectGroup).parse(raw.effectGroups ?? []),
    redFlags: z.array(ZRedFlag).parse(raw.redFlags),
    triageRules: z.array(ZTriageRule).parse(raw.triageRules),
    minorFlags: z.array(ZMinorFlag).parse(raw.minorFlags ?? []),
    warningSignLinks: z.array(ZWarningSignLink).parse(raw.warningSignLinks ?? []),
    sources: z.array(ZSource).parse(raw.sources),
    seedClaims: z.array(ZSeedClaim).parse(raw.seedClaims),
    exercises: buildExerciseLibrary(raw.exercises),
    runningRules: z.array(ZRunningRule).parse(raw.runningRules),
    planRules: z.array(ZPlanRule).parse(raw.planRules ?? PLAN_RULE_RECORDS),
  };

  const problems: string[] = [];
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${kind} id ${id}`);
      seen.add(id);
    }
    return seen;
  };
  unique(
    'contributor',
    kb.contributors.map((c) => c.id),
  );
  const questionIds = unique(
    'question',
    kb.questions.map((q) => q.id),
  );
  unique(
    'red flag',
    kb.redFlags.map((f) => f.id),
  );
  unique(
    'triage rule',
    kb.triageRules.map((t) => t.id),
  );
  unique(
    'plan rule',
    kb.planRules.map((r) => r.id),
  );
  unique(
    'running rule',
    kb.runningRules.map((r) => r.id),
  );
  const groupIds = unique(
    'effect group',
    kb.effectGroups.map((g) => g.id),
  );
  const sourceIds = unique(
    'source',
    kb.sources.map((s) => s.id),
  );
  const claimIds = unique(
    'seed claim',
    kb.seedClaims.map((c) => c.id),
  );

  for (const id of Object.keys(raw.effects))
    if (!questionIds.has(id)) problems.push(`effects for unknown question ${id}`);
  const known = new Set<string>([...questionIds, ...DERIVED_FACT_IDS]);
  const checkRule = (where: string, rule: Rule) => {
    for (const q of ruleQuestionIds(rule))
      if (!known.has(q)) problems.push(`${where} reads unknown question ${q}`);
  };
  for (const f of kb.redFlags) checkRule(`red flag ${f.id}`, f.rule);
  for (const t of kb.triageRules) checkRule(`triage rule ${t.id}`, t.rule);
  for (const m of kb.minorFlags) checkRule(`minor flag ${m.id}`, m.rule);
  const ruleIds = new Set([...kb.redFlags.map((f) => f.id), ...kb.triageRules.map((t) => t.id)]);
  for (const link of kb.warningSignLinks)
    for (const id of link.rules)
      if (!ruleIds.has(id))
        problems.push(`warning-sign link to ${link.contributor} names unknown rule ${id}`);
  kb.questions.forEach((q) => {
    if (q.askIf) checkRule(`question ${q.id} askIf`, q.askIf);
    const optionIds = new Set(q.options?.map((o) => o.id));
    for (const e of q.effects) {
      if (e.group !== undefined && !groupIds.has(e.group))
        problems.push(`effect on ${q.id} names unknown group ${e.group}`);
      const values =
        e.when.kind === 'is' || e.when.kind === 'includes'
          ? [e.when.value]
          : e.when.kind === 'includesAny' || e.when.kind === 'oneOf'
            ? e.when.values
            : [];
      for (const v of values) {
        const ok =
          q.type === 'yes_no'
            ? ['yes', 'no'].includes(v)
            : q.type === 'body_regions'
              ? true
              : optionIds.has(v);
        if (!ok) problems.push(`effect on ${q.id} tests unknown answer ${v}`);
      }
    }
  });
  for (const { source, by } of citedSources(kb))
    if (!sourceIds.has(source) && !claimIds.has(source))
      problems.push(`${by} cites unknown source ${source}`);

  if (problems.length > 0)
    throw new Error(`Knowledge base is invalid:\n- ${problems.join('\n- ')}`);
  return kb;
}

let cached: KnowledgeBase | undefined;

/** The validated knowledge base (parsed once, then shared; it is immutable data). */
export function loadKnowledgeBase(): KnowledgeBase {
  cached ??= buildKnowledgeBase({
    contributors: CONTRIBUTORS,
    questions: QUESTIONS,
    effects: EFFECTS,
    effectGroups: EFFECT_GROUPS,
    redFlags: RED_FLAGS,
    triageRules: TRIAGE_RULES,
    minorFlags: MINOR_FLAGS,
    warningSignLinks: WARNING_SIGN_LINKS,
    sources: SOURCES,
    seedClaims: SEED_CLAIMS,
    exercises: EXERCISES,
    runningRules: RUNNING_RULES,
    planRules: PLAN_RULE_RECORDS,
  });
  return cached;
}

export * from './schema.js';
export { BOOKING_RULES, type BookingRule } from './booking-rules.js';
export {
  BODY_REGION_LABELS,
  SCREEN_INCOMPLETE_WORDING,
  SECTION_TITLES,
  TIER_WORDING,
  type TierWording,
} from './labels.js';
export type { KnowledgeBase } from './knowledge-base.js';
export { summariseKnowledgeBase, type KnowledgeSummary } from './summary.js';
export {
  describeRule,
  describeTest,
  PLAIN_RULE_STYLE,
  REVIEW_RULE_STYLE,
  type DescribeRuleOptions,
  type RuleStyle,
} from './describe-rule.js';
export { shortCitation, shortCitations } from './cite.js';
export { LIKELIHOOD_BANDS, ZLikelihoodBands, type LikelihoodBands } from './likelihood-bands.js';
export { RISK_SCREEN, PAIN_SCALE, PSFS } from './instruments.js';
export * from './exercises/index.js';
export { PLAN_RULES, PLAN_RULE_RECORDS, ZPlanRule, type PlanRule } from './plan-rules.js';
export {
  callsForLegPainRecheck,
  CHECK_IN_DISTANCE_MAX_KM,
  CHECK_IN_NOTE_MAX,
  LEG_PAIN,
  LEG_PAIN_LABELS,
  LEG_PAIN_RECHECK,
  type LegPain,
} from './check-in-rules.js';
export {
  RUNNING_RULES,
  RETURN_TO_RUN,
  LOAD_LIMITS,
  PAIN_MONITORING,
  ZRunningRule,
  type RunningRule,
  type ReturnToRunCriterion,
  type ReturnToRunPhase,
} from './running-rules.js';
