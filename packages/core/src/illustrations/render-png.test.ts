/**
 * Renders illustrations to pixels with a real SVG renderer (resvg) and checks
 * that the picture shows what the pose says: not blank, the figure where the
 * layout puts it, and the key feature of each position visible in the
 * pixels (a plank is long and low, a bridge lifts the hips off the floor,
 * a standing figure is tall and narrow).
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { ILLUSTRATION_IDS, layoutIllustration, renderIllustration } from './render.js';
import { CANVAS } from './scene.js';
import type { JointName } from './figure.js';

interface Picture {
  width: number;
  height: number;
  /** 1 where the pixel belongs to the figure (the figure, and only it, is blue). */
  figure: Uint8Array;
  /** Scale from SVG units to pixels. */
  k: number;
}

const WIDTH_PX = 640;

function render(id: string): Picture {
  const image = new Resvg(renderIllustration(id), {
    fitTo: { mode: 'width', value: WIDTH_PX },
    font: { loadSystemFonts: false },
  }).render();
  const { width, height, pixels } = image;
  const figure = new Uint8Array(width * height);
  for (let p = 0; p < width * height; p++) {
    const r = pixels[p * 4] ?? 0;
    const b = pixels[p * 4 + 2] ?? 0;
    const a = pixels[p * 4 + 3] ?? 0;
    figure[p] = a > 200 && b - r > 40 ? 1 : 0;
  }
  return { width, height, figure, k: width / CANVAS.width };
}

interface PixelBox {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  count: number;
}

/** Bounding box of the figure pixels in one panel. */
function panelBox(pic: Picture, panel: 0 | 1): PixelBox {
  const x0 = Math.floor(
    (panel === 0 ? CANVAS.margin : CANVAS.margin + CANVAS.panelWidth + CANVAS.gap) * pic.k,
  );
  const x1 = Math.ceil(x0 + CANVAS.panelWidth * pic.k);
  const box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, count: 0 };
  for (let y = 0; y < pic.height; y++) {
    for (let x = x0; x < x1; x++) {
      if (pic.figure[y * pic.width + x]) {
        box.count++;
        box.minX = Math.min(box.minX, x);
        box.maxX = Math.max(box.maxX, x);
        box.minY = Math.min(box.minY, y);
        box.maxY = Math.max(box.maxY, y);
      }
    }
  }
  return box;
}

/** Lowest figure pixel (largest y) in a narrow column around x, in pixels. */
function lowestInColumn(pic: Picture, x: number, halfWidth = 2): number {
  let lowest = -1;
  for (let y = 0; y < pic.height; y++) {
    for (let dx = -halfWidth; dx <= halfWidth; dx++) {
      const xx = Math.round(x) + dx;
      if (pic.figure[y * pic.width + xx]) lowest = Math.max(lowest, y);
    }
  }
  return lowest;
}

/**
 * The bottom edge, in pixels, of the solid run of figure pixels that contains
 * a joint: scanning straight down from the joint until the figure ends.
 */
function bottomOfPartAt(pic: Picture, at: { x: number; y: number }): number {
  const x = Math.round(at.x * pic.k);
  let y = Math.round(at.y * pic.k);
  while (y + 1 < pic.height && pic.figure[(y + 1) * pic.width + x]) y++;
  return y;
}

/**
 * Whether the figure covers an SVG point or a pixel within 4 px of it (the
 * white outline that separates overlapping limbs, or a strap drawn over a
 * hand, can cover the exact joint pixel).
 */
function figureAt(pic: Picture, at: { x: number; y: number }): boolean {
  const cx = Math.round(at.x * pic.k);
  const cy = Math.round(at.y * pic.k);
  for (let dy = -4; dy <= 4; dy++)
    for (let dx = -4; dx <= 4; dx++) if (pic.figure[(cy + dy) * pic.width + cx + dx]) return true;
  return false;
}

const joint = (id: string, panel: 0 | 1, name: JointName) =>
  layoutIllustration(id).panels[panel].joints[name];
const floorPx = (pic: Picture) => CANVAS.floorY * pic.k;

describe('illustrations rendered to pixels', () => {
  it.each(ILLUSTRATION_IDS)(
    '%s shows a figure in each panel, and the two positions differ',
    (id) => {
      const pic = render(id);
      const [start, end] = [panelBox(pic, 0), panelBox(pic, 1)];
      for (const box of [start, end]) {
        expect(box.count).toBeGreaterThan(1500); // a solid figure, not a few stray pixels
        expect(box.maxY).toBeLessThanOrEqual(floorPx(pic) + 1);
      }
      // The end position is not a copy of the start position shifted sideways.
      const shift = Math.round((CANVAS.panelWidth + CANVAS.gap) * pic.k);
      let differing = 0;
      for (let y = 0; y < pic.height; y++) {
        for (let x = 0; x < CANVAS.panelWidth * pic.k; x++) {
          const a = pic.figure[y * pic.width + x + Math.round(CANVAS.margin * pic.k)];
          const b = pic.figure[y * pic.width + x + Math.round(CANVAS.margin * pic.k) + shift];
          if (a !== b) differing++;
        }
      }
      expect(differing).toBeGreaterThan(300);
    },
  );

  it.each(ILLUSTRATION_IDS)(
    '%s draws the hands, feet and head where the layout puts them',
    (id) => {
      const pic = render(id);
      const layout = layoutIllustration(id);
      for (const panel of layout.panels) {
        for (const name of [
          'head',
          'hip',
          'nearHand',
          'nearAnkle',
          'nearKnee',
          'nearElbow',
        ] as const) {
          expect(figureAt(pic, panel.joints[name]), `${panel.label} ${name}`).toBe(true);
        }
      }
    },
  );

  it('plank: the end position is long and low', () => {
    const box = panelBox(render('plank'), 1);
    expect(box.maxX - box.minX).toBeGreaterThan(3.5 * (box.maxY - box.minY));
  });

  it('glute bridge: the hips leave the floor at the end', () => {
    const pic = render('glute_bridge');
    const startHip = joint('glute_bridge', 0, 'hip');
    const endHip = joint('glute_bridge', 1, 'hip');
    expect(endHip.y).toBeLessThan(startHip.y - 15); // the pose says the hip rises
    // In the picture: at the start the body reaches the mat under the hip; at the end the
    // underside of the pelvis is well off the floor (the arms lying on the floor may show below it).
    const mat = 3 * layoutIllustration('glute_bridge').scale * pic.k;
    expect(floorPx(pic) - lowestInColumn(pic, startHip.x * pic.k)).toBeLessThan(mat + 3);
    expect(floorPx(pic) - bottomOfPartAt(pic, endHip)).toBeGreaterThan(30 * pic.k);
  });

  it('side plank: the hips are lifted off the floor at the end', () => {
    const pic = render('side_plank');
    const clearance = (panel: 0 | 1) =>
      floorPx(pic) - lowestInColumn(pic, joint('side_plank', panel, 'hip').x * pic.k);
    expect(clearance(1)).toBeGreaterThan(20 * pic.k);
    expect(clearance(0)).toBeLessThan(8 * pic.k);
  });

  // Regression (issue 12): the start was drawn with the trunk folded sideways
  // over the hips, and the plank's start and end looked alike.
  it('side plank: at the start the hips, legs and forearm rest on the floor and the trunk rises straight to the shoulder', () => {
    const pic = render('side_plank');
    // A joint resting on the mat sits half a limb's width above it.
    const onFloor = (name: JointName) =>
      floorPx(pic) - joint('side_plank', 0, name).y * pic.k < 20 * pic.k;
    for (const name of ['nearHip', 'nearKnee', 'nearAnkle', 'nearElbow'] as const) {
      expect(onFloor(name), name).toBe(true);
    }
    // The trunk is one straight line from hip to shoulder (no sideways fold at the waist).
    const hip = joint('side_plank', 0, 'hip');
    const waist = joint('side_plank', 0, 'waist');
    const shoulder = joint('side_plank', 0, 'shoulder');
    const bend =
      Math.atan2(waist.y - hip.y, waist.x - hip.x) -
      Math.atan2(shoulder.y - waist.y, shoulder.x - waist.x);
    expect(Math.abs((bend * 180) / Math.PI)).toBeLessThan(10);
    // The shoulder stands over the elbow, as high as the upper arm is long.
    const elbow = joint('side_plank', 0, 'nearElbow');
    const nearShoulder = joint('side_plank', 0, 'nearShoulder');
    expect(Math.abs(nearShoulder.x - elbow.x)).toBeLessThan(6);
    expect(figureAt(pic, elbow)).toBe(true);
  });

  it('plank: the start kneels with the feet lifted, the end rests on the toes with the knees off the floor', () => {
    const pic = render('plank');
    const height = (panel: 0 | 1, name: JointName) =>
      (floorPx(pic) - joint('plank', panel, name).y * pic.k) / pic.k;
    expect(height(0, 'nearKnee')).toBeLessThan(20);
    // Feet up behind the knees: the start's silhouette is not the full plank's.
    expect(height(0, 'nearAnkle')).toBeGreaterThan(height(0, 'nearKnee') + 25);
    expect(height(1, 'nearKnee')).toBeGreaterThan(height(0, 'nearKnee') + 8);
    expect(height(1, 'nearToe')).toBeLessThan(8);
    expect(figureAt(pic, joint('plank', 0, 'nearAnkle'))).toBe(true);
  });

  it('bird dog: the reaching hand is at shoulder height at the end, on the floor at the start', () => {
    const pic = render('bird_dog');
    const startHand = joint('bird_dog', 0, 'nearHand');
    const endHand = joint('bird_dog', 1, 'nearHand');
    const endShoulder = joint('bird_dog', 1, 'shoulder');
    expect(floorPx(pic) - startHand.y * pic.k).toBeLessThan(12 * pic.k);
    expect(Math.abs(endHand.y - endShoulder.y)).toBeLessThan(15);
    expect(figureAt(pic, endHand)).toBe(true);
  });

  it.each(['single_leg_balance', 'walking', 'calf_raise', 'single_leg_deadlift'])(
    '%s: standing figures are taller than wide at the start',
    (id) => {
      const box = panelBox(render(id), 0);
      expect(box.maxY - box.minY).toBeGreaterThan(1.8 * (box.maxX - box.minX));
    },
  );

  it('single-leg balance: one foot is off the floor at the end', () => {
    const pic = render('single_leg_balance');
    const farAnkle = joint('single_leg_balance', 1, 'farAnkle');
    const nearAnkle = joint('single_leg_balance', 1, 'nearAnkle');
    expect(nearAnkle.y - farAnkle.y).toBeGreaterThan(10);
    expect(figureAt(pic, farAnkle)).toBe(true);
  });

  it('hip flexor stretch: half-kneeling, with the back knee on the floor', () => {
    const pic = render('hip_flexor_stretch');
    const onMat = (3 + 3) * layoutIllustration('hip_flexor_stretch').scale * pic.k;
    for (const panel of [0, 1] as const) {
      const knee = joint('hip_flexor_stretch', panel, 'farKnee');
      expect(floorPx(pic) - lowestInColumn(pic, knee.x * pic.k)).toBeLessThan(onMat);
      // Upright trunk: the shoulder sits above the hip.
      const hip = joint('hip_flexor_stretch', panel, 'hip');
      const shoulder = joint('hip_flexor_stretch', panel, 'shoulder');
      expect(Math.abs(shoulder.x - hip.x)).toBeLessThan(0.2 * (hip.y - shoulder.y));
      expect(figureAt(pic, shoulder)).toBe(true);
    }
  });

  it('clamshell: the top knee opens upwards while the feet stay together', () => {
    const startKnee = joint('clamshell', 0, 'nearKnee');
    const endKnee = joint('clamshell', 1, 'nearKnee');
    expect(startKnee.y - endKnee.y).toBeGreaterThan(20);
    const shift = CANVAS.panelWidth + CANVAS.gap;
    const startFoot = joint('clamshell', 0, 'nearAnkle');
    const endFoot = joint('clamshell', 1, 'nearAnkle');
    expect(Math.hypot(endFoot.x - shift - startFoot.x, endFoot.y - startFoot.y)).toBeLessThan(4);
    expect(figureAt(render('clamshell'), endKnee)).toBe(true);
  });
});
