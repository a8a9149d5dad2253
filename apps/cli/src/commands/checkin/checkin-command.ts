/**
 * `backtrack checkin`: records a day's pain and sessions against the saved
 * plan and shows how the plan adapts: the core's `replayPlan` over all the
 * check-ins gives this week's decision (progress, hold, step back, stop
 * running), the reason, and the rebuilt next week.
 */
import {
  DomainError,
  ZCheckIn,
  checkInsOfWeek,
  dayOfWeek,
  replayPlan,
  sessionsPlannedOn,
  weekOfDay,
  type Adaptation,
  type CheckIn,
  type KnowledgeBase,
  type PlanSafetyStop,
  type CheckInRecheck,
  type LegPain,
  checkInRecheck,
  CHECK_IN_DISTANCE_MAX_KM,
  CHECK_IN_NOTE_MAX,
  LEG_PAIN,
  LEG_PAIN_RECHECK,
  DECISION_LABELS,
  describeLevel,
} from '@backtrack/core';
import type { CliIo } from '../../io/cli-io.js';
import { daysBetween, formatDate, localDate, planDate, type IsoDate } from '../../io/dates.js';
import { heading } from '../../io/text.js';
import { renderSafetyStop, renderWeeks } from '../plan/render-plan.js';
import { readState, stateFilePath, writeState } from '../../store/plan-state.js';
import { createStyle, outputWidth, shouldUseColour, wrap, type Style } from '../../io/style.js';

/** The check-in values as typed on the command line (validated here). */
export interface CheckInArgs {
  during?: string | undefined;
  after?: string | undefined;
  morning?: string | undefined;
  done?: string | undefined;
  planned?: string | undefined;
  /** The day checked in, as a date; default today. */
  date?: IsoDate | undefined;
  /** The day checked in, as a day of the plan (1-based). */
  day?: string | undefined;
  /** Kilometres actually run that day. */
  km?: string | undefined;
  /** Where the pain reached: none, above_knee, below_knee. */
  leg?: string | undefined;
  /** A note for the physiotherapist. */
  note?: string | undefined;
  format: 'text' | 'json';
}

/** Each check-in field and the option that sets it, for error messages. */
export const CHECK_IN_OPTIONS: Readonly<Record<keyof Omit<CheckIn, 'day'>, string>> = {
  painDuring: '--during',
  painAfter: '--after',
  painNextMorning: '--morning',
  sessionsDone: '--done',
  sessionsPlanned: '--planned',
  distanceKm: '--km',
  legPain: '--leg',
  note: '--note',
};

const OPTION_MEANING: Readonly<Record<string, string>> = {
  '--during': 'pain during the sessions, 0–10',
  '--after': 'pain after the sessions, 0–10',
  '--morning': 'pain the next morning, 0–10',
  '--done': 'sessions done',
  '--planned': 'sessions planned',
  '--day': 'day of the plan',
  '--km': 'kilometres run that day',
};

/** The JSON output of a check-in. */
export interface CheckInReport {
  checkIn: CheckIn;
  date: IsoDate;
  week: number;
  /** Whether an earlier check-in of the same day was replaced. */
  replaced: boolean;
  checkInsThisWeek: number;
  adaptation: Adaptation;
  /** Set once any week's check-ins stopped running: re-screen and see a clinician. */
  safetyStop?: PlanSafetyStop;
  /** Set when this check-in calls for answering the nerve warning signs again. */
  recheck?: CheckInRecheck;
  stateFile: string;
}

function invalid(message: string, details: string[] = []): DomainError {
  return new DomainError('invalid_input', message, details);
}

/** The numbers typed on the command line, before the range checks of `ZCheckIn`. */
interface TypedValues {
  painDuring: number;
  painAfter: number;
  painNextMorning: number;
  sessionsDone: number;
  sessionsPlanned: number | undefined;
  day: number | undefined;
  distanceKm: number | undefined;
}

/**
 * Reads the numbers typed for each option: every required option present,
 * every value a whole number. Throws one `DomainError` listing every problem,
 * each naming its option.
 */
export function readTypedValues(args: CheckInArgs): TypedValues {
  const problems: string[] = [];
  const read = (option: string, text: string | undefined, required: boolean) => {
    if (text === undefined) {
      if (required) problems.push(`${option}: missing (${OPTION_MEANING[option] ?? ''})`);
      return undefined;
    }
    if (!/^\s*-?\d+\s*$/.test(text)) {
      problems.push(
        `${option}: must be a whole number (${OPTION_MEANING[option] ?? ''}), got "${text}"`,
      );
      return undefined;
    }
    return Number(text);
  };
  const values = {
    painDuring: read('--during', args.during, true),
    painAfter: read('--after', args.after, true),
    painNextMorning: read('--morning', args.morning, true),
    sessionsDone: read('--done', args.done, true),
    sessionsPlanned: read('--planned', args.planned, false),
    day: read('--day', args.day, false),
    distanceKm: (() => {
      if (args.km === undefined) return undefined;
      if (!/^\s*\d+(\.\d+)?\s*$/.test(args.km)) {
        problems.push(`--km: must be a number of kilometres, got "${args.km}"`);
        return undefined;
      }
      return Number(args.km);
    })(),
  };
  const { painDuring, painAfter, painNextMorning, sessionsDone } = values;
  if (
    problems.length > 0 ||
    painDuring === undefined ||
    painAfter === undefined ||
    painNextMorning === undefined ||
    sessionsDone === undefined
  ) {
    throw invalid('invalid check-in:', problems);
  }
  return { ...values, painDuring, painAfter, painNextMorning, sessionsDone };
}

function decisionColour(decision: Adaptation['decision'], style: Style): (s: string) => string {
  switch (decision) {
    case 'progress':
      return style.green;
    case 'hold':
      return style.cyan;
    case 'step_back':
    case 'not_applied':
      return style.yellow;
    case 'stop_running':
      return style.red;
  }
}

/** Runs `backtrack checkin`; resolves with the exit status. */
export async function checkinCommand(
  kb: KnowledgeBase,
  args: CheckInArgs,
  io: CliIo,
): Promise<number> {
  const typed = readTypedValues(args);
  const path = stateFilePath(io.env);
  const state = await readState(path);
  if (state === undefined) {
    throw new DomainError(
      'not_found',
      `no saved plan in ${path}: save one first with \`backtrack plan --answers FILE --save\``,
    );
  }
  const { plan, startDate } = state;
  const lastDay = plan.weeks.length * 7;

  let day: number;
  let date: IsoDate;
  if (typed.day !== undefined) {
    if (typed.day < 1 || typed.day > lastDay) {
      throw invalid(`--day must be a day of the plan, 1–${lastDay}, got ${typed.day}`);
    }
    day = typed.day;
    date = planDate(startDate, 1, day);
  } else {
    date = args.date ?? localDate(io.now?.() ?? new Date());
    day = daysBetween(startDate, date) + 1;
    const which = args.date === undefined ? `today (${date})` : date;
    if (day < 1) {
      throw invalid(
        `${which} is before the plan starts (${formatDate(startDate)}); use --date or --day for a day of the plan`,
      );
    }
    if (day > lastDay) {
      throw invalid(
        `${which} is after the plan's last day (day ${lastDay}, ${formatDate(planDate(startDate, 1, lastDay))}); save a new plan with \`backtrack plan --answers FILE --save\``,
      );
    }
  }
  const week = weekOfDay(day);
  // The plan as it stood on that day: every earlier week decided, weeks without check-ins held.
  const current = replayPlan(kb, plan, state.checkIns, { asOfDay: day }).plan;
  const planned =
    typed.sessionsPlanned ??
    sessionsPlannedOn(
      current.weeks[week - 1]?.days.find((d) => d.day === dayOfWeek(day))?.items ?? [],
    );

  const candidate: CheckIn = {
    day,
    painDuring: typed.painDuring,
    painAfter: typed.painAfter,
    painNextMorning: typed.painNextMorning,
    sessionsDone: typed.sessionsDone,
    sessionsPlanned: planned,
    ...(typed.distanceKm === undefined ? {} : { distanceKm: typed.distanceKm }),
    ...(args.leg === undefined ? {} : { legPain: args.leg as LegPain }),
    ...(args.note === undefined ? {} : { note: args.note }),
  };
  const parsed = ZCheckIn.safeParse(candidate);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? '');
      const option =
        Object.entries(CHECK_IN_OPTIONS).find(([name]) => name === field)?.[1] ?? field;
      const hint =
        field === 'sessionsDone' && typed.sessionsPlanned === undefined
          ? ` (${planned} planned on day ${day}; set --planned if you planned more)`
          : '';
      const value = Object.entries(candidate).find(([name]) => name === field)?.[1];
      const message =
        field === 'legPain'
          ? `must be one of ${LEG_PAIN.join(', ')}, got "${String(value)}"`
          : field === 'note'
            ? `a note of 1 to ${String(CHECK_IN_NOTE_MAX)} characters`
            : i.code === 'too_big' || i.code === 'too_small'
              ? `${String(value)} is outside ${field === 'day' ? `1–${lastDay}` : field === 'distanceKm' ? `0–${String(CHECK_IN_DISTANCE_MAX_KM)}` : '0–10'}`
              : i.message;
      return `${option}: ${message}${hint}`;
    });
    throw invalid(`invalid check-in for day ${day}:`, details);
  }
  const checkIn = parsed.data;

  const replaced = state.checkIns.some((c) => c.day === day);
  const previous = state.checkIns.filter((c) => c.day < day).sort((a, b) => b.day - a.day)[0];
  const recheck = checkInRecheck(kb, checkIn, previous);
  const checkIns = [...state.checkIns.filter((c) => c.day !== day), checkIn].sort(
    (a, b) => a.day - b.day,
  );
  await writeState(path, { ...state, checkIns });

  const thisWeek = checkInsOfWeek(checkIns, week);
  const replayed = replayPlan(kb, plan, checkIns);
  const adaptation = replayed.adaptations.find((a) => a.week === week);
  if (!adaptation) throw new Error(`replayPlan decided no adaptation for week ${week}`);
  const report: CheckInReport = {
    checkIn,
    date,
    week,
    replaced,
    checkInsThisWeek: thisWeek.length,
    adaptation,
    ...(replayed.plan.safetyStop ? { safetyStop: replayed.plan.safetyStop } : {}),
    ...(recheck ? { recheck } : {}),
    stateFile: path,
  };
  if (args.format === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const style = createStyle({ colour: shouldUseColour(io.stdout, io.env) });
  const width = outputWidth(io.stdout);
  const unit = state.profile.units;
  io.stdout.write(
    renderCheckIn(report, {
      style,
      width,
      unit,
      startDate,
      planWeeks: plan.weeks.length,
      disclaimer: plan.disclaimer,
    }),
  );
  return 0;
}

function renderCheckIn(
  report: CheckInReport,
  options: {
    style: Style;
    width: number;
    unit: 'km' | 'mi';
    startDate: IsoDate;
    planWeeks: number;
    disclaimer: string;
  },
): string {
  const { style, width } = options;
  const { checkIn, adaptation, week } = report;
  const lines = [
    `${report.replaced ? 'Replaced the check-in' : 'Saved the check-in'} for day ${checkIn.day} (${formatDate(report.date)}), week ${week}: pain ${checkIn.painDuring} during, ${checkIn.painAfter} after, ${checkIn.painNextMorning} next morning; ${checkIn.sessionsDone} of ${checkIn.sessionsPlanned} sessions done.`,
  ].map((l) => wrap(l, { width }));
  lines.push(
    style.dim(
      wrap(
        `${report.checkInsThisWeek} check-in${report.checkInsThisWeek === 1 ? '' : 's'} in week ${week} so far; the decision below is worked out again with each check-in of the week.`,
        { width },
      ),
    ),
  );
  lines.push(heading(`How week ${week + 1} adapts`, { style, width }));
  lines.push(
    style.bold(decisionColour(adaptation.decision, style)(DECISION_LABELS[adaptation.decision])),
  );
  lines.push(wrap(adaptation.reason, { width }));
  lines.push(
    style.dim(
      `Level: ${describeLevel(adaptation.fromLevel)} → ${describeLevel(adaptation.toLevel)}.`,
    ),
  );
  if (report.safetyStop) {
    lines.push(...renderSafetyStop({ safetyStop: report.safetyStop }, { style, width }));
  }
  if (report.recheck) {
    lines.push('');
    lines.push(style.bold(style.yellow(LEG_PAIN_RECHECK.heading)));
    lines.push(wrap(`${report.recheck.reason} ${report.recheck.action}`, { width }));
    lines.push(wrap('Run `backtrack assess` to answer them.', { width }));
  }
  if (week >= options.planWeeks) {
    lines.push(
      wrap(
        `Week ${week} is the plan's last week; the week below is how it would continue. Reassess with \`backtrack plan --answers FILE --save\` for a new plan.`,
        { width },
      ),
    );
  }
  lines.push(
    ...renderWeeks([adaptation.nextWeek], {
      style,
      width,
      unit: options.unit,
      startDate: options.startDate,
    }),
  );
  lines.push('');
  lines.push(style.bold(wrap(options.disclaimer, { width })));
  return `${lines.join('\n')}\n`;
}
