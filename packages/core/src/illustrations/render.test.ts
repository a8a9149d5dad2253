import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { EXERCISES } from '../knowledge/exercises/library.js';
import { ILLUSTRATIONS } from './poses.js';
import {
  describeIllustration,
  ILLUSTRATION_IDS,
  layoutIllustration,
  renderIllustration,
} from './render.js';
import { CANVAS } from './scene.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A strict little XML parser, enough for our SVG: elements, quoted
 * attributes, text with the five predefined entities. Throws on anything
 * malformed (unclosed or crossed tags, bare `&` or `<`, unquoted or repeated
 * attributes, content outside the root).
 */
function parseXml(xml: string): XmlElement {
  const tagRe = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
  const attrRe = /\s+([\w:.-]+)\s*=\s*"([^"<]*)"/g;
  const checkText = (t: string) => {
    if (/<|&(?!(amp|lt|gt|quot|apos);)/.test(t))
      throw new Error(`bad character data: ${t.slice(0, 40)}`);
  };
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    checkText(text);
    const top = stack[stack.length - 1];
    if (!top) throw new Error('stack underflow');
    if (text.trim() !== '') {
      if (top === root) throw new Error('text outside the root element');
      top.text += text;
    }
    if (lt === -1) break;
    tagRe.lastIndex = lt;
    const m = tagRe.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
    const [whole, closing, name = '', attrText = '', selfClosing] = m;
    if (closing) {
      if (attrText || selfClosing) throw new Error(`bad closing tag ${whole}`);
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? '?'}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attrText.matchAll(attrRe)) {
        const [, key = '', value = ''] = a;
        if (key in attributes) throw new Error(`repeated attribute ${key} on <${name}>`);
        checkText(value);
        attributes[key] = value;
      }
      const el: XmlElement = { name, attributes, children: [], text: '' };
      if (top === root && root.children.length > 0) throw new Error('two root elements');
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = lt + whole.length;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name ?? '?'}>`);
  const doc = root.children[0];
  if (!doc) throw new Error('empty document');
  return doc;
}

const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];

describe('parseXml (the checker itself)', () => {
  it.each([
    ['<svg><g></svg></g>'],
    ['<svg><g></svg>'],
    ['<svg a=1></svg>'],
    ['<svg>a & b</svg>'],
    ['<svg a="1" a="2"/>'],
    ['<svg/><svg/>'],
  ])('rejects %s', (xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
  it('accepts a small document', () => {
    expect(parseXml('<svg x="1"><title>a &amp; b</title><g/></svg>').children).toHaveLength(2);
  });
});

describe('exercise illustrations', () => {
  it('has one illustration per exercise and none spare', () => {
    expect([...ILLUSTRATION_IDS].sort()).toEqual(EXERCISES.map((e) => e.illustration).sort());
  });

  it.each(ILLUSTRATION_IDS)(
    '%s is a well-formed, self-contained SVG with Start and End figures',
    (id) => {
      const svg = renderIllustration(id);
      const doc = parseXml(svg);
      expect(doc.name).toBe('svg');
      expect(doc.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(doc.attributes.viewBox).toBe(`0 0 ${CANVAS.width} ${CANVAS.height}`);
      expect(doc.attributes.role).toBe('img');

      // Accessible name and description, referenced by aria-labelledby.
      const title = doc.children.find((c) => c.name === 'title');
      const desc = doc.children.find((c) => c.name === 'desc');
      expect(title?.text).toContain(describeIllustration(id).title);
      expect(desc?.text).toMatch(/^Start: .+ End: .+/);
      expect(doc.attributes['aria-labelledby']).toBe(
        `${title?.attributes.id ?? '?'} ${desc?.attributes.id ?? '?'}`,
      );

      // Two panels, labelled Start and End, each with a figure made of several parts.
      const panels = doc.children.filter((c) => c.attributes.class === 'panel');
      expect(panels.map((p) => p.attributes['data-label'])).toEqual(['Start', 'End']);
      for (const panel of panels) {
        const label = panel.children.find((c) => c.name === 'text');
        expect(label?.text).toBe(panel.attributes['data-label']);
        const figure = panel.children.find((c) => c.attributes.class === 'figure');
        expect(figure?.children.filter((c) => c.name === 'circle').length).toBeGreaterThanOrEqual(
          1,
        ); // head
        expect(figure?.children.filter((c) => c.name === 'line').length).toBeGreaterThanOrEqual(12); // limbs
      }

      // No external references, scripts, images or named fonts.
      const elements = all(doc);
      expect(
        elements.filter((e) =>
          ['script', 'image', 'use', 'foreignObject', 'style', 'a'].includes(e.name),
        ),
      ).toEqual([]);
      for (const e of elements) {
        for (const [key, value] of Object.entries(e.attributes)) {
          if (key === 'xmlns') continue; // a namespace name, never fetched
          expect(key).not.toMatch(/href$/);
          expect(value).not.toMatch(/url\(|https?:/i);
          if (key === 'font-family') expect(value).toBe('sans-serif');
        }
      }
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    },
  );

  it.each(ILLUSTRATION_IDS)(
    '%s keeps the figure inside its panel and on or above the floor',
    (id) => {
      const layout = layoutIllustration(id);
      for (const panel of layout.panels) {
        const box = panel.figureBox;
        expect(box.minX).toBeGreaterThanOrEqual(panel.x0);
        expect(box.maxX).toBeLessThanOrEqual(panel.x0 + CANVAS.panelWidth);
        expect(box.minY).toBeGreaterThanOrEqual(CANVAS.figureTop - 1);
        expect(box.maxY).toBeLessThanOrEqual(CANVAS.floorY + 0.5);
      }
    },
  );

  it.each(ILLUSTRATION_IDS.filter((id) => !ILLUSTRATIONS[id]?.start.ground))(
    '%s rests its figure on the floor or mat in both panels',
    (id) => {
      const layout = layoutIllustration(id);
      const onMat = ILLUSTRATIONS[id]?.props?.some((p) => p.kind === 'mat') ?? false;
      const surface = CANVAS.floorY - (onMat ? 3 * layout.scale : 0);
      for (const panel of layout.panels) expect(panel.figureBox.maxY).toBeCloseTo(surface, 0);
    },
  );

  it.each(ILLUSTRATION_IDS)('%s: no limb is detached from the body', (id) => {
    // Every drawn segment of the figure touches another: a graph of shapes
    // that overlap (capsules within their half-widths) is one piece.
    for (const panel of layoutIllustration(id).panels) {
      // Capsules: segments as drawn, a curve as its two control legs, the head as a point with a radius.
      const segments = panel.shapes.flatMap((s) => {
        switch (s.kind) {
          case 'segment':
            return [{ a: s.a, b: s.b, r: s.width / 2, part: s.part }];
          case 'curve':
            return [
              { a: s.a, b: s.c, r: s.width / 2, part: s.part },
              { a: s.c, b: s.b, r: s.width / 2, part: s.part },
            ];
          case 'circle':
            return [{ a: s.c, b: s.c, r: s.r, part: s.part }];
          case 'polygon':
            return s.pts.map((p, i) => ({
              a: p,
              b: s.pts[(i + 1) % s.pts.length] ?? p,
              r: 0,
              part: s.part,
            }));
        }
      });
      const near = (i: number, j: number) => {
        const x = segments[i];
        const y = segments[j];
        if (!x || !y) return false;
        return segmentDistance(x.a, x.b, y.a, y.b) <= x.r + y.r + 0.5;
      };
      const seen = new Set<number>([0]);
      const queue = [0];
      while (queue.length > 0) {
        const i = queue.pop() ?? 0;
        for (let j = 0; j < segments.length; j++) {
          if (!seen.has(j) && near(i, j)) {
            seen.add(j);
            queue.push(j);
          }
        }
      }
      const detached = segments.filter((_, i) => !seen.has(i)).map((s) => s.part);
      expect(detached, `${id} ${panel.label}`).toEqual([]);
    }
  });

  it.each(ILLUSTRATION_IDS)(
    '%s: the trunk bends sideways no more than a body can (front views)',
    (id) => {
      const spec = ILLUSTRATIONS[id];
      for (const panel of [spec?.start, spec?.end]) {
        if (panel?.pose.view === 'front')
          expect(Math.abs(panel.pose.spine)).toBeLessThanOrEqual(35);
      }
    },
  );

  it('throws a not_found domain error for an unknown id', () => {
    expect(() => renderIllustration('moonwalk')).toThrow(DomainError);
    try {
      renderIllustration('moonwalk');
    } catch (e) {
      expect(e instanceof DomainError && e.code).toBe('not_found');
    }
  });

  it('escapes text so descriptions cannot break the markup', () => {
    expect(() => parseXml(renderIllustration('plank'))).not.toThrow();
    expect(renderIllustration('plank')).not.toContain('&&');
  });

  it.each(ILLUSTRATION_IDS)(
    'docs/illustrations/%s.svg is up to date (npx tsx scripts/render-illustrations.ts)',
    (id) => {
      const file = new URL(`../../../../docs/illustrations/${id}.svg`, import.meta.url);
      expect(readFileSync(file, 'utf8')).toBe(`${renderIllustration(id)}\n`);
    },
  );
});

interface Point {
  x: number;
  y: number;
}

/** The shortest distance between segments ab and cd (they do not cross here). */
function segmentDistance(a: Point, b: Point, c: Point, d: Point): number {
  const toSegment = (p: Point, s: Point, t: Point) => {
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len2 = dx * dx + dy * dy;
    const k =
      len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - s.x) * dx + (p.y - s.y) * dy) / len2));
    return Math.hypot(p.x - (s.x + k * dx), p.y - (s.y + k * dy));
  };
  return Math.min(toSegment(a, c, d), toSegment(b, c, d), toSegment(c, a, b), toSegment(d, a, b));
}
