/**
 * A small pose library: a human figure defined by joint angles, turned into
 * drawable shapes. Pure geometry, no DOM and no I/O, so the same figure can
 * be rendered to SVG for the web app, a PDF handout or a PNG in tests.
 *
 * Coordinates are "figure units" (roughly centimetres of a 176-unit-tall
 * adult) with the y axis pointing UP; the renderer flips them into SVG space.
 * The hip joint starts at the origin; `groundFigure` then lifts the figure
 * so that it rests on the floor (or on a step).
 *
 * Two projections are supported:
 * - `side`: a profile view. Near and far limbs hang from the same hip and
 *   shoulder points; the far limbs are drawn lighter, behind the body.
 * - `front`: a view of the chest (used for side-lying and frontal-plane
 *   work such as the side plank, clamshell and side lunge). The hip and
 *   shoulder joints sit to either side of the trunk line.
 *
 * Angles are in degrees. Joint angles follow clinical names where they can:
 * flexion is positive and moves a limb towards the front of the body (side
 * view) or away from the midline (front view, where `hip` and `shoulder`
 * mean abduction). Segments that point towards the viewer can be shortened
 * with `len` factors to show foreshortening.
 */

/** A point in figure units, y up. */
export interface Vec {
  x: number;
  y: number;
}

/** Lengths of the body segments, in figure units. */
export const SEGMENT = {
  pelvisToWaist: 22,
  waistToShoulder: 32,
  neck: 7,
  headRadius: 11,
  upperArm: 29,
  forearm: 25,
  hand: 8,
  thigh: 44,
  shank: 43,
  foot: 21,
  ankleHeight: 6,
  /** Half the distance between the hip joints (front view). */
  hipHalfWidth: 9,
  /** Half the distance between the shoulder joints (front view). */
  shoulderHalfWidth: 17,
} as const;

/** Stroke widths of the solid figure, in figure units. */
export const WIDTH = {
  torsoSide: 22,
  torsoFront: 30,
  neck: 8,
  upperArm: 9,
  forearm: 8,
  hand: 7,
  thigh: 13,
  shank: 10,
  foot: 4,
  girdle: 10,
} as const;

/** Angles of one arm. */
export interface ArmPose {
  /** Side view: flexion (forward, + ) / extension (-). Front view: abduction. */
  shoulder: number;
  /** Elbow bend; side view: forearm turns forward/up; front view: towards the head when abducted. */
  elbow: number;
  /** Wrist bend relative to the forearm: + turns the hand forwards (palm flat on the floor under a vertical forearm). */
  wrist?: number;
  /** Foreshortening factors for [upper arm, forearm + hand]; 1 = full length. */
  len?: readonly [number, number];
}

/** Angles of one leg. */
export interface LegPose {
  /** Side view: hip flexion (+) / extension (-). Front view: abduction. */
  hip: number;
  /** Knee bend (+); the shank folds backwards (side view) or towards the midline (front view). */
  knee: number;
  /** Ankle dorsiflexion (+, toes up) / plantarflexion (-, pointing the toes); `flat` sets the sole level with the floor. */
  ankle: number | 'flat';
  /** Foreshortening factors for [thigh, shank, foot]; 1 = full length. */
  len?: readonly [number, number, number];
}

/** A whole-body pose. */
export interface Pose {
  view: 'side' | 'front';
  /** Which way the front of the body (side view) or the head side (front view) is mirrored. */
  facing: 'left' | 'right';
  /** Absolute direction of the lower trunk (hip to waist): 90 = upright, 0 = lying with head to the front. */
  pelvis: number;
  /** Bend of the upper trunk on the lower trunk: + flexion (rounding forward), - extension (arching). */
  spine: number;
  /** Bend of the head on the upper trunk: + chin towards chest, - looking up. */
  neck: number;
  near: { arm: ArmPose; leg: LegPose };
  far: { arm: ArmPose; leg: LegPose };
  /** 0–1: how far the belly is pushed out (diaphragmatic breathing). */
  belly?: number;
  /**
   * Front view only: how wide the hips and shoulders look, 1 = square on.
   * Lying on one side the lower shoulder is pressed in, so such poses use less.
   */
  girdle?: number;
  /** Front view only: draw the legs in front of the trunk (sitting with the shins towards the viewer). */
  legsInFront?: boolean;
}

/** Named points of a posed figure. */
export const JOINT_NAMES = [
  'hip',
  'waist',
  'shoulder',
  'head',
  'nearHip',
  'farHip',
  'nearShoulder',
  'farShoulder',
  'nearElbow',
  'nearWrist',
  'nearHand',
  'farElbow',
  'farWrist',
  'farHand',
  'nearKnee',
  'nearAnkle',
  'nearHeel',
  'nearToe',
  'farKnee',
  'farAnkle',
  'farHeel',
  'farToe',
] as const;
/** A named point of a posed figure. */
export type JointName = (typeof JOINT_NAMES)[number];

/** How a shape is shaded: the far side is lighter so opposite limbs can be told apart. */
export type Tone = 'near' | 'far' | 'body';

/** Body parts; a renderer outlines each part as a whole so that limbs crossing each other stay distinct. */
export type Part = 'farArm' | 'farLeg' | 'body' | 'nearLeg' | 'nearArm';

/** A drawable primitive in figure units. */
export type Shape = (
  | { kind: 'segment'; a: Vec; b: Vec; width: number }
  | { kind: 'curve'; a: Vec; c: Vec; b: Vec; width: number }
  | { kind: 'circle'; c: Vec; r: number }
  | { kind: 'polygon'; pts: Vec[] }
) & { tone: Tone; part: Part };

/** A figure in a pose: its joints and the shapes to draw, back to front. */
export interface Figure {
  joints: Record<JointName, Vec>;
  shapes: Shape[];
}

const rad = (deg: number): number => (deg * Math.PI) / 180;
/** Unit vector at `deg` degrees (0 = +x, 90 = +y). */
export const dir = (deg: number): Vec => ({ x: Math.cos(rad(deg)), y: Math.sin(rad(deg)) });
/** `p + v * k`. */
export const add = (p: Vec, v: Vec, k = 1): Vec => ({ x: p.x + v.x * k, y: p.y + v.y * k });

interface LimbOut {
  points: Record<string, Vec>;
  shapes: Shape[];
}

/**
 * Places one arm. `side` is +1 for the near arm and -1 for the far arm; it
 * only matters in the front view, where the far arm mirrors the near one.
 */
function placeArm(
  pose: Pose,
  trunkUp: number,
  base: Vec,
  arm: ArmPose,
  side: 1 | -1,
  tone: Tone,
): LimbOut {
  const part: Part = side === 1 ? 'nearArm' : 'farArm';
  const [lu, lf] = arm.len ?? [1, 1];
  const s = pose.view === 'front' ? side : 1;
  const upperDir = trunkUp + 180 + s * arm.shoulder;
  const foreDir = upperDir + s * arm.elbow;
  const handDir = foreDir + s * (arm.wrist ?? 0);
  const elbow = add(base, dir(upperDir), SEGMENT.upperArm * lu);
  const wrist = add(elbow, dir(foreDir), SEGMENT.forearm * lf);
  const hand = add(wrist, dir(handDir), SEGMENT.hand * lf);
  return {
    points: { elbow, wrist, hand },
    shapes: [
      { kind: 'segment', a: base, b: elbow, width: WIDTH.upperArm, tone, part },
      { kind: 'segment', a: elbow, b: wrist, width: WIDTH.forearm, tone, part },
      { kind: 'segment', a: wrist, b: hand, width: WIDTH.hand, tone, part },
    ],
  };
}

/** Places one leg, including a foot drawn as a small wedge (ankle, heel, toe). */
function placeLeg(
  pose: Pose,
  trunkUp: number,
  base: Vec,
  leg: LegPose,
  side: 1 | -1,
  tone: Tone,
): LimbOut {
  const part: Part = side === 1 ? 'nearLeg' : 'farLeg';
  const [lt, ls, lft] = leg.len ?? [1, 1, 1];
  const s = pose.view === 'front' ? side : 1;
  const thighDir = trunkUp + 180 + s * leg.hip;
  const shankDir = thighDir - s * leg.knee;
  // A flat foot points forwards (side view) or outwards (front view), whatever the shank does.
  const footDir = leg.ankle === 'flat' ? (s === 1 ? 0 : 180) : shankDir + s * (90 + leg.ankle);
  const knee = add(base, dir(thighDir), SEGMENT.thigh * lt);
  const ankle = add(knee, dir(shankDir), SEGMENT.shank * ls);
  // The sole lies "below" the ankle, on the side of the foot away from the shin.
  const sole = add(ankle, dir(footDir - s * 90), SEGMENT.ankleHeight * lft);
  const heel = add(sole, dir(footDir), -4 * lft);
  const toe = add(sole, dir(footDir), (SEGMENT.foot - 4) * lft);
  return {
    points: { knee, ankle, heel, toe },
    shapes: [
      { kind: 'segment', a: base, b: knee, width: WIDTH.thigh, tone, part },
      { kind: 'segment', a: knee, b: ankle, width: WIDTH.shank, tone, part },
      {
        kind: 'polygon',
        pts: [add(ankle, dir(footDir), -2), heel, toe, add(ankle, dir(footDir), 4)],
        tone,
        part,
      },
    ],
  };
}

/** Poses a figure: computes every joint and the shapes to draw, far side first. */
export function poseFigure(pose: Pose): Figure {
  const hip: Vec = { x: 0, y: 0 };
  const lowerDir = pose.pelvis;
  // Flexion rounds the trunk towards the front, which is clockwise when facing +x.
  const upperDir = lowerDir - pose.spine;
  const headDir = upperDir - pose.neck;
  const waist = add(hip, dir(lowerDir), SEGMENT.pelvisToWaist);
  const shoulder = add(waist, dir(upperDir), SEGMENT.waistToShoulder);
  const headCentre = add(shoulder, dir(headDir), SEGMENT.neck + SEGMENT.headRadius);
  const front = pose.view === 'front';

  // Where the limbs attach. In the front view the near side is the clockwise side of the trunk.
  const girdle = pose.girdle ?? 1;
  const hipOffset = front ? SEGMENT.hipHalfWidth * girdle : 0;
  const shoulderOffset = front ? SEGMENT.shoulderHalfWidth * girdle : 0;
  const nearHip = add(hip, dir(lowerDir - 90), hipOffset);
  const farHip = add(hip, dir(lowerDir + 90), hipOffset);
  const nearShoulder = add(shoulder, dir(upperDir - 90), shoulderOffset);
  const farShoulder = add(shoulder, dir(upperDir + 90), shoulderOffset);

  const farArm = placeArm(pose, upperDir, farShoulder, pose.far.arm, -1, 'far');
  const nearArm = placeArm(pose, upperDir, nearShoulder, pose.near.arm, 1, 'near');
  const farLeg = placeLeg(pose, lowerDir, farHip, pose.far.leg, -1, 'far');
  const nearLeg = placeLeg(pose, lowerDir, nearHip, pose.near.leg, 1, 'near');

  const torsoWidth = front ? WIDTH.torsoFront * Math.max(girdle, 0.85) : WIDTH.torsoSide;
  // A quadratic curve whose middle passes through the waist: control = 2*waist - (hip+shoulder)/2.
  const control: Vec = {
    x: 2 * waist.x - (hip.x + shoulder.x) / 2,
    y: 2 * waist.y - (hip.y + shoulder.y) / 2,
  };
  const body: Shape[] = [
    {
      kind: 'curve',
      a: hip,
      c: control,
      b: shoulder,
      width: torsoWidth,
      tone: 'body',
      part: 'body',
    },
    {
      kind: 'segment',
      a: shoulder,
      b: add(shoulder, dir(headDir), SEGMENT.neck + 2),
      width: WIDTH.neck,
      tone: 'body',
      part: 'body',
    },
    { kind: 'circle', c: headCentre, r: SEGMENT.headRadius, tone: 'body', part: 'body' },
  ];
  if (front) {
    body.push({
      kind: 'segment',
      a: nearShoulder,
      b: farShoulder,
      width: WIDTH.girdle,
      tone: 'body',
      part: 'body',
    });
  } else {
    // A small nose shows which way the figure faces.
    const faceDir = headDir - 100;
    const tip = add(headCentre, dir(faceDir), SEGMENT.headRadius + 2.5);
    body.push({
      kind: 'polygon',
      pts: [
        add(headCentre, dir(faceDir + 16), SEGMENT.headRadius - 1),
        tip,
        add(headCentre, dir(faceDir - 14), SEGMENT.headRadius - 1),
      ],
      tone: 'body',
      part: 'body',
    });
  }
  if (pose.belly !== undefined && pose.belly > 0) {
    const bellyCentre = add(
      add(hip, dir(lowerDir), SEGMENT.pelvisToWaist * 0.7),
      dir(lowerDir - 90),
      4 + 5 * pose.belly,
    );
    body.push({
      kind: 'circle',
      c: bellyCentre,
      r: 8 + 2 * pose.belly,
      tone: 'body',
      part: 'body',
    });
  }

  const shapes: Shape[] = front
    ? pose.legsInFront
      ? [...farArm.shapes, ...body, ...farLeg.shapes, ...nearLeg.shapes, ...nearArm.shapes]
      : [...farArm.shapes, ...farLeg.shapes, ...nearLeg.shapes, ...body, ...nearArm.shapes]
    : [...farArm.shapes, ...farLeg.shapes, ...body, ...nearLeg.shapes, ...nearArm.shapes];

  const p = (limb: LimbOut, key: string): Vec => {
    const v = limb.points[key];
    if (!v) throw new Error(`figure: missing point ${key}`);
    return v;
  };
  const joints: Record<JointName, Vec> = {
    hip,
    waist,
    shoulder,
    head: headCentre,
    nearHip,
    farHip,
    nearShoulder,
    farShoulder,
    nearElbow: p(nearArm, 'elbow'),
    nearWrist: p(nearArm, 'wrist'),
    nearHand: p(nearArm, 'hand'),
    farElbow: p(farArm, 'elbow'),
    farWrist: p(farArm, 'wrist'),
    farHand: p(farArm, 'hand'),
    nearKnee: p(nearLeg, 'knee'),
    nearAnkle: p(nearLeg, 'ankle'),
    nearHeel: p(nearLeg, 'heel'),
    nearToe: p(nearLeg, 'toe'),
    farKnee: p(farLeg, 'knee'),
    farAnkle: p(farLeg, 'ankle'),
    farHeel: p(farLeg, 'heel'),
    farToe: p(farLeg, 'toe'),
  };
  const figure: Figure = { joints, shapes };
  return pose.facing === 'left' ? mapFigure(figure, (v) => ({ x: -v.x, y: v.y })) : figure;
}

/** Applies a point transform to every joint and shape of a figure. */
export function mapFigure(figure: Figure, f: (v: Vec) => Vec): Figure {
  const joints = Object.fromEntries(
    Object.entries(figure.joints).map(([k, v]) => [k, f(v)]),
  ) as Record<JointName, Vec>;
  const shapes = figure.shapes.map((s): Shape => {
    switch (s.kind) {
      case 'segment':
        return { ...s, a: f(s.a), b: f(s.b) };
      case 'curve':
        return { ...s, a: f(s.a), c: f(s.c), b: f(s.b) };
      case 'circle':
        return { ...s, c: f(s.c) };
      case 'polygon':
        return { ...s, pts: s.pts.map(f) };
    }
  });
  return { joints, shapes };
}

/** Axis-aligned box, y up. */
export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Stroke half-width used to outline polygons (feet, nose). */
export const POLYGON_STROKE = 3;

/** The extent of one shape, including stroke thickness. */
function shapeBox(s: Shape): Box {
  const pad = (pts: Vec[], r: number): Box => ({
    minX: Math.min(...pts.map((p) => p.x)) - r,
    maxX: Math.max(...pts.map((p) => p.x)) + r,
    minY: Math.min(...pts.map((p) => p.y)) - r,
    maxY: Math.max(...pts.map((p) => p.y)) + r,
  });
  switch (s.kind) {
    case 'segment':
      return pad([s.a, s.b], s.width / 2);
    case 'curve': {
      const pts: Vec[] = [];
      for (let i = 0; i <= 10; i++) {
        const t = i / 10;
        const u = 1 - t;
        pts.push({
          x: u * u * s.a.x + 2 * u * t * s.c.x + t * t * s.b.x,
          y: u * u * s.a.y + 2 * u * t * s.c.y + t * t * s.b.y,
        });
      }
      return pad(pts, s.width / 2);
    }
    case 'circle':
      return pad([s.c], s.r);
    case 'polygon':
      return pad(s.pts, POLYGON_STROKE / 2);
  }
}

/** The bounding box of a set of shapes. */
export function shapesBox(shapes: readonly Shape[]): Box {
  const boxes = shapes.map(shapeBox);
  return {
    minX: Math.min(...boxes.map((b) => b.minX)),
    maxX: Math.max(...boxes.map((b) => b.maxX)),
    minY: Math.min(...boxes.map((b) => b.minY)),
    maxY: Math.max(...boxes.map((b) => b.maxY)),
  };
}

/**
 * Rests a figure on a surface: by default its lowest point touches height
 * `surface` (0 = the floor); with `on`, the named joint (a sole point such as
 * `nearToe`, or a joint whose limb rests on something) is placed there instead.
 */
export function groundFigure(
  figure: Figure,
  options: { surface?: number; on?: JointName } = {},
): Figure {
  const surface = options.surface ?? 0;
  const lowest = options.on
    ? figure.joints[options.on].y - POLYGON_STROKE / 2
    : shapesBox(figure.shapes).minY;
  return mapFigure(figure, (v) => ({ x: v.x, y: v.y - lowest + surface }));
}
