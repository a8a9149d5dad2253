/**
 * The printable plan handout, drawn with PDFKit. Pages: a title page with
 * the triage and the weak links found (with only what to do now when triage
 * forbids a plan); the weekly schedule, a table per week; each exercise with
 * its illustration (the core's SVG drawn as vectors by `svg-to-pdfkit`),
 * dose, steps, cues and common mistakes; the running rules with their
 * evidence; the return-to-run phases when used; when to seek help. Every
 * page's footer carries the "not a diagnosis" disclaimer.
 *
 * Text is set in DejaVu Sans, embedded from the `dejavu-fonts-ttf` package:
 * PDFKit's built-in fonts only cover WinAnsi, and the plan's text uses
 * – ’ “ ” → ≤ ≥ and ×. The embedded font keeps every character as written.
 */
import { citeSources as cite } from '../../io/cite.js';
import { createRequire } from 'node:module';
import {
  PAIN_MONITORING,
  RETURN_TO_RUN,
  describeIllustration,
  renderIllustration,
  type AssessmentResult,
  type DistanceUnit,
  type Exercise,
  type NoPlan,
  type Plan,
  type PlanOutcome,
  type PlanWeek,
  type TriageTier,
} from '@backtrack/core';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { formatDate, planDate, type IsoDate } from '../../io/dates.js';
import {
  RUNNING_MODE_TEXT,
  describeDoseSpan,
  describeItem,
  describeWeekRunning,
  doseSchedule,
  exerciseNamesFor,
  exercisesInPlan,
} from './describe-plan.js';
import { BASIS_LABELS, humanise, tierHeadline } from '../../io/labels.js';
import { percent } from '../../io/text.js';
import { weakLinksForLater } from './render-plan.js';

const nodeRequire = createRequire(import.meta.url);

const FONT_MODULES = {
  Regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  Bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  Italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
} as const;
type FontName = keyof typeof FONT_MODULES;

/**
 * The TrueType fonts embedded in the handout, by absolute path. Fonts are
 * selected by path, not by `registerFont` aliases: PDFKit (0.20) caches a font
 * under the key it was first opened with, and an alias of the default font
 * would be re-read and re-parsed on every `font()` call (measured: two
 * thirds of the rendering time).
 */
const FONTS: Readonly<Record<FontName, string>> = {
  Regular: nodeRequire.resolve(FONT_MODULES.Regular),
  Bold: nodeRequire.resolve(FONT_MODULES.Bold),
  Italic: nodeRequire.resolve(FONT_MODULES.Italic),
};

const COLOURS = {
  text: '#1a1a1a',
  muted: '#5f6368',
  accent: '#1f4e79',
  rule: '#c7ccd1',
  header: '#eef2f6',
} as const;

const TIER_COLOURS: Readonly<Record<TriageTier, string>> = {
  emergency: '#b00020',
  urgent_doctor: '#b00020',
  see_clinician: '#8a5300',
  self_care: '#1b5e20',
};

const MARGIN = { top: 56, left: 56, right: 56, bottom: 80 } as const;

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

type Doc = PDFKit.PDFDocument;

/** Layout helpers over one document; keep `doc.y` as the cursor. */
class Writer {
  readonly left = MARGIN.left;
  readonly width: number;
  pageNumber = 1;

  constructor(readonly doc: Doc) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.on('pageAdded', () => {
      this.pageNumber += 1;
    });
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  style(font: FontName, size: number, colour: string = COLOURS.text): this {
    this.doc.font(FONTS[font]).fontSize(size).fillColor(colour);
    return this;
  }

  heightOf(text: string, font: FontName, size: number, width = this.width): number {
    return this.doc.font(FONTS[font]).fontSize(size).heightOfString(text, { width });
  }

  title(text: string): void {
    this.style('Bold', 24, COLOURS.accent);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  h1(text: string): void {
    this.ensureSpace(60);
    this.doc.moveDown(0.6);
    this.style('Bold', 16, COLOURS.accent);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.8)
      .strokeColor(COLOURS.rule)
      .stroke();
    this.doc.y = y + 8;
  }

  h2(text: string, colour: string = COLOURS.text): void {
    this.ensureSpace(40);
    this.doc.moveDown(0.4);
    this.style('Bold', 12.5, colour);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
  }

  h3(text: string): void {
    this.ensureSpace(30);
    this.doc.moveDown(0.3);
    this.style('Bold', 10.5);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.1);
  }

  paragraph(
    text: string,
    options: { font?: FontName; size?: number; colour?: string; indent?: number } = {},
  ): void {
    const indent = options.indent ?? 0;
    this.style(options.font ?? 'Regular', options.size ?? 10, options.colour);
    this.doc.text(text, this.left + indent, this.doc.y, {
      width: this.width - indent,
      lineGap: 1.5,
    });
    this.doc.moveDown(0.35);
  }

  /** A bulleted (or numbered) list; each item keeps a hanging indent. */
  list(
    items: readonly string[],
    options: { numbered?: boolean; size?: number; colour?: string } = {},
  ): void {
    const size = options.size ?? 10;
    const indent = 16;
    items.forEach((item, i) => {
      const height = this.heightOf(item, 'Regular', size, this.width - indent);
      this.ensureSpace(Math.min(height, 40));
      const y = this.doc.y;
      this.style('Regular', size, options.colour);
      this.doc.text(options.numbered ? `${i + 1}.` : '•', this.left, y, {
        width: indent,
        lineBreak: false,
      });
      this.doc.text(item, this.left + indent, y, { width: this.width - indent, lineGap: 1.5 });
      this.doc.moveDown(0.25);
    });
    this.doc.moveDown(0.15);
  }

  /** A box with a coloured left bar and border, holding a heading and paragraphs. */
  callout(colour: string, heading: string, paragraphs: readonly string[]): void {
    const pad = 10;
    const inner = this.width - 2 * pad - 4;
    const height =
      this.heightOf(heading, 'Bold', 13, inner) +
      paragraphs.reduce((h, p) => h + this.heightOf(p, 'Regular', 10.5, inner) + 6, 0) +
      2 * pad +
      4;
    this.ensureSpace(height);
    const top = this.doc.y;
    this.doc.save();
    this.doc.rect(this.left, top, this.width, height).lineWidth(1).strokeColor(colour).stroke();
    this.doc.rect(this.left, top, 4, height).fill(colour);
    this.doc.restore();
    this.style('Bold', 13, colour);
    this.doc.text(heading, this.left + 4 + pad, top + pad, { width: inner });
    this.doc.moveDown(0.3);
    for (const p of paragraphs) {
      this.style('Regular', 10.5);
      this.doc.text(p, this.left + 4 + pad, this.doc.y, { width: inner, lineGap: 1.5 });
      this.doc.moveDown(0.3);
    }
    this.doc.y = top + height + 10;
  }
}

/** `text` ending in a full stop (unless it already ends a sentence). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function shortDate(date: IsoDate): string {
  // `Mon 6 Jan 2025` without the year, for table cells.
  return formatDate(date).replace(/ \d{4}$/, '');
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
  SVGtoPDF(doc, svg, 0, 0, {
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

function footers(doc: Doc, disclaimer: string): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { page } = doc;
    const width = page.width - MARGIN.left - MARGIN.right;
    // Text below the bottom margin would start a new page: lift the margin while writing the footer.
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    const y = page.height - MARGIN.bottom + 18;
    doc
      .moveTo(MARGIN.left, y - 6)
      .lineTo(MARGIN.left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.font(FONTS.Regular).fontSize(7.5).fillColor(COLOURS.muted);
    doc.text(disclaimer, MARGIN.left, y, { width, lineGap: 1 });
    doc.text(`Backtrack · page ${i - range.start + 1} of ${range.count}`, MARGIN.left, doc.y + 2, {
      width,
      align: 'right',
    });
    page.margins.bottom = bottom;
  }
  return range.count;
}

/** Renders the handout for a plan outcome. */
export async function renderPlanPdf(input: PlanPdfInput): Promise<PlanPdf> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // Start in the embedded font, so PDFKit never loads its built-in Helvetica.
    font: FONTS.Regular,
    info: {
      Title: input.outcome.kind === 'plan' ? 'Backtrack: your plan' : 'Backtrack: what to do now',
      Author: 'Backtrack',
      Subject: 'Lower back pain in runners',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
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
      if (exercise) exercisePage(w, exercise, outcome, illustrations, svgWarnings);
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
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pageCount, illustrations, svgWarnings };
}
