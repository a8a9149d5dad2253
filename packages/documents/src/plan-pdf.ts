/**
 * The printable plan handout, drawn with PDFKit. Pages: a title page with
 * the triage and the weak links found (with only what to do now when triage
 * forbids a plan); the weekly schedule, a table per week; each exercise with
 * its illustration (the core's SVG drawn as vectors by `svg-to-pdfkit`),
 * dose, steps, cues and common mistakes; the running rules with their
 * evidence; the return-to-run phases when used; when to seek help. Every
 * page's footer carries the "not a diagnosis" disclaimer. The layout and
 * fonts are `pdf-writer.ts`.
 */
import {
  PAIN_MONITORING,
  RETURN_TO_RUN,
  describeIllustration,
  formatDate,
  formatShortDate,
  renderIllustration,
  type AssessmentResult,
  type DistanceUnit,
  type Exercise,
  type NoPlan,
  type Plan,
  type PlanOutcome,
  type PlanWeek,
} from '@backtrack/core';
import type SVGtoPDF from 'svg-to-pdfkit';
import { planDate, type IsoDate } from './dates.js';
import {
  RUNNING_MODE_TEXT,
  describeDoseSpan,
  describeItem,
  describeWeekRunning,
  doseSchedule,
  exerciseNamesFor,
  exercisesInPlan,
} from './describe-plan.js';
import { BASIS_LABELS, citeSources as cite, humanise, percent, tierHeadline } from './labels.js';
import {
  COLOURS,
  footers,
  newPdf,
  sentence,
  TIER_COLOURS,
  Writer,
  FONTS,
  MARGIN,
  type FontName,
} from './pdf-writer.js';
import { weakLinksForLater } from './weak-links.js';

/** What the handout is made from. */
export interface PlanPdfInput {
  result: AssessmentResult;
  outcome: PlanOutcome;
  /** The knowledge base's exercise library, by id. */
  exercises: ReadonlyMap<string, Exercise>;
  unit: DistanceUnit;
  /** Day 1 of week 1. */
  startDate: IsoDate;
  /** The date printed as "made on". */
  madeOn: IsoDate;
}

/** A rectangle on a page, in PDF points from the page's top-left corner; `page` is 1-based. */
export interface PdfBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The handout and where things were drawn (for tests and tools). */
export interface PlanPdf {
  pdf: Buffer;
  pageCount: number;
  /** Where each exercise illustration was drawn. */
  illustrations: (PdfBox & { exerciseId: string; illustration: string })[];
  /** Anything `svg-to-pdfkit` could not draw (empty when every illustration is complete). */
  svgWarnings: string[];
}

/** `Mon 6 Jan`, for table cells (the core's short date). */
function shortDate(date: IsoDate): string {
  return formatShortDate(date);
}

function titlePage(w: Writer, input: PlanPdfInput): void {
  const { result, outcome } = input;
  const { triage } = result;
  w.title('Backtrack');
  w.paragraph(
    outcome.kind === 'plan'
      ? `Your ${outcome.weeks.length}-week plan for lower back pain`
      : 'Your lower back pain: what to do now',
    { font: 'Bold', size: 14, colour: COLOURS.muted },
  );
  w.paragraph(
    outcome.kind === 'plan'
      ? `Made on ${formatDate(input.madeOn)} · starts ${formatDate(input.startDate)}`
      : `Made on ${formatDate(input.madeOn)}`,
    { size: 10, colour: COLOURS.muted },
  );
  w.doc.moveDown(0.8);

  const colour = triage.tier === null ? COLOURS.muted : TIER_COLOURS[triage.tier];
  w.callout(colour, tierHeadline(triage.tier), [`What to do now: ${triage.whatToDoNow}`]);
  if (triage.reasons.length > 0) {
    w.h3('Why');
    w.list(
      triage.reasons.map((r) =>
        [
          sentence(r.reason),
          r.action === triage.whatToDoNow ? '' : ` What to do: ${sentence(r.action)}`,
          r.condition ? ` To rule out: ${humanise(r.condition)}.` : '',
          ` Sources: ${cite(r.sources)}.`,
        ].join(''),
      ),
    );
  }

  if (outcome.kind === 'no_plan') {
    noPlanSection(w, outcome);
    const later = weakLinksForLater(result);
    if (later.length > 0) {
      w.h2('Likely weak links, to discuss once a doctor has seen you');
      w.list(later.map((c) => `${c.name}: ${percent(c.probability)}`));
    }
    return;
  }
  if (outcome.conservative) {
    w.h2('Book an appointment', TIER_COLOURS.see_clinician);
    w.paragraph(
      `${outcome.adviceToBook ?? triage.whatToDoNow} Until you are seen, this plan is a gentler one: lower doses, easy running on flat routes only.`,
    );
  }
  w.h2('The weak links this plan works on');
  w.paragraph(
    'Each is a separate estimate from your answers (several can be true at once), not a diagnosis.',
    { size: 9, colour: COLOURS.muted },
  );
  w.list(
    outcome.targets.map((t) => {
      const exercises = exerciseNamesFor(outcome, t.id);
      return `${t.name}: ${percent(t.probability)}${exercises.length > 0 ? ` · exercises: ${exercises.join(', ')}` : ''}`;
    }),
  );
  w.h2('Running');
  w.paragraph(RUNNING_MODE_TEXT[outcome.runningMode]);
  if (outcome.missing.length > 0) {
    w.h2('What this plan cannot dose yet');
    w.list(outcome.missing.map((m) => m.why));
  }
  w.h2('How to use this handout');
  w.list([
    'Follow the weekly schedule; each exercise has its own page with a picture, the dose, the steps and what to watch for.',
    `Note your pain each day (0–10) during and after the sessions and the next morning. Pain up to ${PAIN_MONITORING.safeMax} is fine; up to ${PAIN_MONITORING.acceptableMax} is acceptable if it has settled by the next morning.`,
    'Read "When to seek help" at the end, and stop and seek care if a warning sign appears.',
  ]);
}

function noPlanSection(w: Writer, outcome: NoPlan): void {
  w.h2('No plan for now', outcome.tier === null ? COLOURS.muted : TIER_COLOURS[outcome.tier]);
  w.paragraph(outcome.reason, { font: 'Bold' });
}

/** One week as a table: day and date, exercises, run or walk. */
function weekTable(w: Writer, week: PlanWeek, input: PlanPdfInput): void {
  const { doc } = w;
  const size = 8.5;
  const pad = 4;
  const columns = [
    { title: 'Day', width: 78 },
    { title: 'Exercises', width: w.width - 78 - 150 },
    { title: 'Run / walk', width: 150 },
  ] as const;
  const rows = week.days
    .filter((d) => d.items.length > 0)
    .map((d) => [
      `Day ${d.day}\n${shortDate(planDate(input.startDate, week.week, d.day))}`,
      d.items
        .filter((i) => i.kind === 'exercise')
        .map((i) => describeItem(i, input.unit))
        .join('\n') || '–',
      d.items
        .filter((i) => i.kind !== 'exercise')
        .map((i) => describeItem(i, input.unit))
        .join('\n') || '–',
    ]);
  const rowHeight = (cells: readonly string[], font: FontName) =>
    Math.max(
      ...cells.map((c, i) => w.heightOf(c, font, size, (columns[i]?.width ?? 0) - 2 * pad)),
    ) +
    2 * pad;
  const headerHeight = rowHeight(
    columns.map((c) => c.title),
    'Bold',
  );
  const drawRow = (cells: readonly string[], font: FontName, fill?: string) => {
    const height = rowHeight(cells, font);
    const top = doc.y;
    let x = w.left;
    cells.forEach((cell, i) => {
      const cw = columns[i]?.width ?? 0;
      if (fill !== undefined) doc.rect(x, top, cw, height).fill(fill);
      doc.rect(x, top, cw, height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
      w.style(font, size);
      doc.text(cell, x + pad, top + pad, { width: cw - 2 * pad, lineGap: 1 });
      x += cw;
    });
    doc.x = w.left;
    doc.y = top + height;
  };

  const total = headerHeight + rows.reduce((h, r) => h + rowHeight(r, 'Regular'), 0);
  // Keep a week on one page when it fits on a page at all.
  w.ensureSpace(Math.min(total + 50, w.bottom - MARGIN.top));
  w.h2(`Week ${week.week} · ${week.phase} · ${describeWeekRunning(week, input.unit)}`);
  w.paragraph(week.focus, { size: 9.5, colour: COLOURS.muted });
  drawRow(
    columns.map((c) => c.title),
    'Bold',
    COLOURS.header,
  );
  for (const row of rows) {
    if (doc.y + rowHeight(row, 'Regular') > w.bottom) {
      doc.addPage();
      drawRow(
        columns.map((c) => c.title),
        'Bold',
        COLOURS.header,
      );
    }
    drawRow(row, 'Regular');
  }
  doc.moveDown(0.8);
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /viewBox="\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)\s*"/.exec(svg);
  const width = Number(match?.[1] ?? 640);
  const height = Number(match?.[2] ?? 280);
  return { width, height };
}

function exercisePage(
  w: Writer,
  exercise: Exercise,
  plan: Plan,
  out: PlanPdf['illustrations'],
  warnings: string[],
  drawSvg: typeof SVGtoPDF,
): void {
  const { doc } = w;
  const svg = renderIllustration(exercise.illustration);
  const size = svgSize(svg);
  const width = w.width;
  const height = (width * size.height) / size.width;
  w.ensureSpace(height + 200);
  w.h2(exercise.name, COLOURS.accent);
  const targets = plan.targets.filter((t) => exercise.targets.includes(t.id)).map((t) => t.name);
  w.paragraph(
    `${humanise(exercise.category)}${targets.length > 0 ? ` · works on: ${targets.join(', ')}` : ''}`,
    { size: 9, colour: COLOURS.muted },
  );
  w.paragraph(exercise.summary);

  const top = doc.y + 2;
  // The SVG's own width and height win over the options, so draw it at its
  // size (1 unit = 1 pt) and scale the drawing to the column instead.
  doc.save();
  doc.translate(w.left, top).scale(width / size.width);
  drawSvg(doc, svg, 0, 0, {
    width: size.width,
    height: size.height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? FONTS.Bold : FONTS.Regular),
    warningCallback: (warning) => warnings.push(`${exercise.illustration}: ${warning}`),
  });
  doc.restore();
  out.push({
    exerciseId: exercise.id,
    illustration: exercise.illustration,
    page: w.pageNumber,
    x: w.left,
    y: top,
    width,
    height,
  });
  doc.x = w.left;
  doc.y = top + height + 4;
  const description = describeIllustration(exercise.illustration);
  w.paragraph(`Start: ${description.start} End: ${description.end}`, {
    font: 'Italic',
    size: 8.5,
    colour: COLOURS.muted,
  });

  w.h3('Dose');
  w.list(doseSchedule(plan.weeks, exercise.id).map(describeDoseSpan));
  w.paragraph(
    `Where the dose comes from (${BASIS_LABELS[exercise.dose.basis]}): ${exercise.dose.note}`,
    {
      size: 8.5,
      colour: COLOURS.muted,
    },
  );
  w.h3('Steps');
  w.list(exercise.steps, { numbered: true });
  w.h3('Cues');
  w.list(exercise.cues);
  w.h3('Common mistakes');
  w.list(exercise.mistakes);
  w.paragraph(`Easier: ${exercise.easier}`, { size: 9.5 });
  w.paragraph(`Harder: ${exercise.harder}`, { size: 9.5 });
  w.h3('Stop and change the plan if');
  w.list(exercise.stopIf);
  w.paragraph(`Evidence: ${exercise.evidenceNote} Sources: ${cite(exercise.sources)}.`, {
    size: 8.5,
    colour: COLOURS.muted,
  });
}

function runningRules(w: Writer, plan: Plan): void {
  w.h1('Running rules');
  for (const rule of plan.runningRules) {
    w.ensureSpace(70);
    w.h3(rule.title);
    w.paragraph(rule.text);
    w.paragraph(
      `Evidence (${BASIS_LABELS[rule.basis]}): ${rule.evidence} Sources: ${cite(rule.sources)}.`,
      { size: 8.5, colour: COLOURS.muted },
    );
  }
}

function returnToRun(w: Writer): void {
  w.h1('Return to running');
  w.h3('Start the walk/run sessions only when you can manage all of these');
  w.list(RETURN_TO_RUN.startCriteria.map((c) => c.text));
  w.h3('Rules');
  w.list(RETURN_TO_RUN.rules);
  w.h3('Phases');
  w.list(
    RETURN_TO_RUN.phases.map((p) =>
      p.walkMinutes === 0
        ? `Phase ${p.phase}: run ${p.runMinutes} min continuously`
        : `Phase ${p.phase}: ${p.repeats} × (walk ${p.walkMinutes} min, run ${p.runMinutes} min)`,
    ),
  );
  w.paragraph(`${RETURN_TO_RUN.note} Sources: ${cite(RETURN_TO_RUN.sources)}.`, {
    size: 8.5,
    colour: COLOURS.muted,
  });
}

/** Renders the handout for a plan outcome. */
export async function renderPlanPdf(input: PlanPdfInput): Promise<PlanPdf> {
  // Loaded here, not at start-up: commands that draw no PDF do not pay for it.
  const { default: drawSvg } = await import('svg-to-pdfkit');
  const { doc, done } = await newPdf({
    Title: input.outcome.kind === 'plan' ? 'Backtrack: your plan' : 'Backtrack: what to do now',
    Subject: 'Lower back pain in runners',
  });

  const w = new Writer(doc);
  const illustrations: PlanPdf['illustrations'] = [];
  const svgWarnings: string[] = [];
  const { outcome } = input;
  titlePage(w, input);

  if (outcome.kind === 'plan') {
    w.newPage();
    w.h1('Weekly schedule');
    w.paragraph(
      `Distances in ${input.unit === 'mi' ? 'miles' : 'kilometres'}. Day 1 is ${formatDate(input.startDate)}.`,
      { size: 9, colour: COLOURS.muted },
    );
    for (const week of outcome.weeks) weekTable(w, week, input);

    w.newPage();
    w.h1('Exercises');
    for (const id of exercisesInPlan(outcome.weeks)) {
      const exercise = input.exercises.get(id);
      if (exercise) exercisePage(w, exercise, outcome, illustrations, svgWarnings, drawSvg);
    }
    if (outcome.runningRules.length > 0) runningRules(w, outcome);
    if (outcome.runningMode === 'return_to_run') returnToRun(w);
    w.h1('When to seek help');
    w.list(outcome.whenToSeekHelp);
  }
  // The disclaimer is in every page's footer; a no-plan handout repeats it in full.
  if (outcome.kind === 'no_plan') {
    w.doc.moveDown(0.5);
    w.paragraph(outcome.disclaimer, { font: 'Bold' });
  }

  const pageCount = footers(doc, outcome.disclaimer);
  return { pdf: await done(), pageCount, illustrations, svgWarnings };
}
