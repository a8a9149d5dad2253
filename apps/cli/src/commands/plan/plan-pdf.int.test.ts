/**
 * The PDF handout, checked with a real PDF reader: Debian's poppler-utils
 * (`pdfinfo`, `pdftotext`, `pdfimages`, `pdftoppm`), installed by
 * scripts/setup-test-deps.sh.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type Plan } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDose, renderPlanPdf, type PlanPdf } from '@backtrack/documents';
import { planFromFiles } from './plan-command.js';
import { CASES, runInMemory } from '../../testing.js';

const kb = loadKnowledgeBase();
const NOW = new Date(2025, 0, 8, 9, 30);

function poppler(tool: string, args: string[]): Buffer {
  try {
    return execFileSync(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') {
      throw new Error(
        `${tool} is missing: run scripts/setup-test-deps.sh (installs poppler-utils)`,
      );
    }
    throw error;
  }
}

const text = (tool: string, args: string[]) => poppler(tool, args).toString('utf8');

function pageCount(path: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(text('pdfinfo', [path]));
  return Number(match?.[1]);
}

/** Renders one page as an 8-bit grey PGM at `dpi`; returns its size and pixels. */
function renderPage(path: string, page: number, dpi: number) {
  const pgm = poppler('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    path,
  ]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: pgm.subarray(header[0].length) };
}

/** Share of pixels darker than mid-grey inside a box given in PDF points. */
function inkIn(
  image: ReturnType<typeof renderPage>,
  box: { x: number; y: number; width: number; height: number },
  dpi: number,
): number {
  const s = dpi / 72;
  let dark = 0;
  let all = 0;
  for (let y = Math.ceil(box.y * s); y < Math.floor((box.y + box.height) * s); y++) {
    for (let x = Math.ceil(box.x * s); x < Math.floor((box.x + box.width) * s); x++) {
      all += 1;
      if ((image.pixels[y * image.width + x] ?? 255) < 128) dark += 1;
    }
  }
  return dark / all;
}

let dir: string;
let selfCare: { path: string; handout: PlanPdf; plan: Plan };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-pdf-'));
  const run = await planFromFiles(kb, { answersFile: CASES.selfCare }, { cwd: process.cwd() });
  if (run.outcome.kind !== 'plan') throw new Error('the self-care case should have a plan');
  const handout = await renderPlanPdf({
    result: run.result,
    outcome: run.outcome,
    exercises: new Map(kb.exercises.map((e) => [e.id, e])),
    unit: 'km',
    startDate: '2025-01-13',
    madeOn: '2025-01-08',
  });
  const path = join(dir, 'self-care.pdf');
  await writeFile(path, handout.pdf);
  selfCare = { path, handout, plan: run.outcome };
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Rendering a multi-page PDF with vector illustrations and reading it back
// with poppler's programs takes about 1 s idle, several on a busy 2-core machine.
describe('plan --pdf', { timeout: 30_000 }, () => {
  it('writes a PDF that a PDF reader opens, with the page count it reports', async () => {
    const out = join(dir, 'cli.pdf');
    const { code, stdout, stderr } = await runInMemory(
      ['plan', '--answers', CASES.selfCare, '--pdf', out],
      { now: NOW },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const pages = pageCount(out);
    expect(stdout).toBe(`Wrote the plan handout to ${out} (${pages} pages).\n`);
    // Title, schedule, one section per exercise, rules and help.
    expect(pages).toBeGreaterThanOrEqual(4);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has the triage, the weak links, exercises with doses, rules, help and the disclaimer on every page', () => {
    const { path, handout, plan } = selfCare;
    expect(pageCount(path)).toBe(handout.pageCount);
    const all = text('pdftotext', ['-layout', path, '-']);
    expect(all).toContain('SELF-CARE: no warning signs in your answers');
    for (const t of plan.targets) expect(all).toContain(t.name);
    const first = plan.weeks[0]?.days[0]?.items.find((i) => i.kind === 'exercise');
    expect(first?.kind).toBe('exercise');
    if (first?.kind !== 'exercise') return;
    expect(all).toContain(first.name);
    expect(all).toContain(describeDose(first.dose));
    expect(all).toContain('Common mistakes');
    expect(all).toContain(plan.runningRules[0]?.title);
    expect(all).toContain('When to seek help');
    // This case gives no pain_now: the handout says so instead of assuming a starting pain.
    expect(all).toContain('What this plan cannot dose yet');
    // The embedded font keeps every character: no "?" or missing glyphs for – × ·.
    expect(all).toContain('0–10');
    expect(all).toMatch(/\d × \d/);
    for (let page = 1; page <= handout.pageCount; page++) {
      const one = text('pdftotext', ['-f', String(page), '-l', String(page), path, '-']);
      expect(one.replace(/\s+/g, ' '), `page ${page}`).toContain('Backtrack is not a diagnosis');
      expect(one).toContain(`page ${page} of ${handout.pageCount}`);
    }
  });

  it('draws each exercise illustration as vectors inside its box', () => {
    const { path, handout, plan } = selfCare;
    const used = new Set(
      plan.weeks.flatMap((w) =>
        w.days.flatMap((d) =>
          d.items.flatMap((i) => (i.kind === 'exercise' ? [i.exerciseId] : [])),
        ),
      ),
    );
    expect(handout.illustrations.map((i) => i.exerciseId).sort()).toEqual([...used].sort());
    expect(handout.svgWarnings).toEqual([]);
    // Vectors, not pictures: the PDF holds no raster images at all.
    const images = text('pdfimages', ['-list', path]).trim().split('\n');
    expect(images).toHaveLength(2); // the two header lines
    const dpi = 36;
    for (const box of handout.illustrations) {
      const image = renderPage(path, box.page, dpi);
      const ink = inkIn(image, box, dpi);
      // The figure (dark blue) covers part of each panel; a blank box would be 0.
      expect(ink, `${box.exerciseId} on page ${box.page}`).toBeGreaterThan(0.03);
      expect(ink).toBeLessThan(0.6);
      // The name of the exercise is printed on the same page.
      const pageText = text('pdftotext', [
        '-f',
        String(box.page),
        '-l',
        String(box.page),
        path,
        '-',
      ]);
      expect(pageText).toContain(kb.exercises.find((e) => e.id === box.exerciseId)?.name);
    }
  });

  it.each([
    ['emergency', CASES.emergency, 'EMERGENCY: get emergency care now'],
    ['urgent', CASES.urgent, 'URGENT: see a doctor within the next few days'],
  ])('%s: a what-to-do-now page and no plan pages', async (name, answers, headline) => {
    const out = join(dir, `${name}.pdf`);
    const { code, stdout } = await runInMemory(['plan', '--answers', answers, '--pdf', out], {
      now: NOW,
    });
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote the what-to-do-now handout to ${out} (1 page).`);
    expect(pageCount(out)).toBe(1);
    const all = text('pdftotext', [out, '-']).replace(/\s+/g, ' ');
    expect(all).toContain(headline);
    expect(all).toContain('What to do now:');
    expect(all).toContain('No plan for now');
    expect(all).not.toContain('Weekly schedule');
    expect(all).toContain('Backtrack is not a diagnosis');
  });

  it('return to running: the walk/run phases, in the runner’s units', async () => {
    const card = JSON.parse(await readFile(CASES.selfCare, 'utf8')) as {
      answers: Record<string, unknown>;
    };
    const answers = join(dir, 'cannot-run.json');
    await writeFile(
      answers,
      JSON.stringify({ answers: { ...card.answers, run_pattern: 'not_running' } }),
    );
    const profile = join(dir, 'miles.json');
    await writeFile(profile, JSON.stringify({ units: 'mi' }));
    const out = join(dir, 'return.pdf');
    const { code } = await runInMemory(
      ['plan', '--answers', answers, '--profile', profile, '--pdf', out],
      { now: NOW },
    );
    expect(code).toBe(0);
    const all = text('pdftotext', [out, '-']).replace(/\s+/g, ' ');
    expect(all).toContain('Return to running');
    expect(all).toContain('Phase 1: 4 × (walk 2 min, run 3 min)');
    expect(all).toContain('Return-to-run phase 1');
    expect(all).toContain('Distances in miles');
  });
});
