/**
 * Renders the loaded knowledge base as `docs/knowledge-base.md`, the document
 * a clinician reviews: every contributor with its prior, every question with
 * every likelihood ratio, the red flags and triage rules in readable form,
 * what became of each seed claim, and the bibliography. Pure and
 * deterministic (no dates, no I/O): `scripts/generate-kb-doc.ts` writes the
 * file and `render-doc.test.ts` fails when the committed file is stale.
 */
import { citedSources, type KnowledgeBase } from './index.js';
import { BOOKING_RULES } from './booking-rules.js';
import { LEG_PAIN_RECHECK } from './check-in-rules.js';
import { LOAD_LIMITS, PAIN_MONITORING, RETURN_TO_RUN } from './running-rules.js';
import { describeRule, describeTest, REVIEW_RULE_STYLE } from './describe-rule.js';
import type { Effect, Question, Rule } from './schema.js';

/** Escapes text for a Markdown table cell (pipes, line breaks). */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll(/\s*\n\s*/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function code(id: string): string {
  return `\`${id}\``;
}

function percent(p: number): string {
  return `${String(Math.round(p * 1000) / 10)}%`;
}

/** Renders a rule over answers as one readable line, with option labels and units. */
export function renderRule(rule: Rule, questions: ReadonlyMap<string, Question>): string {
  return describeRule(rule, { style: REVIEW_RULE_STYLE, questions });
}

function sourceList(ids: readonly string[]): string {
  return ids.map(code).join(', ');
}

function effectRow(question: Question, effect: Effect): string[] {
  return [
    code(effect.contributor),
    describeTest(question.id, effect.when, {
      style: REVIEW_RULE_STYLE,
      questions: new Map([[question.id, question]]),
    }),
    String(effect.lr),
    String(effect.lrElse),
    effect.association
      ? `${effect.basis}: ${effect.association.measure} ${String(effect.association.value)} for ${effect.association.outcome}, used as its square root`
      : effect.basis,
    effect.group ? code(effect.group) : '—',
    effect.note ?? '',
    sourceList(effect.sources),
  ];
}

function renderEffectGroups(kb: KnowledgeBase): string[] {
  return [
    '## Groups of correlated findings',
    '',
    'Within a group, and within the options of one question, the engine counts the strongest raising and the strongest lowering ratio per contributor in full and every other one at half strength (its square root). Hazard, odds and risk ratios are never used as likelihood ratios directly: an effect derived from one records it and uses its square root.',
    '',
    ...table(
      ['Group', 'About', 'Why correlated'],
      kb.effectGroups.map((g) => [code(g.id), g.label, g.note]),
    ),
    '',
  ];
}

function renderContributors(kb: KnowledgeBase): string[] {
  const lines = ['## Contributors', ''];
  lines.push(
    'Each contributor is an independent yes/no variable: several can be present at once, so the priors do not add up to 100%.',
    '',
  );
  lines.push(
    ...table(
      ['Contributor', 'Name', 'Prior', 'Prior basis', 'Evidence'],
      kb.contributors.map((c) => [code(c.id), c.name, percent(c.prior), c.priorBasis, c.evidence]),
    ),
    '',
  );
  for (const c of kb.contributors) {
    lines.push(`### ${c.name} (${code(c.id)})`, '', c.summary, '');
    lines.push(`- **Prior:** ${percent(c.prior)} (${c.priorBasis}). ${c.priorNote}`);
    lines.push(`- **Evidence level:** ${c.evidence}`);
    lines.push(`- **Sources:** ${sourceList(c.sources)}`, '');
  }
  return lines;
}

function renderQuestions(kb: KnowledgeBase, byId: ReadonlyMap<string, Question>): string[] {
  const lines = ['## Questions and their effects', ''];
  lines.push(
    '`LR` multiplies the contributor’s odds when the test holds; `LR else` when the question was answered and the test does not hold (1 = no information). "Unsure" and unanswered questions change nothing. The engine multiplies the matching ratios (naive Bayes per contributor), damping correlated ones (see "Groups of correlated findings").',
    '',
  );
  let section = '';
  for (const q of kb.questions) {
    if (q.section !== section) {
      section = q.section;
      lines.push(`### Section: ${section}`, '');
    }
    lines.push(`#### ${code(q.id)}: ${q.text}`, '');
    const facts = [`type ${q.type}`];
    if (q.unit) facts.push(`unit ${q.unit}`);
    if (q.min !== undefined && q.max !== undefined)
      facts.push(`range ${String(q.min)}–${String(q.max)}`);
    if (q.redFlag) facts.push('red-flag screen (always asked)');
    lines.push(`- ${facts.join('; ')}`);
    if (q.options)
      lines.push(`- Options: ${q.options.map((o) => `${code(o.id)} ${o.label}`).join('; ')}`);
    if (q.askIf) lines.push(`- Asked only if: ${renderRule(q.askIf, byId)}`);
    lines.push('');
    if (q.effects.length === 0) {
      lines.push('No effect on the ranking (used by triage rules or the risk screen only).', '');
    } else {
      lines.push(
        ...table(
          ['Contributor', 'When', 'LR', 'LR else', 'Basis', 'Group', 'Note', 'Sources'],
          q.effects.map((e) => effectRow(q, e)),
        ),
        '',
      );
    }
  }
  return lines;
}

function renderTriage(kb: KnowledgeBase, byId: ReadonlyMap<string, Question>): string[] {
  const lines = ['## Red flags', ''];
  lines.push(
    'A red flag sets a minimum triage tier; no later answer can lower it. Tiers, most urgent first: `emergency`, `urgent_doctor`, `see_clinician`, `self_care`.',
    '',
  );
  for (const f of kb.redFlags) {
    lines.push(`### ${f.name} (${code(f.id)})`, '');
    lines.push(`- **Tier:** ${f.tier}; **condition:** ${f.condition}; **basis:** ${f.basis}`);
    lines.push(`- **Rule:** ${renderRule(f.rule, byId)}`);
    lines.push(`- **Reason shown:** ${f.reason}`);
    lines.push(`- **Action:** ${f.action}`);
    lines.push(`- **Sources:** ${sourceList(f.sources)}`, '');
  }
  lines.push('## Minor warning signs (level of concern)', '');
  lines.push(
    'Each is weak on its own; the level-of-concern triage rules below count how many hold (IFOMPT framework, Finucane 2020). The runner is told which ones counted.',
    '',
  );
  for (const m of kb.minorFlags) {
    lines.push(
      `- ${code(m.id)} — ${m.label}: ${renderRule(m.rule, byId)} (${m.basis}; ${sourceList(m.sources)})`,
    );
  }
  lines.push('');
  lines.push('## Warning signs that raise a weak link', '');
  for (const l of kb.warningSignLinks) {
    lines.push(
      `- ${code(l.contributor)} ×${String(l.lr)} once, when any of ${l.rules.map(code).join(', ')} fires (${l.basis}; ${sourceList(l.sources)}). ${l.note}`,
    );
  }
  lines.push('');
  lines.push('## Triage rules', '');
  lines.push('Rules that call for a clinician without a serious condition behind them.', '');
  for (const t of kb.triageRules) {
    lines.push(`### ${code(t.id)}`, '');
    lines.push(`- **Tier:** ${t.tier}; **basis:** ${t.basis}`);
    lines.push(
      `- **Rule:** ${t.listsMinorFlags && 'atLeast' in t.rule ? `at least ${String(t.rule.atLeast)} of the minor warning signs above` : renderRule(t.rule, byId)}`,
    );
    lines.push(`- **Reason shown:** ${t.reason}`);
    lines.push(`- **Action:** ${t.action}`);
    lines.push(`- **Sources:** ${sourceList(t.sources)}`, '');
  }
  return lines;
}

function renderSeedClaims(kb: KnowledgeBase): string[] {
  const citers = new Map<string, string[]>();
  for (const { source, by } of citedSources(kb)) {
    const list = citers.get(source) ?? [];
    if (!list.includes(by)) list.push(by);
    citers.set(source, list);
  }
  const lines = ['## Seed claims', ''];
  lines.push(
    'The claims of the five clinic articles Backtrack started from, paraphrased. "Adopted by" lists the records that cite the claim; a claim can be adopted in part and not adopted in part.',
    '',
  );
  lines.push(
    ...table(
      ['Claim', 'Summary', 'Adopted by', 'Not adopted'],
      kb.seedClaims.map((c) => [
        c.id,
        c.summary,
        (citers.get(c.id) ?? []).join('; ') || '—',
        c.notAdopted ?? '—',
      ]),
    ),
    '',
  );
  return lines;
}

function renderSources(kb: KnowledgeBase): string[] {
  const lines = ['## Sources', ''];
  lines.push(
    'Evidence levels follow the tags of the project\'s shared research notes; "Section" points to where those notes summarise the source.',
    '',
  );
  lines.push(
    ...table(
      ['Id', 'Citation', 'Level', 'Section', 'Link'],
      kb.sources.map((s) => [
        code(s.id),
        s.reviewNote ? `${s.citation} *Reviewer's note: ${s.reviewNote}*` : s.citation,
        s.level,
        s.evidenceSection ?? '—',
        s.url ? `<${s.url}>` : '—',
      ]),
    ),
    '',
  );
  return lines;
}

function renderPlanRules(kb: KnowledgeBase): string[] {
  const lines = ['## Plan engine numbers', ''];
  lines.push(
    'The thresholds, schedule and steps the plan generator and the weekly adaptation use. `backtrack-own` marks a number that is the project’s own choice, with no study behind it.',
    '',
  );
  lines.push(
    ...table(
      ['Rule', 'Value', 'Unit', 'What the plan does', 'Basis', 'Sources'],
      kb.planRules.map((r) => [
        `${r.title} (${code(r.id)})`,
        typeof r.value === 'number' ? String(r.value) : r.value.map(String).join(', '),
        r.unit,
        r.text,
        r.basis,
        sourceList(r.sources),
      ]),
    ),
    '',
  );
  return lines;
}

function renderBookingRules(): string[] {
  return [
    '## Booking a clinician, by triage tier',
    '',
    'What the clinic booking offers for each tier, and what the runner is told. The window is how many days of earliest slots are shown first.',
    '',
    ...table(
      ['Tier', 'Booking', 'Window', 'What the runner is told', 'Why', 'Basis', 'Sources'],
      Object.entries(BOOKING_RULES).map(([tier, r]) => [
        code(tier),
        !r.canBook ? 'not offered' : r.needsDoctorClearance ? 'after a doctor clears' : 'offered',
        r.windowDays === null ? '–' : `${String(r.windowDays)} days`,
        `${r.headline}. ${r.text}`,
        r.reason,
        r.basis,
        sourceList(r.sources),
      ]),
    ),
    '',
  ];
}

function renderCheckInRules(): string[] {
  const r = LEG_PAIN_RECHECK;
  return [
    '## Check-in warning-sign re-check',
    '',
    'What a daily check-in asks beyond pain and sessions (distance run, where the pain reached, a note), and the one rule it feeds.',
    '',
    ...table(
      ['Rule', 'When', 'Warning signs asked again', 'What the runner is told', 'Sources'],
      [
        [
          r.title,
          `the pain reaches ${code('below_knee')} and the check-in before did not say so`,
          r.redFlags.map((id) => code(id)).join(', '),
          `${r.reason} ${r.action}`,
          sourceList(r.sources),
        ],
      ],
    ),
    '',
  ];
}

function range(bounds: readonly [number, number] | undefined): string {
  return bounds ? `${String(bounds[0])}–${String(bounds[1])}` : '–';
}

function renderExercises(kb: KnowledgeBase): string[] {
  const lines = ['## Exercises', ''];
  lines.push(
    'The default dose and the bounds the plan generator stays within when it progresses or regresses a dose. `avoid when` lists the contributors whose suspicion removes the exercise from a plan.',
    '',
  );
  lines.push(
    ...table(
      [
        'Exercise',
        'Targets',
        'Sets',
        'Reps',
        'Hold s',
        'Min',
        'Per week',
        'Avoid when',
        'Basis',
        'Dose note',
        'Sources',
      ],
      kb.exercises.map((e) => {
        const d = e.dose;
        const with_ = (v: number | undefined, b: readonly [number, number] | undefined) =>
          v === undefined ? '–' : `${String(v)} (${range(b)})`;
        return [
          `${e.name} (${code(e.id)})`,
          e.targets.map(code).join(', '),
          with_(d.sets, d.bounds.sets),
          with_(d.reps, d.bounds.reps),
          with_(d.holdSeconds, d.bounds.holdSeconds),
          with_(d.minutes, d.bounds.minutes),
          with_(d.timesPerWeek, d.bounds.timesPerWeek),
          e.avoidWhen.map(code).join(', ') || '–',
          d.basis,
          d.note,
          sourceList([...new Set([...d.sources, ...e.sources])]),
        ];
      }),
    ),
    '',
  );
  return lines;
}

function renderRunning(kb: KnowledgeBase): string[] {
  const lines = ['## Running modifications', ''];
  lines.push(
    ...table(
      ['Rule', 'Category', 'Targets', 'What to do', 'Evidence', 'Basis', 'Sources'],
      kb.runningRules.map((r) => [
        `${r.title} (${code(r.id)})`,
        r.category,
        r.targets.map(code).join(', ') || 'every plan',
        r.text,
        r.evidence,
        r.basis,
        sourceList(r.sources),
      ]),
    ),
    '',
  );
  lines.push(
    '### Numbers the plan generator uses',
    '',
    `- Longest single run: at most ${String(LOAD_LIMITS.longRunSpikeMax * 100)}% longer than the longest run of the last 30 days (study: ${sourceList(['frandsen-2025'])}).`,
    `- Weekly increase: about ${String(LOAD_LIMITS.weeklyIncreaseSoft * 100)}% as a soft guide (study: ${sourceList(['buist-2008', 'nielsen-2014'])}); ${String(LOAD_LIMITS.twoWeekIncreaseCeiling * 100)}% over two weeks is the ceiling linked to more injuries.`,
    `- Cadence: +${String(LOAD_LIMITS.cadenceIncreaseMin * 100)}% to +${String(LOAD_LIMITS.cadenceIncreaseMax * 100)}% (lab study: ${sourceList(['heiderscheit-2011'])}).`,
    `- Pain monitoring: pain during activity up to ${String(PAIN_MONITORING.safeMax)}/10 safe, up to ${String(PAIN_MONITORING.acceptableMax)}/10 acceptable; next-morning pain above the runner’s own baseline (their pain at the assessment, or their first morning check-in when that was not asked) steps the plan back (${sourceList(PAIN_MONITORING.sources)}). ${PAIN_MONITORING.note}`,
    '',
    '### Return to running (walk/run)',
    '',
    'Walk/run starts only when these are met; the plan checks the first two from a walking week’s check-ins, the runner checks the others:',
    '',
    ...table(
      ['Start criterion', 'Checked by', 'Basis', 'Sources'],
      RETURN_TO_RUN.startCriteria.map((c) => [c.text, c.checkedBy, c.basis, sourceList(c.sources)]),
    ),
    '',
    ...table(
      ['Phase', 'Walk min', 'Run min', 'Repeats', 'Where it comes from', 'Basis', 'Sources'],
      RETURN_TO_RUN.phases.map((p) => [
        String(p.phase),
        String(p.walkMinutes),
        String(p.runMinutes),
        String(p.repeats),
        p.note,
        p.basis,
        sourceList(p.sources),
      ]),
    ),
    '',
    `Rules: ${RETURN_TO_RUN.rules.join('; ')}. Basis: ${RETURN_TO_RUN.basis} (${sourceList(RETURN_TO_RUN.sources)}). ${RETURN_TO_RUN.note}`,
    '',
  );
  return lines;
}

/**
 * The whole knowledge base as Markdown for clinician review. The output
 * depends only on `kb`, so it is stable across runs and machines.
 */
export function renderKnowledgeBaseMarkdown(kb: KnowledgeBase): string {
  const byId = new Map(kb.questions.map((q) => [q.id, q]));
  const effectCount = kb.questions.reduce((n, q) => n + q.effects.length, 0);
  const lines = [
    '# Backtrack knowledge base',
    '',
    '<!-- Generated from packages/core/src/knowledge by `npm run docs:kb`. Do not edit by hand. -->',
    '',
    'This document lists every record the assessment uses, for review by a clinician. Every number carries its basis (`seed` claim, `guideline`, `study` or `expert-estimate`) and its sources. History cannot identify the painful tissue (Hancock 2007), so the contributors are patterns a sports physiotherapist would recognise, not diagnoses.',
    '',
    `It holds ${String(kb.contributors.length)} contributors, ${String(kb.questions.length)} questions with ${String(effectCount)} effects, ${String(kb.redFlags.length)} red flags, ${String(kb.triageRules.length)} triage rules, ${String(kb.exercises.length)} exercises, ${String(kb.runningRules.length)} running rules, ${String(kb.planRules.length)} plan rules, ${String(kb.seedClaims.length)} seed claims and ${String(kb.sources.length)} sources.`,
    '',
    '## Contents',
    '',
    '- [Contributors](#contributors)',
    '- [Groups of correlated findings](#groups-of-correlated-findings)',
    '- [Questions and their effects](#questions-and-their-effects)',
    '- [Red flags](#red-flags)',
    '- [Triage rules](#triage-rules)',
    '- [Exercises](#exercises)',
    '- [Running modifications](#running-modifications)',
    '- [Plan engine numbers](#plan-engine-numbers)',
    '- [Check-in warning-sign re-check](#check-in-warning-sign-re-check)',
    '- [Seed claims](#seed-claims)',
    '- [Sources](#sources)',
    '',
    ...renderContributors(kb),
    ...renderEffectGroups(kb),
    ...renderQuestions(kb, byId),
    ...renderTriage(kb, byId),
    ...renderExercises(kb),
    ...renderRunning(kb),
    ...renderPlanRules(kb),
    ...renderBookingRules(),
    ...renderCheckInRules(),
    ...renderSeedClaims(kb),
    ...renderSources(kb),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
