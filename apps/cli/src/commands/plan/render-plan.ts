/**
 * The plan as text for a terminal. Order: triage first (as in the
 * assessment report), the weak links the plan works on, the advice to book
 * when the plan is a conservative one, how running is handled, then week by
 * week and day by day, the running rules, the return-to-run phases when
 * used, when to seek help, and the disclaimer. Where triage forbids a plan:
 * the triage, why there is no plan, and what to do now.
 */
import { citeSources as cite } from '../../io/cite.js';
import {
  PAIN_MONITORING,
  RETURN_TO_RUN,
  type AssessmentResult,
  type DistanceUnit,
  type NoPlan,
  type Plan,
  type PlanOutcome,
  type PlanWeek,
} from '@backtrack/core';
import { formatDate, planDate, type IsoDate } from '../../io/dates.js';
import {
  RUNNING_MODE_TEXT,
  describeItem,
  describeWeekRunning,
  exerciseNamesFor,
  weakLinksForLater,
} from '@backtrack/documents';
import { BASIS_LABELS } from '../../io/labels.js';
import { heading, percent } from '../../io/text.js';
import {
  renderTrainingAnswers,
  renderTriage,
  type TextReportOptions,
} from '../assess/render-report.js';
import { wrap } from '../../io/style.js';

/** Options of the text plan. */
export interface PlanTextOptions extends TextReportOptions {
  unit: DistanceUnit;
  /** Day 1 of week 1. */
  startDate: IsoDate;
}

const PHASE_NAMES: Readonly<Record<PlanWeek['phase'], string>> = {
  settle: 'settle',
  build: 'build',
  progress: 'progress',
};

function renderTargets(plan: Plan, options: PlanTextOptions): string[] {
  const { style, width } = options;
  const lines = [heading('Weak links this plan works on', options)];
  plan.targets.forEach((t, i) => {
    lines.push(`${style.bold(`${i + 1}. ${t.name}`)}  ${style.cyan(percent(t.probability))}`);
    const names = exerciseNamesFor(plan, t.id);
    if (names.length > 0)
      lines.push(wrap(`Exercises: ${names.join(', ')}`, { width, indent: '   ' }));
  });
  return lines;
}

function renderWeek(week: PlanWeek, options: PlanTextOptions): string[] {
  const { style, width, unit, startDate } = options;
  const lines = [
    '',
    style.bold(
      `Week ${week.week} · ${PHASE_NAMES[week.phase]} · ${describeWeekRunning(week, unit)}`,
    ),
    style.dim(wrap(week.focus, { width, indent: '  ' })),
  ];
  for (const day of week.days) {
    if (day.items.length === 0) continue;
    lines.push(`  Day ${day.day} · ${formatDate(planDate(startDate, week.week, day.day))}`);
    for (const item of day.items) {
      lines.push(wrap(describeItem(item, unit), { width, first: '    • ', indent: '      ' }));
    }
  }
  return lines;
}

/** The weeks of a plan, day by day (also used for an adapted week after a check-in). */
export function renderWeeks(weeks: readonly PlanWeek[], options: PlanTextOptions): string[] {
  return weeks.flatMap((w) => renderWeek(w, options));
}

function renderRules(plan: Plan, options: PlanTextOptions): string[] {
  const { style, width } = options;
  const lines = [heading('Running rules', options)];
  for (const rule of plan.runningRules) {
    lines.push(style.bold(wrap(rule.title, { width, first: '• ', indent: '  ' })));
    lines.push(wrap(rule.text, { width, indent: '  ' }));
    lines.push(
      style.dim(
        wrap(
          `Evidence (${BASIS_LABELS[rule.basis]}): ${rule.evidence} Sources: ${cite(rule.sources)}.`,
          { width, indent: '  ' },
        ),
      ),
    );
  }
  return lines;
}

function renderReturnToRun(options: PlanTextOptions): string[] {
  const { style, width } = options;
  const lines = [heading('Return to running', options)];
  lines.push('Start the walk/run sessions only when you can manage all of these:');
  for (const c of RETURN_TO_RUN.startCriteria)
    lines.push(wrap(c.text, { width, first: '  • ', indent: '    ' }));
  lines.push('Rules:');
  for (const r of RETURN_TO_RUN.rules)
    lines.push(wrap(r, { width, first: '  • ', indent: '    ' }));
  lines.push('Phases:');
  for (const p of RETURN_TO_RUN.phases) {
    lines.push(
      p.walkMinutes === 0
        ? `  ${p.phase}. run ${p.runMinutes} min continuously`
        : `  ${p.phase}. ${p.repeats} × (walk ${p.walkMinutes} min, run ${p.runMinutes} min)`,
    );
  }
  lines.push(style.dim(wrap(RETURN_TO_RUN.note, { width })));
  return lines;
}

/** The safety stop raised by the check-ins (running stopped, re-screen, see a clinician), if any. */
export function renderSafetyStop(
  plan: Pick<Plan, 'safetyStop'>,
  options: Pick<PlanTextOptions, 'style' | 'width'>,
): string[] {
  const { style, width } = options;
  const lines: string[] = [];
  if (plan.safetyStop) {
    lines.push(heading('Running stopped: see a clinician', options));
    lines.push(style.yellow(wrap(plan.safetyStop.reason, { width })));
    lines.push(style.bold(wrap(plan.safetyStop.seeClinician, { width })));
    lines.push(
      wrap(
        'Before you run again, answer the warning-sign questions again with `backtrack assess`, as things are today.',
        { width },
      ),
    );
  }
  return lines;
}

/** What the plan could not dose for lack of an answer, and the safety stop of the check-ins. */
export function renderPlanNotices(plan: Plan, options: PlanTextOptions): string[] {
  const { width } = options;
  const lines = renderSafetyStop(plan, options);
  if (plan.missing.length > 0) {
    lines.push(heading('What this plan cannot dose yet', options));
    for (const m of plan.missing) lines.push(wrap(m.why, { width, first: '• ', indent: '  ' }));
  }
  return lines;
}

function renderPlan(result: AssessmentResult, plan: Plan, options: PlanTextOptions): string[] {
  const { style, width, startDate } = options;
  const lines = renderTriage(result, options);
  lines.push(...renderTargets(plan, options));
  lines.push(...renderPlanNotices(plan, options));
  if (plan.conservative) {
    lines.push(heading('Book an appointment', options));
    lines.push(
      style.yellow(
        wrap(
          `${plan.adviceToBook ?? result.triage.whatToDoNow} Until you are seen, this plan is a gentler one: lower doses, easy running on flat routes only.`,
          { width },
        ),
      ),
    );
  }
  lines.push(heading('Running', options));
  lines.push(wrap(RUNNING_MODE_TEXT[plan.runningMode], { width }));
  lines.push(
    heading(`Your ${plan.weeks.length}-week plan, starting ${formatDate(startDate)}`, options),
  );
  lines.push(...renderWeeks(plan.weeks, options));
  if (plan.runningRules.length > 0) lines.push(...renderRules(plan, options));
  if (plan.runningMode === 'return_to_run') lines.push(...renderReturnToRun(options));
  lines.push(heading('How the plan adapts', options));
  lines.push(
    wrap(
      plan.adaptation === 'pain_monitoring'
        ? `Each day, note your pain during and after the sessions and the next morning (0–10). Pain up to ${PAIN_MONITORING.safeMax} is fine, up to ${PAIN_MONITORING.acceptableMax} acceptable if it has settled by the next morning; more, and the next week steps back. Save the plan with --save and record each day with \`backtrack checkin\`.`
        : 'This plan is not adapted by pain: with a possible bone stress injury, activity must stay pain-free. Stop any activity that hurts and see a doctor.',
      { width },
    ),
  );
  lines.push(heading('When to seek help', options));
  for (const w of plan.whenToSeekHelp) lines.push(wrap(w, { width, first: '• ', indent: '  ' }));
  return lines;
}

function renderNoPlan(
  result: AssessmentResult,
  outcome: NoPlan,
  options: PlanTextOptions,
): string[] {
  const { style, width } = options;
  const lines = renderTriage(result, options);
  lines.push(heading('No plan', options));
  lines.push(style.bold(wrap(outcome.reason, { width })));
  const later = weakLinksForLater(result);
  if (later.length > 0) {
    lines.push(heading('Likely weak links, to discuss once a doctor has seen you', options));
    for (const c of later) lines.push(`• ${c.name}  ${style.cyan(percent(c.probability))}`);
  }
  return lines;
}

/** Renders a plan outcome (plan or no plan) as text. */
export function renderPlanText(
  result: AssessmentResult,
  outcome: PlanOutcome,
  options: PlanTextOptions,
): string {
  const lines =
    outcome.kind === 'plan'
      ? renderPlan(result, outcome, options)
      : renderNoPlan(result, outcome, options);
  if (options.trainingData) lines.push(...renderTrainingAnswers(options.trainingData, options));
  lines.push('');
  lines.push(options.style.bold(wrap(outcome.disclaimer, { width: options.width })));
  return `${lines.join('\n')}\n`;
}
