/**
 * The page layout every Backtrack PDF shares, on PDFKit: A4 with wide
 * margins, text in DejaVu Sans embedded from the `dejavu-fonts-ttf` package
 * (PDFKit's built-in fonts only cover WinAnsi, and the documents use
 * – ’ “ ” → ≤ ≥ and ×), headings, lists, call-outs, and a footer with the
 * "not a diagnosis" disclaimer and the page number on every page.
 */
import { createRequire } from 'node:module';
import type { TriageTier } from '@backtrack/core';
import type PDFDocument from 'pdfkit';

const nodeRequire = createRequire(import.meta.url);

const FONT_MODULES = {
  Regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  Bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  Italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
} as const;
export type FontName = keyof typeof FONT_MODULES;

/**
 * The TrueType fonts embedded in the handout, by absolute path. Fonts are
 * selected by path, not by `registerFont` aliases: PDFKit (0.20) caches a font
 * under the key it was first opened with, and an alias of the default font
 * would be re-read and re-parsed on every `font()` call (measured: two
 * thirds of the rendering time).
 */
export const FONTS: Readonly<Record<FontName, string>> = {
  Regular: nodeRequire.resolve(FONT_MODULES.Regular),
  Bold: nodeRequire.resolve(FONT_MODULES.Bold),
  Italic: nodeRequire.resolve(FONT_MODULES.Italic),
};

export const COLOURS = {
  text: '#1a1a1a',
  muted: '#5f6368',
  accent: '#1f4e79',
  rule: '#c7ccd1',
  header: '#eef2f6',
} as const;

export const TIER_COLOURS: Readonly<Record<TriageTier, string>> = {
  emergency: '#b00020',
  urgent_doctor: '#b00020',
  see_clinician: '#8a5300',
  self_care: '#1b5e20',
};

export const MARGIN = { top: 56, left: 56, right: 56, bottom: 80 } as const;

export type Doc = PDFKit.PDFDocument;

/** Layout helpers over one document; keep `doc.y` as the cursor. */
export class Writer {
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
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function footers(doc: Doc, disclaimer: string): number {
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

/** A new A4 document in the embedded font, buffered (footers are drawn last), and its bytes once ended. */
export async function newPdf(info: { Title: string; Subject: string }): Promise<{
  doc: Doc;
  done: () => Promise<Buffer>;
}> {
  // PDFKit (with fontkit and its tables, some 60 MB and 0.5 s of CPU) is
  // loaded with the first PDF, not when a program that may draw one starts.
  const { default: PDFKitDocument }: { default: typeof PDFDocument } = await import('pdfkit');
  const doc = new PDFKitDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // Start in the embedded font, so PDFKit never loads its built-in Helvetica.
    font: FONTS.Regular,
    info: { ...info, Author: 'Backtrack' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  return {
    doc,
    done: async () => {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
