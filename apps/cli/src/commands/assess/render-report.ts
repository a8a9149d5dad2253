/**
 * The assessment report, as text (for a person) and as a JSON document (for
 * programs). Both the interactive interview and `--answers FILE` use these.
 * Order of the text report: triage first (an emergency as a banner that
 * cannot be missed), then the likely weak links with the reasons for each
 * number, the risk screen, notes on the answers, and the disclaimer.
 */
import {
  LIKELIHOOD_BANDS,
  WEAK_LINKS_WORDING,
  type AssessmentResult,
  type Issue,
  type RankedContributor,
  type RiskResult,
  type Triage,
} from '@backtrack/core';
import { citeSources as cite } from '../../io/cite.js';
import { BASIS_LABELS, humanise, tierHeadline } from '../../io/labels.js';
import { heading, percent } from '../../io/text.js';
import { wrap, type Style } from '../../io/style.js';
import type { TrainingDataUse } from './training-data.js';

/** Why an interview ended: the engine's reasons plus the runner's own. */
export type EndReason = 'emergency' | 'stable' | 'complete' | 'stopped' | 'input_ended';

/** How the answers were gathered, when they came from an interview. */
export interface InterviewSummary {
  questionsAsked: readonly string[];
  endedBecause: EndReason;
  /** Answers given in a file that the adaptive interview never asked for. */
  unusedAnswers?: readonly string[];
}

/** The JSON report: the assessment result plus, for interviews, what was asked. */
export type JsonReport = AssessmentResult & {
  questionsAsked?: string[];
  endedBecause?: EndReason;
  unusedAnswers?: string[];
  /** The answers filled in from imported runs (explanation steps they produced carry `from`). */
  fromImportedRuns?: TrainingDataUse;
};

/** Builds the JSON report (field order: triage first, disclaimer last before interview fields). */
export function toJsonReport(
  result: AssessmentResult,
  interview?: InterviewSummary,
  trainingData?: TrainingDataUse,
): JsonReport {
  const report: JsonReport = {
    status: result.status,
    missing: result.missing,
    triage: result.triage,
    contributors: result.contributors,
    risk: result.risk,
    issues: result.issues,
    disclaimer: result.disclaimer,
  };
  if (interview) {
    report.questionsAsked = [...interview.questionsAsked];
    report.endedBecause = interview.endedBecause;
    if (interview.unusedAnswers) report.unusedAnswers = [...interview.unusedAnswers];
  }
  if (trainingData) report.fromImportedRuns = trainingData;
  return report;
}

/** Options of the text report. */
export interface TextReportOptions {
  style: Style;
  /** Columns to wrap to. */
  width: number;
  interview?: InterviewSummary;
  /** Answers filled in from imported runs, listed before the ranking. */
  trainingData?: TrainingDataUse;
  /** How many contributors to explain in full (default: every likely or possible one, at least 3); the rest get one line. */
  detailed?: number;
}

const ENDED: Readonly<Record<EndReason, string>> = {
  emergency: 'an answer needs emergency care, so the interview stopped at once',
  stable: 'the ranking had settled, so further questions would not change it',
  complete: 'every question was asked',
  stopped: 'you asked for the results early',
  input_ended: 'the input ended before the interview finished',
};

function factorText(factor: number): string {
  return `×${Number(factor.toFixed(2))}`;
}

function tierColour(tier: Triage['tier'], style: Style): (text: string) => string {
  switch (tier) {
    case null:
      return style.yellow;
    case 'emergency':
    case 'urgent_doctor':
      return style.red;
    case 'see_clinician':
      return style.yellow;
    case 'self_care':
      return style.green;
  }
}

/**
 * The triage section (tier banner, what to do now, unanswered warning-sign
 * questions, the reasons), as lines. Shared with the plan's text output.
 */
export function renderTriage(result: AssessmentResult, options: TextReportOptions): string[] {
  const { style, width } = options;
  const { triage } = result;
  const colour = tierColour(triage.tier, style);
  const lines: string[] = [];
  const rule = '━'.repeat(width);
  const emergency = triage.tier === 'emergency';
  lines.push(colour(rule));
  if (emergency) {
    lines.push(style.bold(style.inverse(style.red(' EMERGENCY: WHAT TO DO NOW '))));
  }
  lines.push(style.bold(colour(tierHeadline(triage.tier))));
  lines.push(colour(rule));
  lines.push(style.bold('What to do now:'));
  lines.push(style.bold(wrap(triage.whatToDoNow, { width, indent: '  ' })));
  if (triage.tier === null) {
    // No verdict while the screen is incomplete: name what is missing, nothing else.
    lines.push('');
    lines.push(style.bold('Still to answer:'));
    for (const q of triage.missing)
      lines.push(wrap(q.topic, { width, first: '  • ', indent: '    ' }));
    return lines;
  }

  lines.push('');
  if (triage.reasons.length === 0) {
    lines.push('Why: none of your answers is a warning sign.');
  } else {
    lines.push(style.bold('Why:'));
    for (const reason of triage.reasons) {
      lines.push(
        tierColour(
          reason.tier,
          style,
        )(wrap(reason.reason, { width, first: '  • ', indent: '    ' })),
      );
      if (reason.action !== triage.whatToDoNow) {
        lines.push(wrap(`What to do: ${reason.action}`, { width, indent: '    ' }));
      }
      const meta = [
        reason.condition ? `to rule out: ${humanise(reason.condition)}` : undefined,
        `sources: ${cite(reason.sources)}`,
      ].filter((m): m is string => m !== undefined);
      lines.push(style.dim(wrap(meta.join(' · '), { width, indent: '    ' })));
    }
  }
  if (triage.serious.length > 0) {
    lines.push('');
    lines.push(`Serious conditions to rule out: ${triage.serious.map(humanise).join(', ')}.`);
  }
  return lines;
}

function missingWarningSigns(result: AssessmentResult): string[] {
  return result.missing;
}

function renderContributor(
  c: RankedContributor,
  rank: number,
  options: TextReportOptions,
): string[] {
  const { style, width } = options;
  const lines = [`${style.bold(`${rank}. ${c.name}`)}  ${style.cyan(c.band)}`];
  lines.push(style.dim(wrap(c.summary, { width, indent: '   ' })));
  if (c.explanation.length === 0) {
    lines.push(`   Why: no answer changed the starting estimate of ${percent(c.prior)}.`);
    return lines;
  }
  lines.push(
    `   Why (${c.band}: estimate ${percent(c.probability)}): starting estimate ${percent(c.prior)}, then`,
  );
  for (const step of c.explanation) {
    lines.push(wrap(step.question, { width, first: '   • ', indent: '     ' }));
    const who = step.from === undefined ? 'you answered' : 'your imported runs say';
    lines.push(
      wrap(
        `${who} "${step.answer}": ${factorText(step.factor)}, ${percent(step.before)} → ${percent(step.after)}`,
        { width, indent: '     ' },
      ),
    );
    if (step.from !== undefined)
      lines.push(style.cyan(wrap(step.from, { width, indent: '     ' })));
    if (step.overlap !== undefined) {
      const { overlap } = step;
      const why =
        overlap.countedInFull === step.questionId
          ? 'it overlaps another choice in this answer, which counted in full'
          : `it overlaps your answer to ${overlap.countedInFull} (both about ${overlap.label}), which counted in full`;
      lines.push(
        wrap(`counted at half strength (${factorText(overlap.fullFactor)} in full): ${why}`, {
          width,
          indent: '     ',
        }),
      );
    }
    if (step.association !== undefined)
      lines.push(
        style.dim(
          wrap(
            `from a published ${step.association.measure} of ${step.association.value} for ${step.association.outcome}, used as its square root because it is not a likelihood ratio`,
            { width, indent: '     ' },
          ),
        ),
      );
    lines.push(
      style.dim(
        wrap(`${BASIS_LABELS[step.basis]}; sources: ${cite(step.sources)}`, {
          width,
          indent: '     ',
        }),
      ),
    );
    if (step.note !== undefined) lines.push(style.dim(wrap(step.note, { width, indent: '     ' })));
  }
  return lines;
}

function renderContributors(result: AssessmentResult, options: TextReportOptions): string[] {
  const { style, width } = options;
  const lines = [heading('Likely weak links', options)];
  if (result.triage.tier === null) {
    lines.push(
      wrap('Not shown until every warning-sign question has an answer ("not sure" counts).', {
        width,
      }),
    );
    return lines;
  }
  if (result.triage.tier === 'emergency') {
    // Safety: a ranking of running-related causes must not distract from emergency care.
    lines.push(wrap(WEAK_LINKS_WORDING.emergency, { width }));
    return lines;
  }
  if (result.triage.tier === 'urgent_doctor') {
    lines.push(style.yellow(wrap(WEAK_LINKS_WORDING.urgent_doctor, { width })));
  }
  lines.push(style.dim(wrap(WEAK_LINKS_WORDING.several, { width })));
  // Every contributor that is likely or possible is explained in full (at least three).
  const detailed =
    options.detailed ??
    Math.max(3, result.contributors.filter((c) => c.band !== 'less likely').length);
  result.contributors.slice(0, detailed).forEach((c, i) => {
    lines.push('');
    lines.push(...renderContributor(c, i + 1, options));
  });
  const rest = result.contributors.slice(detailed);
  for (const band of ['likely', 'possible', 'less likely'] as const) {
    const names = rest.filter((c) => c.band === band).map((c) => c.name);
    if (names.length === 0) continue;
    lines.push('');
    lines.push(
      wrap(`Also ${band}: ${names.join(', ')}.`, {
        width,
      }),
    );
  }
  lines.push('');
  lines.push(
    style.dim(
      wrap(
        `Words: likely from ${percent(LIKELIHOOD_BANDS.likely)}, possible from ${percent(LIKELIHOOD_BANDS.possible)}, less likely below (estimates from your answers; the numbers are in the detail and in --json).`,
        { width },
      ),
    ),
  );
  return lines;
}

/**
 * What each risk level means, following the stratified care of the STarT Back
 * trial (Hill et al. 2011, Lancet; source id `hill-2011`).
 */
const RISK_MEANING: Readonly<Record<'low' | 'medium' | 'high', string>> = {
  low: 'Low risk of the pain becoming long-lasting: advice, reassurance and staying active usually suffice.',
  medium: 'Medium risk: a course of physiotherapy is likely to help.',
  high: 'High risk: physiotherapy that also addresses worry and fear about the pain is likely to help most.',
};

function renderRisk(risk: RiskResult, options: TextReportOptions): string[] {
  const { width, style } = options;
  const lines = [heading('Risk screen', options)];
  if (risk.level === null) {
    const which = risk.missing.length < 9 ? ` (${risk.missing.join(', ')})` : '';
    lines.push(
      wrap(`Not scored: ${risk.missing.length} of 9 topics not answered${which}.`, { width }),
    );
    return lines;
  }
  lines.push(
    `${style.bold(risk.level.toUpperCase())} (total ${risk.total ?? 0}/9, distress ${risk.psychosocial ?? 0}/5)`,
  );
  lines.push(wrap(RISK_MEANING[risk.level], { width }));
  lines.push(style.dim(wrap(risk.note, { width })));
  return lines;
}

function renderIssues(issues: readonly Issue[], options: TextReportOptions): string[] {
  if (issues.length === 0) return [];
  const { width, style } = options;
  const mark = { error: style.red('✗'), warning: style.yellow('!'), info: style.dim('i') };
  return [
    heading('Notes on your answers', options),
    ...issues.map(
      (i) =>
        `${mark[i.severity]} ${wrap(i.message, { width: width - 2, indent: '  ' }).trimStart()}`,
    ),
  ];
}

/**
 * The answers filled in from imported runs, each with its statement, and
 * the ones the runner's own answers overruled. Shared with the plan's text.
 */
export function renderTrainingAnswers(
  data: TrainingDataUse,
  options: Pick<TextReportOptions, 'style' | 'width'>,
): string[] {
  const { style, width } = options;
  const filled = Object.entries(data.filled);
  if (filled.length === 0 && data.runnerAnswered.length === 0) return [];
  const lines = [heading('From your imported runs', options)];
  if (filled.length === 0) {
    lines.push(
      wrap('Your answers file already answers everything your runs could tell.', { width }),
    );
  }
  for (const [questionId, answer] of filled) {
    const value = Array.isArray(answer.value) ? answer.value.join(', ') : String(answer.value);
    lines.push(wrap(`${questionId} = ${value}`, { width, first: '  • ', indent: '    ' }));
    lines.push(style.dim(wrap(answer.statement, { width, indent: '    ' })));
  }
  if (data.runnerAnswered.length > 0) {
    lines.push(
      wrap(
        `Your own answers were kept where your runs could also have answered: ${data.runnerAnswered.join(', ')}.`,
        { width },
      ),
    );
  }
  lines.push(
    style.dim(
      wrap(
        `From ${data.activities} imported activities in ${data.store}. Use --no-training-data to leave them out.`,
        { width },
      ),
    ),
  );
  return lines;
}

/** Renders the whole report as text. */
export function renderReport(result: AssessmentResult, options: TextReportOptions): string {
  const { style, width, interview } = options;
  const lines: string[] = [];
  if (interview) {
    const n = interview.questionsAsked.length;
    lines.push(
      style.dim(
        wrap(
          `Based on ${n} question${n === 1 ? '' : 's'}; ended because ${ENDED[interview.endedBecause]}.`,
          { width },
        ),
      ),
    );
    if (interview.unusedAnswers && interview.unusedAnswers.length > 0) {
      lines.push(
        style.dim(
          wrap(
            `Not asked, so not used: ${interview.unusedAnswers.join(', ')}. Run without --adaptive to use every answer.`,
            { width },
          ),
        ),
      );
    }
  }
  lines.push(...renderTriage(result, options));
  if (options.trainingData) lines.push(...renderTrainingAnswers(options.trainingData, options));
  lines.push(...renderContributors(result, options));
  lines.push(...renderRisk(result.risk, options));
  // Unanswered warning-sign questions are listed once, in the triage section.
  const shown = new Set(missingWarningSigns(result));
  lines.push(
    ...renderIssues(
      result.issues.filter((i) => !(i.code === 'missing' && shown.has(i.questionId ?? ''))),
      options,
    ),
  );
  lines.push('');
  lines.push(style.bold(wrap(result.disclaimer, { width })));
  return `${lines.join('\n')}\n`;
}
