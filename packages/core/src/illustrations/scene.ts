/**
 * Lays out an exercise illustration — the figure in its start and end
 * positions side by side, with floor, mat and props — and writes it as a
 * self-contained SVG string: a viewBox, `<title>` and `<desc>` for screen
 * readers, no external references, no fonts beyond the generic sans-serif.
 * Works unchanged inline in the web app, as an `<img>`, or in a PDF.
 */
import {
  add,
  groundFigure,
  poseFigure,
  shapesBox,
  type Box,
  type Figure,
  type JointName,
  type Pose,
  type Shape,
  type Tone,
  type Vec,
  POLYGON_STROKE,
} from './figure.js';

/** Equipment drawn around the figure, positioned from the posed joints. */
export type Prop =
  /** An exercise mat on the floor (the figure rests on top of it). */
  | { kind: 'mat' }
  /** A step under the foot of the named leg; the figure stands on it (see `Panel.ground`). */
  | { kind: 'step'; leg: 'near' | 'far'; height: number }
  /** A bench under the shoulders (hip thrust). */
  | { kind: 'bench' }
  /**
   * A wall just beyond a joint, on the side the figure faces. Its place is
   * taken from one panel (default the end) and kept in both, so the wall
   * does not move between the two positions.
   */
  | { kind: 'wall'; at: JointName; from?: 'start' | 'end' }
  /** A chair under the hips, the back rest behind the figure. */
  | { kind: 'chair' }
  /** A strap or towel between two joints. */
  | { kind: 'strap'; from: JointName; to: JointName }
  /** A resistance band looped around two joints. */
  | { kind: 'band'; from: JointName; to: JointName };

/** One of the two positions. */
export interface Panel {
  pose: Pose;
  /** Plain-language description of the position, read by screen readers. */
  text: string;
  /** Rest this joint (a sole point or a limb) on a surface of this height instead of the lowest point on the floor. */
  ground?: { on: JointName; height: number };
}

/** The recipe for one illustration. */
export interface IllustrationSpec {
  /** Short title, e.g. "Glute bridge". */
  title: string;
  start: Panel;
  end: Panel;
  props?: Prop[];
  /** Joint kept at the same place in both panels so the eye sees what moves (default: `hip`). */
  anchor?: JointName;
  /** Joints whose path from start to end is drawn as an arrow in the end panel. */
  motion?: JointName[];
  /** Extra arrows in the end panel: from a joint, by (dx, dy) figure units (y up). */
  arrows?: { at: JointName; dx: number; dy: number }[];
}

/** Colours. The figure is blue (and only the figure), which the rendering tests rely on. */
export const PALETTE = {
  near: '#1f4e79',
  far: '#8db3dc',
  outline: '#163a5c',
  floor: '#9aa0a6',
  floorFill: '#eceff1',
  mat: '#b7d7b0',
  wood: '#c9b79c',
  woodEdge: '#8d7b62',
  wall: '#d7dbe0',
  strap: '#d35400',
  arrow: '#e67e22',
  text: '#222222',
  frame: '#d0d5db',
} as const;

/** Canvas geometry in SVG user units. */
export const CANVAS = {
  width: 640,
  height: 280,
  margin: 10,
  panelWidth: 295,
  gap: 30,
  top: 8,
  floorY: 256,
  labelY: 30,
  /** Highest point a figure may reach, leaving room for the label. */
  figureTop: 40,
} as const;

const MAT_THICKNESS = 3;

/** Where things ended up, in SVG user units (y down): used by the renderer and by tests. */
export interface PanelLayout {
  label: 'Start' | 'End';
  /** Left edge of the panel. */
  x0: number;
  joints: Record<JointName, Vec>;
  /** Bounding box of the figure (not the props), y down: minY is the top. */
  figureBox: Box;
  shapes: Shape[];
  props: PropShape[];
}

/** A prop reduced to drawing primitives (already in SVG units). */
export type PropShape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string;
      stroke?: string;
      rx?: number;
    }
  | { kind: 'line'; a: Vec; b: Vec; stroke: string; width: number; dash?: string }
  | { kind: 'path'; d: string; fill: string; stroke: string; width: number };

/** The full layout of an illustration. */
export interface Layout {
  width: number;
  height: number;
  scale: number;
  panels: [PanelLayout, PanelLayout];
  arrows: { from: Vec; to: Vec }[];
}

interface Placed {
  figure: Figure;
  pose: Pose;
  anchor: Vec;
}

/** Per-panel facts props need beyond the figure itself. */
interface PropContext {
  /** Where the wall stands in this panel, figure units. */
  wallX: number | undefined;
}

const facingSign = (pose: Pose): 1 | -1 => (pose.facing === 'left' ? -1 : 1);

function place(panel: Panel, props: readonly Prop[], anchor: JointName): Placed {
  const hasMat = props.some((p) => p.kind === 'mat');
  const raw = poseFigure(panel.pose);
  const figure = panel.ground
    ? groundFigure(raw, { on: panel.ground.on, surface: panel.ground.height })
    : groundFigure(raw, { surface: hasMat ? MAT_THICKNESS : 0 });
  return { figure, pose: panel.pose, anchor: figure.joints[anchor] };
}

function propsBox(props: readonly Prop[], placed: Placed, ctx: PropContext): Box | undefined {
  const boxes = props.flatMap((p) => {
    const b = propExtent(p, placed.figure, placed.pose, ctx);
    return b ? [b] : [];
  });
  if (boxes.length === 0) return undefined;
  return {
    minX: Math.min(...boxes.map((b) => b.minX)),
    maxX: Math.max(...boxes.map((b) => b.maxX)),
    minY: 0,
    maxY: Math.max(...boxes.map((b) => b.maxY)),
  };
}

/** Horizontal/vertical extent of a prop in figure units (y up), for fitting the panel. */
function propExtent(p: Prop, figure: Figure, pose: Pose, ctx: PropContext): Box | undefined {
  const j = figure.joints;
  const f = facingSign(pose);
  switch (p.kind) {
    case 'step': {
      const toe = p.leg === 'near' ? j.nearToe : j.farToe;
      const heel = p.leg === 'near' ? j.nearHeel : j.farHeel;
      const fwd = Math.sign(toe.x - heel.x) || f;
      const xs = [toe.x + fwd * 3, toe.x - fwd * 42];
      return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: 0, maxY: p.height };
    }
    case 'bench': {
      const towardHead = Math.sign(j.shoulder.x - j.hip.x) || 1;
      const xs = [j.shoulder.x - towardHead * 10, j.shoulder.x + towardHead * 38];
      return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: 0, maxY: j.shoulder.y };
    }
    case 'chair': {
      const xs = [j.hip.x - f * 22, j.hip.x + f * 22];
      return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: 0, maxY: j.hip.y + 45 };
    }
    case 'wall': {
      const x = ctx.wallX ?? j[p.at].x + f * 5;
      const xs = [x, x + f * 8];
      return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: 0, maxY: 0 };
    }
    case 'mat':
    case 'strap':
    case 'band':
      return undefined;
  }
}

/** Computes where everything goes. Throws if a spec is not drawable (a bug in the pose data). */
export function layoutSpec(spec: IllustrationSpec): Layout {
  const props = spec.props ?? [];
  const anchorName = spec.anchor ?? 'hip';
  const placed = [
    place(spec.start, props, anchorName),
    place(spec.end, props, anchorName),
  ] as const;

  // A wall keeps its distance from the anchor: measured in one panel, reused in both.
  const wall = props.find((p) => p.kind === 'wall');
  const wallRel = (() => {
    if (!wall) return undefined;
    const ref = wall.from === 'start' ? placed[0] : placed[1];
    return ref.figure.joints[wall.at].x + facingSign(ref.pose) * 5 - ref.anchor.x;
  })();
  const contexts = placed.map((pl): PropContext => ({
    wallX: wallRel === undefined ? undefined : pl.anchor.x + wallRel,
  }));

  // Extents relative to each panel's anchor, so the anchor lines up across panels.
  const rel = placed.map((pl, i) => {
    const propBox = propsBox(props, pl, contexts[i] ?? { wallX: undefined });
    const a = pl.anchor;
    const fb = shapesBox(pl.figure.shapes);
    const minX = Math.min(fb.minX, propBox?.minX ?? Infinity) - a.x;
    const maxX = Math.max(fb.maxX, propBox?.maxX ?? -Infinity) - a.x;
    const maxY = Math.max(fb.maxY, propBox?.maxY ?? -Infinity);
    return { minX, maxX, maxY, anchorX: a.x };
  });
  const minX = Math.min(...rel.map((r) => r.minX));
  const maxX = Math.max(...rel.map((r) => r.maxX));
  const maxY = Math.max(...rel.map((r) => r.maxY));
  const usableW = CANVAS.panelWidth - 24;
  const usableH = CANVAS.floorY - CANVAS.figureTop;
  const scale = Math.min(1.6, usableW / (maxX - minX), usableH / maxY);
  const centre = (minX + maxX) / 2;

  const panelX0 = [CANVAS.margin, CANVAS.margin + CANVAS.panelWidth + CANVAS.gap] as const;
  const panels = placed.map(({ figure, pose }, i) => {
    const x0 = panelX0[i] ?? 0;
    const anchorX = rel[i]?.anchorX ?? 0;
    const toSvg = (v: Vec): Vec => ({
      x: x0 + CANVAS.panelWidth / 2 + (v.x - anchorX - centre) * scale,
      y: CANVAS.floorY - v.y * scale,
    });
    const shapes = figure.shapes.map((s) => scaleShape(s, toSvg, scale));
    const joints = Object.fromEntries(
      Object.entries(figure.joints).map(([k, v]) => [k, toSvg(v)]),
    ) as Record<JointName, Vec>;
    const fb = shapesBox(figure.shapes);
    const figureBox: Box = {
      minX: toSvg({ x: fb.minX, y: 0 }).x,
      maxX: toSvg({ x: fb.maxX, y: 0 }).x,
      minY: toSvg({ x: 0, y: fb.maxY }).y,
      maxY: toSvg({ x: 0, y: fb.minY }).y,
    };
    const ctx = contexts[i] ?? { wallX: undefined };
    const propShapes = props.flatMap((p) => drawProp(p, figure, pose, ctx, toSvg, scale, x0));
    const layout: PanelLayout = {
      label: i === 0 ? 'Start' : 'End',
      x0,
      joints,
      figureBox,
      shapes,
      props: propShapes,
    };
    return layout;
  });
  const [startPanel, endPanel] = panels;
  if (!startPanel || !endPanel) throw new Error('illustration: two panels expected');

  // Motion arrows: from where a joint was (mapped into the end panel) to where it is.
  const shift = endPanel.x0 - startPanel.x0;
  const arrows = (spec.motion ?? []).flatMap((name) => {
    const from = { x: startPanel.joints[name].x + shift, y: startPanel.joints[name].y };
    const to = endPanel.joints[name];
    const d = Math.hypot(to.x - from.x, to.y - from.y);
    if (d < 14) return [];
    const ux = (to.x - from.x) / d;
    const uy = (to.y - from.y) / d;
    const trim = Math.min(10, d / 4);
    return [
      {
        from: { x: from.x + ux * trim, y: from.y + uy * trim },
        to: { x: to.x - ux * trim, y: to.y - uy * trim },
      },
    ];
  });

  for (const extra of spec.arrows ?? []) {
    const at = endPanel.joints[extra.at];
    arrows.push({ from: at, to: { x: at.x + extra.dx * scale, y: at.y - extra.dy * scale } });
  }

  return {
    width: CANVAS.width,
    height: CANVAS.height,
    scale,
    panels: [startPanel, endPanel],
    arrows,
  };
}

function scaleShape(s: Shape, f: (v: Vec) => Vec, k: number): Shape {
  switch (s.kind) {
    case 'segment':
      return { ...s, a: f(s.a), b: f(s.b), width: s.width * k };
    case 'curve':
      return { ...s, a: f(s.a), c: f(s.c), b: f(s.b), width: s.width * k };
    case 'circle':
      return { ...s, c: f(s.c), r: s.r * k };
    case 'polygon':
      return { ...s, pts: s.pts.map(f) };
  }
}

function drawProp(
  p: Prop,
  figure: Figure,
  pose: Pose,
  ctx: PropContext,
  toSvg: (v: Vec) => Vec,
  k: number,
  x0: number,
): PropShape[] {
  const j = figure.joints;
  const f = facingSign(pose);
  const rect = (a: Vec, b: Vec, fill: string, stroke?: string): PropShape => {
    const pa = toSvg(a);
    const pb = toSvg(b);
    const shape: PropShape = {
      kind: 'rect',
      x: Math.min(pa.x, pb.x),
      y: Math.min(pa.y, pb.y),
      w: Math.abs(pb.x - pa.x),
      h: Math.abs(pb.y - pa.y),
      fill,
      rx: 1.5,
    };
    return stroke ? { ...shape, stroke } : shape;
  };
  switch (p.kind) {
    case 'mat': {
      const fb = shapesBox(figure.shapes);
      const a = toSvg({ x: fb.minX - 8, y: MAT_THICKNESS });
      const b = toSvg({ x: fb.maxX + 8, y: 0 });
      const left = Math.max(x0 + 4, a.x);
      const right = Math.min(x0 + CANVAS.panelWidth - 4, b.x);
      return [
        { kind: 'rect', x: left, y: a.y, w: right - left, h: b.y - a.y, fill: PALETTE.mat, rx: 2 },
      ];
    }
    case 'step': {
      const toe = p.leg === 'near' ? j.nearToe : j.farToe;
      const heel = p.leg === 'near' ? j.nearHeel : j.farHeel;
      const fwd = Math.sign(toe.x - heel.x) || f;
      return [
        rect(
          { x: toe.x + fwd * 3, y: p.height },
          { x: toe.x - fwd * 42, y: 0 },
          PALETTE.wood,
          PALETTE.woodEdge,
        ),
      ];
    }
    case 'bench': {
      const towardHead = Math.sign(j.shoulder.x - j.hip.x) || 1;
      const top = j.shoulder.y - 12;
      const near = j.shoulder.x - towardHead * 10;
      const far = j.shoulder.x + towardHead * 38;
      return [
        rect({ x: near, y: top }, { x: far, y: top - 7 }, PALETTE.wood, PALETTE.woodEdge),
        rect(
          { x: near + towardHead * 4, y: top - 7 },
          { x: near + towardHead * 9, y: 0 },
          PALETTE.wood,
          PALETTE.woodEdge,
        ),
        rect(
          { x: far - towardHead * 4, y: top - 7 },
          { x: far - towardHead * 9, y: 0 },
          PALETTE.wood,
          PALETTE.woodEdge,
        ),
      ];
    }
    case 'chair': {
      const seat = j.hip.y - 11;
      const back = j.hip.x - f * 20;
      const front = j.hip.x + f * 22;
      return [
        rect({ x: back, y: seat }, { x: front, y: seat - 5 }, PALETTE.wood, PALETTE.woodEdge),
        rect({ x: back, y: seat + 45 }, { x: back + f * 5, y: 0 }, PALETTE.wood, PALETTE.woodEdge),
        rect({ x: front, y: seat - 5 }, { x: front - f * 5, y: 0 }, PALETTE.wood, PALETTE.woodEdge),
      ];
    }
    case 'wall': {
      const x = ctx.wallX ?? j[p.at].x + f * 5;
      const a = toSvg({ x, y: 0 });
      const b = toSvg({ x: x + f * 8, y: 0 });
      const left = Math.min(a.x, b.x);
      return [
        {
          kind: 'rect',
          x: left,
          y: CANVAS.figureTop - 4,
          w: Math.abs(b.x - a.x),
          h: a.y - CANVAS.figureTop + 4,
          fill: PALETTE.wall,
          stroke: PALETTE.floor,
        },
      ];
    }
    case 'strap':
    case 'band': {
      const a = toSvg(j[p.from]);
      const b = toSvg(j[p.to]);
      return [
        {
          kind: 'line',
          a,
          b,
          stroke: PALETTE.strap,
          width: (p.kind === 'band' ? 3.5 : 2.5) * Math.max(k, 0.8),
        },
      ];
    }
  }
}

const n = (v: number): string => (Math.round(v * 10) / 10).toString();

const toneColour = (t: Tone): string => (t === 'far' ? PALETTE.far : PALETTE.near);

/** A white outline drawn under each body part so overlapping limbs stay distinct. */
const HALO = 2.2;

/** Draws the figure part by part: the outline of a whole part, then its fill. */
function figureSvg(shapes: readonly Shape[], k: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < shapes.length) {
    const part = shapes[i]?.part;
    const group: Shape[] = [];
    while (i < shapes.length && shapes[i]?.part === part) {
      const s = shapes[i];
      if (s) group.push(s);
      i++;
    }
    out.push(...group.map((s) => haloSvg(s, HALO * k)).filter((x) => x !== ''));
    out.push(...group.map((s) => fillSvg(s, k)));
  }
  return out;
}

function haloSvg(s: Shape, halo: number): string {
  switch (s.kind) {
    case 'segment':
      return `<line x1="${n(s.a.x)}" y1="${n(s.a.y)}" x2="${n(s.b.x)}" y2="${n(s.b.y)}" stroke="#ffffff" stroke-width="${n(s.width + 2 * halo)}" stroke-linecap="round"/>`;
    case 'curve':
      return `<path d="M${n(s.a.x)} ${n(s.a.y)} Q${n(s.c.x)} ${n(s.c.y)} ${n(s.b.x)} ${n(s.b.y)}" fill="none" stroke="#ffffff" stroke-width="${n(s.width + 2 * halo)}" stroke-linecap="round"/>`;
    case 'circle':
      return `<circle cx="${n(s.c.x)}" cy="${n(s.c.y)}" r="${n(s.r + halo)}" fill="#ffffff"/>`;
    case 'polygon':
      return '';
  }
}

function fillSvg(s: Shape, k: number): string {
  const colour = toneColour(s.tone);
  switch (s.kind) {
    case 'segment':
      return `<line x1="${n(s.a.x)}" y1="${n(s.a.y)}" x2="${n(s.b.x)}" y2="${n(s.b.y)}" stroke="${colour}" stroke-width="${n(s.width)}" stroke-linecap="round"/>`;
    case 'curve':
      return `<path d="M${n(s.a.x)} ${n(s.a.y)} Q${n(s.c.x)} ${n(s.c.y)} ${n(s.b.x)} ${n(s.b.y)}" fill="none" stroke="${colour}" stroke-width="${n(s.width)}" stroke-linecap="round"/>`;
    case 'circle':
      return `<circle cx="${n(s.c.x)}" cy="${n(s.c.y)}" r="${n(s.r)}" fill="${colour}"/>`;
    case 'polygon':
      return `<polygon points="${s.pts.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}" fill="${colour}" stroke="${colour}" stroke-width="${n(POLYGON_STROKE * k)}" stroke-linejoin="round"/>`;
  }
}

function propSvg(p: PropShape): string {
  switch (p.kind) {
    case 'rect':
      return `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" rx="${n(p.rx ?? 0)}" fill="${p.fill}"${p.stroke ? ` stroke="${p.stroke}" stroke-width="1"` : ''}/>`;
    case 'line':
      return `<line x1="${n(p.a.x)}" y1="${n(p.a.y)}" x2="${n(p.b.x)}" y2="${n(p.b.y)}" stroke="${p.stroke}" stroke-width="${n(p.width)}" stroke-linecap="round"${p.dash ? ` stroke-dasharray="${p.dash}"` : ''}/>`;
    case 'path':
      return `<path d="${p.d}" fill="${p.fill}" stroke="${p.stroke}" stroke-width="${n(p.width)}"/>`;
  }
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function arrowSvg(from: Vec, to: Vec): string {
  const d = Math.hypot(to.x - from.x, to.y - from.y);
  const ux = (to.x - from.x) / d;
  const uy = (to.y - from.y) / d;
  const head = 7;
  const base = add(to, { x: ux, y: uy }, -head);
  const left = add(base, { x: -uy, y: ux }, head * 0.55);
  const right = add(base, { x: uy, y: -ux }, head * 0.55);
  return (
    `<line x1="${n(from.x)}" y1="${n(from.y)}" x2="${n(base.x)}" y2="${n(base.y)}" stroke="${PALETTE.arrow}" stroke-width="2.5" stroke-dasharray="5 3"/>` +
    `<polygon points="${n(to.x)},${n(to.y)} ${n(left.x)},${n(left.y)} ${n(right.x)},${n(right.y)}" fill="${PALETTE.arrow}"/>`
  );
}

/**
 * Writes the SVG for an illustration. `id` is used to make the ids of the
 * title and description unique when several SVGs are inlined in one page.
 */
export function specToSvg(id: string, spec: IllustrationSpec): string {
  const layout = layoutSpec(spec);
  const titleId = `bt-ill-${id}-title`;
  const descId = `bt-ill-${id}-desc`;
  const desc = `Start: ${spec.start.text} End: ${spec.end.text}`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="${titleId} ${descId}">`,
    `<title id="${titleId}">${escapeXml(`${spec.title}: start and end positions`)}</title>`,
    `<desc id="${descId}">${escapeXml(desc)}</desc>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  );
  for (const panel of layout.panels) {
    const x0 = panel.x0;
    const w = CANVAS.panelWidth;
    parts.push(
      `<g class="panel" data-label="${panel.label}">`,
      `<rect x="${n(x0)}" y="${CANVAS.top}" width="${w}" height="${CANVAS.height - CANVAS.top - 6}" rx="8" fill="#ffffff" stroke="${PALETTE.frame}"/>`,
      `<rect x="${n(x0 + 1)}" y="${CANVAS.floorY}" width="${w - 2}" height="${CANVAS.height - 7 - CANVAS.floorY}" fill="${PALETTE.floorFill}"/>`,
      `<line x1="${n(x0 + 1)}" y1="${CANVAS.floorY}" x2="${n(x0 + w - 1)}" y2="${CANVAS.floorY}" stroke="${PALETTE.floor}" stroke-width="2"/>`,
      `<text x="${n(x0 + 12)}" y="${CANVAS.labelY}" font-family="sans-serif" font-size="17" font-weight="bold" fill="${PALETTE.text}">${panel.label}</text>`,
      ...panel.props.filter((p) => p.kind !== 'line').map(propSvg),
      `<g class="figure">`,
      ...figureSvg(panel.shapes, layout.scale),
      `</g>`,
      ...panel.props.filter((p) => p.kind === 'line').map(propSvg),
      `</g>`,
    );
  }
  for (const a of layout.arrows) parts.push(arrowSvg(a.from, a.to));
  // A chevron between the panels: "from start to end".
  const cx = CANVAS.margin + CANVAS.panelWidth + CANVAS.gap / 2;
  const cy = (CANVAS.top + CANVAS.height) / 2;
  parts.push(
    `<path d="M${n(cx - 5)} ${n(cy - 10)} L${n(cx + 5)} ${n(cy)} L${n(cx - 5)} ${n(cy + 10)}" fill="none" stroke="${PALETTE.floor}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`,
    `</svg>`,
  );
  return parts.join('\n');
}
