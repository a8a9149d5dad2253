/**
 * The clinician's pre-visit summary as a PDF: the same sections as the web's
 * summary page (the core's `PreVisitSummary`), each shown, "not shared" or
 * "no data yet", on the shared page layout, with the "not a diagnosis"
 * footer on every page. The summary is built (and the read audited) by the
 * caller; this only draws it.
 */
import {
  describePlanEditChange,
  describeShared,
  formatDateTime,
  formatInstantDate,
  formatDistance,
  LEG_PAIN_LABELS,
  planEditNote,
  SHARE_ITEM_LABELS,
  TIER_WORDING,
  type DistanceUnit,
  type PreVisitSummary,
  type SummarySection,
} from '@backtrack/core';
import { humanise, percent } from './labels.js';
import { COLOURS, footers, newPdf, sentence, TIER_COLOURS, Writer } from './pdf-writer.js';

/** What the summary PDF is made from: the summary route's answer. */
export interface SummaryPdfInput {
  runnerEmail: string;
  /** When the summary was built (ISO instant). */
  generatedAt: string;
  summary: PreVisitSummary;
  unit: DistanceUnit;
}

/** The summary PDF. */
export interface SummaryPdf {
  pdf: Buffer;
  pageCount: number;
}

const DISCLAIMER =
  'Not a diagnosis: what the runner answered and recorded in Backtrack, for the examination.';

const oneDecimal = (n: number | null) => (n === null ? '–' : n.toFixed(1));

/** One section: its content, or why there is none. */
function part<T>(w: Writer, title: string, section: SummarySection<T>, draw: (data: T) => void) {
  w.h2(title, COLOURS.accent);
  if (section.status === 'shown') draw(section.data);
  else if (section.status === 'not_shared')
    w.paragraph(`Not shared: the runner did not share their ${SHARE_ITEM_LABELS[section.item]}.`, {
      colour: COLOURS.muted,
    });
  else w.paragraph('No data yet.', { colour: COLOURS.muted });
}

/** Renders the pre-visit summary. */
export async function renderSummaryPdf(input: SummaryPdfInput): Promise<SummaryPdf> {
  const { doc, done } = await newPdf({
    Title: `Backtrack: pre-visit summary of ${input.runnerEmail}`,
    Subject: 'Pre-visit summary',
  });
  const w = new Writer(doc);
  const s = input.summary;
  w.title('Pre-visit summary');
  w.paragraph(input.runnerEmail, { font: 'Bold', size: 13, colour: COLOURS.muted });
  w.paragraph(
    `Shared: ${describeShared(s.shared)}. Made ${formatDateTime(input.generatedAt, 'UTC')} UTC.`,
    { size: 9.5, colour: COLOURS.muted },
  );

  part(w, 'Triage', s.triage, (t) => {
    const wording = t.tier === null ? null : TIER_WORDING[t.tier];
    w.callout(
      t.tier === null ? COLOURS.muted : TIER_COLOURS[t.tier],
      wording ? `Urgency: ${wording.label}` : 'Urgency: screen not finished',
      [t.whatToDoNow],
    );
    if (t.reasons.length > 0) w.list(t.reasons.map((r) => sentence(r.reason)));
    w.h3('Warning signs answered “not sure”');
    if (t.notSure.length === 0) w.paragraph('None.');
    else w.list(t.notSure.map((q) => q.topic));
  });
  part(w, 'Pain map', s.painMap, (p) => {
    w.paragraph(p.answer);
  });
  part(w, 'Onset and course', s.onsetAndCourse, (items) => {
    w.list(items.map((a) => `${a.question} — ${a.answer}`));
  });
  part(w, 'Weak links', s.weakLinks, (links) => {
    links.forEach((l, i) => {
      w.h3(`${i + 1}. ${l.name} (${l.band}, ${percent(l.probability)})`);
      if (l.because.length > 0)
        w.list(
          l.because.map((b) => `${b.question} — ${b.answer}`),
          { size: 9 },
        );
    });
  });
  part(w, 'Risk screen', s.risk, (r) => {
    w.paragraph(
      `${r.level === null ? 'Not complete' : `${r.level} risk`}${
        r.total === null
          ? ''
          : ` (total ${String(r.total)}, psychosocial ${String(r.psychosocial)})`
      }. ${r.note}`,
    );
  });
  part(w, 'Plan', s.plan, (p) => {
    w.paragraph(`${p.weeks} weeks; running: ${humanise(p.runningMode)}.`);
    if (p.safetyStop) w.paragraph(`Running stopped: ${p.safetyStop}`, { font: 'Bold' });
    if (p.decisions.length > 0) w.list(p.decisions.map((d) => `After week ${d.week}: ${d.reason}`));
    if (p.edits.length > 0) {
      w.h3('Changed by clinicians');
      w.list(
        p.edits.map(
          (e) =>
            `${planEditNote(e, 'UTC')} (${describePlanEditChange(e)} from week ${String(e.fromWeek)})`,
        ),
      );
    }
  });
  part(w, 'Check-ins', s.checkIns, (c) => {
    w.paragraph(
      `${c.checkIns} check-ins; sessions done ${c.sessionsDone} of ${c.sessionsPlanned}${
        c.adherence === null ? '' : ` (${percent(c.adherence)})`
      }. Next-morning pain: first week ${oneDecimal(c.firstWeekMean)}, last week ${oneDecimal(c.lastWeekMean)} (0–10).`,
    );
    if (c.distanceKm !== null)
      w.paragraph(
        `Running the runner reported: ${formatDistance(c.distanceKm, input.unit)} in all.`,
      );
    const days = (list: readonly number[]) => list.map((d) => `day ${String(d)}`).join(', ');
    if (c.legPainBelowKnee.length > 0)
      w.paragraph(`${LEG_PAIN_LABELS.below_knee}: ${days(c.legPainBelowKnee)}.`, { font: 'Bold' });
    if (c.legPainAboveKnee.length > 0)
      w.paragraph(`${LEG_PAIN_LABELS.above_knee}: ${days(c.legPainAboveKnee)}.`);
    if (c.notes.length > 0) {
      w.h3('The runner’s notes, newest first');
      w.list(c.notes.map((n) => `Day ${String(n.day)}: ${n.note}`));
    }
  });
  part(w, 'Outcome measures', s.outcomes, (series) => {
    for (const x of series) {
      w.paragraph(
        `${x.name}: ${x.measures.map((m) => `${formatInstantDate(m.recordedAt, 'UTC')} ${String(m.score)}`).join(' · ')}`,
      );
      w.paragraph(x.change ? x.change.text : 'One measure so far: no change yet.');
    }
  });
  part(w, 'Training', s.training, (t) => {
    w.paragraph(
      `Weekly distance: ${t.weeks.map((x) => formatDistance(x.distanceM / 1000, input.unit)).join(' · ') || 'none'}`,
    );
    w.paragraph(`Long-run spikes: ${t.spikes.length === 0 ? 'none' : String(t.spikes.length)}.`);
    w.paragraph(
      `Shoes: ${t.shoes.length === 0 ? 'none recorded' : t.shoes.map((x) => x.name).join(', ')}.`,
    );
  });

  const pageCount = footers(doc, DISCLAIMER);
  return { pdf: await done(), pageCount };
}
