/**
 * The training report as text: weekly distance and time, the longest run
 * and spikes, the acute:chronic ratio with its caveats, hills, cadence,
 * ground-contact balance, shoes with the reminder and its caveat, the
 * findings the assessment can use ("From your imported runs: …"), and pain
 * against training. Kilometres throughout; dates in the runner's local time.
 */
import {
  dayString,
  localDayNumber,
  type PainComparison,
  type TrainingReport,
} from '@backtrack/core';
import { formatDate } from '../../io/dates.js';
import { heading } from '../../io/text.js';
import { wrap, type Style } from '../../io/style.js';

/** Pain against training, from the saved plan's check-ins. */
export interface PainSection {
  /**
   * `compared`: check-ins were compared (each comparison says whether there
   * is enough data yet); `no_plan` / `no_check_ins`: nothing to compare yet;
   * `unavailable`: the state file could not be read (`note` says why).
   */
  status: 'compared' | 'no_plan' | 'no_check_ins' | 'unavailable';
  checkIns: number;
  comparisons: PainComparison[];
  note: string;
}

/** The JSON output of `backtrack training --json`. */
export type TrainingOutput = TrainingReport & {
  pain: PainSection;
  store: { path: string; activities: number };
};

/** Metres as kilometres with one decimal. */
export function formatKm(m: number): string {
  return (m / 1000).toFixed(1);
}

/** The local calendar date of an instant, for people: `Sun 3 Mar 2024`. */
export function formatInstant(iso: string, utcOffsetMin: number): string {
  return formatDate(dayString(localDayNumber(Date.parse(iso), utcOffsetMin)));
}

/** Seconds as `h:mm`. */
function formatHours(s: number): string {
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function signedPct(x: number): string {
  return `${x > 0 ? '+' : ''}${Math.round(x)}%`;
}

function signedPoints(x: number): string {
  const text = x.toFixed(2);
  if (/^-?0\.00$/.test(text)) return '±0.00';
  return x > 0 ? `+${text}` : text;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Options of the text report. */
export interface TrainingTextOptions {
  style: Style;
  width: number;
}

function weeklySection(out: TrainingOutput, o: TrainingTextOptions): string[] {
  const { style, width } = o;
  const lines = [heading(`Weekly running (last ${out.weekly.weeks.length} weeks)`, o)];
  lines.push(style.dim('week      Monday              km    time  runs  vs week before'));
  const change = new Map(out.weekly.changes.map((c) => [c.week, c.changePct]));
  for (const w of out.weekly.weeks) {
    const pct = change.get(w.week);
    const vs = pct === undefined ? '' : pct === null ? '–' : signedPct(pct);
    const unknown = w.runsWithoutDuration > 0 ? ` (${w.runsWithoutDuration} without a time)` : '';
    lines.push(
      `${w.week}  ${formatDate(w.monday).padEnd(16)} ${formatKm(w.distanceM).padStart(6)} ${formatHours(w.durationS).padStart(7)} ${String(w.runs).padStart(5)}  ${vs}${unknown}`,
    );
  }
  lines.push(style.dim(wrap(out.weekly.caveat, { width })));
  return lines;
}

function loadSection(out: TrainingOutput, o: TrainingTextOptions): string[] {
  const { style, width } = o;
  const offset = out.utcOffsetMin;
  const lines = [heading('Long runs', o)];
  const longest = out.longestRun30d;
  lines.push(
    longest === null
      ? 'Longest run of the last 30 days: none (no runs with a start time in the last 30 days).'
      : wrap(
          `Longest run of the last 30 days: ${formatKm(longest.distanceM)} km on ${formatInstant(longest.startTime, offset)}${longest.name === undefined ? '' : ` (“${longest.name}”)`}.`,
          { width },
        ),
  );
  if (out.spikes.length === 0) {
    lines.push(
      wrap(
        `No run in these ${out.weekly.weeks.length} weeks was more than 10% longer than the longest run of the 30 days before it.`,
        { width },
      ),
    );
  } else {
    lines.push('Runs more than 10% longer than the longest of the 30 days before:');
    for (const s of out.spikes) {
      lines.push(
        wrap(
          `${formatInstant(s.startTime, offset)}: ${formatKm(s.distanceM)} km, ${Math.round(s.increasePct)}% longer than ${formatKm(s.previousLongestM)} km (injury hazard rate ratio ${s.hazardRateRatio} for this band)`,
          { width, first: '  • ', indent: '    ' },
        ),
      );
    }
    lines.push(
      style.dim(
        wrap(
          'In a study of 5,205 runners, a run more than 10% longer than the longest of the previous 30 days was linked to more overuse injuries (Frandsen 2025); it links injury in general, not back pain specifically.',
          { width },
        ),
      ),
    );
  }
  const acwr = out.acuteChronic;
  lines.push(heading('Acute:chronic load', o));
  const ratio =
    acwr.ratio === null
      ? 'no ratio (no running in the last 4 weeks)'
      : `ratio ${acwr.ratio.toFixed(2)}${acwr.uncoupledRatio === null ? '' : ` (uncoupled ${acwr.uncoupledRatio.toFixed(2)})`}`;
  lines.push(
    wrap(
      `Last 7 days ${formatKm(acwr.acuteM)} km; 4-week weekly average ${formatKm(acwr.chronicWeeklyM)} km: ${ratio}.`,
      { width },
    ),
  );
  for (const c of acwr.caveats)
    lines.push(style.dim(wrap(c, { width, first: '  - ', indent: '    ' })));
  return lines;
}

function formSection(out: TrainingOutput, o: TrainingTextOptions): string[] {
  const { width, style } = o;
  const lines = [heading('Hills, last 28 days', o)];
  const h = out.hills;
  if (h.runs === 0) lines.push('No runs in the last 28 days.');
  else if (h.downhillShare === null) {
    lines.push(
      wrap(
        `${plural(h.runs, 'run')}, none with an altitude track (treadmill or no GPS/barometer), so downhill running cannot be measured.`,
        { width },
      ),
    );
  } else {
    lines.push(
      wrap(
        `${Math.round(h.downhillShare * 100)}% of the measured running was downhill (${formatKm(h.downhillM)} of ${formatKm(h.measuredM)} km steeper than −2%), ${formatKm(h.uphillM)} km uphill; ${h.gainPerKmM === null ? '–' : Math.round(h.gainPerKmM)} m of climb per km over ${plural(h.runs, 'run')}${h.runsWithoutProfile > 0 ? ` (${h.runsWithoutProfile} without altitude)` : ''}.`,
        { width },
      ),
    );
  }
  lines.push(heading('Cadence (steps/min)', o));
  const c = out.cadence.change;
  if (c.recent === null) lines.push('No cadence in the runs of the last 4 weeks.');
  else {
    lines.push(
      wrap(
        `Last 4 weeks: ${Math.round(c.recent)} steps/min (${plural(c.recentRuns, 'run')})${c.baseline === null ? '' : `; the 8 weeks before: ${Math.round(c.baseline)} (${plural(c.baselineRuns, 'run')})`}${c.changePct === null ? '' : `, ${signedPct(c.changePct)}`}.`,
        { width },
      ),
    );
  }
  lines.push(heading('Ground contact time balance', o));
  const g = out.gctBalance;
  if (g.recentMeanLeftPct === null) {
    lines.push(
      wrap(
        'No ground-contact balance in the runs of the last 4 weeks (it needs a watch or pod that measures running dynamics).',
        { width },
      ),
    );
  } else {
    lines.push(
      wrap(
        `Last 4 weeks: ${g.recentMeanLeftPct.toFixed(1)}% left / ${(100 - g.recentMeanLeftPct).toFixed(1)}% right (${plural(g.recentRuns, 'run')})${g.slopePer30Days === null ? '' : `; trend ${signedPoints(g.slopePer30Days)} points left per 30 days`}.`,
        { width },
      ),
    );
    lines.push(
      style.dim(
        wrap('An even split is 50%; watch-measured balance differs between sensors.', { width }),
      ),
    );
  }
  return lines;
}

function shoeSection(out: TrainingOutput, o: TrainingTextOptions): string[] {
  const { style, width } = o;
  const lines = [heading('Shoes', o)];
  if (out.shoes.shoes.length === 0) {
    lines.push(
      wrap(
        'No shoes named in the imported runs (a Strava export names the gear of each run). Set a reminder with --shoe-reminder NAME=KM.',
        { width },
      ),
    );
    return lines;
  }
  for (const s of out.shoes.shoes) {
    const reminder =
      s.reminderKm === null
        ? ''
        : s.pastReminder
          ? style.yellow(` · past your ${s.reminderKm} km reminder: time to look at them`)
          : ` · reminder at ${s.reminderKm} km (${formatKm(s.reminderKm * 1000 - s.distanceM)} km to go)`;
    const last = s.lastUsed === null ? '' : `, last ${formatInstant(s.lastUsed, out.utcOffsetMin)}`;
    lines.push(
      `  ${s.name}: ${formatKm(s.distanceM)} km, ${plural(s.runs, 'run')}${last}${reminder}`,
    );
  }
  if (out.shoes.shoes.some((s) => s.reminderKm !== null)) {
    lines.push(style.dim(wrap(out.shoes.caveat, { width })));
  }
  return lines;
}

function findingsSection(out: TrainingOutput, o: TrainingTextOptions): string[] {
  const { style, width } = o;
  const lines = [heading('What your runs tell the assessment', o)];
  if (out.findings.length === 0) {
    lines.push(
      wrap(
        'Nothing yet: the findings need at least 3 dated runs in the last 4 weeks (and more for comparisons).',
        { width },
      ),
    );
    return lines;
  }
  for (const f of out.findings) {
    const mark = f.level === 'flag' ? style.yellow('!') : style.dim('i');
    lines.push(`${mark} ${wrap(f.text, { width: width - 2, indent: '  ' }).trimStart()}`);
    if (f.caveat !== undefined) lines.push(style.dim(wrap(f.caveat, { width, indent: '  ' })));
  }
  const answered = Object.keys(out.answersFromData.answers);
  if (answered.length > 0) {
    lines.push('');
    lines.push(
      wrap(
        `\`backtrack assess --answers FILE\` and \`backtrack plan\` use these for the questions your file leaves unanswered (${answered.join(', ')}); your own answers always win. Turn it off with --no-training-data.`,
        { width },
      ),
    );
  }
  return lines;
}

function painSection(out: TrainingOutput, o: TrainingTextOptions): string[] {
  const { style, width } = o;
  const lines = [heading('Pain against training', o)];
  const pain = out.pain;
  if (pain.status !== 'compared') {
    lines.push(wrap(pain.note, { width }));
    return lines;
  }
  lines.push(wrap(`From ${plural(pain.checkIns, 'check-in')} of your saved plan:`, { width }));
  const estimated = pain.comparisons.filter((c) => c.status === 'estimated');
  const notYet = pain.comparisons.filter((c) => c.status === 'not_enough_data');
  for (const c of estimated) lines.push(wrap(c.text, { width, first: '  • ', indent: '    ' }));
  for (const c of notYet)
    lines.push(style.dim(wrap(c.text, { width, first: '  · ', indent: '    ' })));
  lines.push(style.dim(wrap(pain.note, { width })));
  return lines;
}

/** Renders the whole training report as text. */
export function renderTraining(out: TrainingOutput, options: TrainingTextOptions): string {
  const { style, width } = options;
  const a = out.activities;
  const lines = [
    style.bold(
      wrap(
        `Training as of ${formatInstant(out.asOf, out.utcOffsetMin)}: ${plural(a.runs, 'run')}${a.firstRun !== null && a.lastRun !== null ? ` from ${formatInstant(a.firstRun, out.utcOffsetMin)} to ${formatInstant(a.lastRun, out.utcOffsetMin)}` : ''} (${plural(a.total, 'activity', 'activities')} imported).`,
        { width },
      ),
    ),
  ];
  const left = [
    a.undatedRuns > 0
      ? `${plural(a.undatedRuns, 'run')} without a start time (counted for shoes only)`
      : undefined,
    a.afterAsOf > 0
      ? `${plural(a.afterAsOf, 'activity', 'activities')} after this date`
      : undefined,
  ].filter((x): x is string => x !== undefined);
  if (left.length > 0) lines.push(style.dim(wrap(`Left out: ${left.join('; ')}.`, { width })));
  lines.push(...weeklySection(out, options));
  lines.push(...loadSection(out, options));
  lines.push(...formSection(out, options));
  lines.push(...shoeSection(out, options));
  lines.push(...findingsSection(out, options));
  lines.push(...painSection(out, options));
  lines.push('');
  lines.push(
    style.bold(
      wrap(
        'Backtrack is not a diagnosis. These figures describe your training; they do not say what causes your pain. If a warning sign appears or the pain gets worse, seek care.',
        { width },
      ),
    ),
  );
  return `${lines.join('\n')}\n`;
}
