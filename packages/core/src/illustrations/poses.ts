/**
 * The start and end pose of every exercise illustration, as joint angles
 * (see `figure.ts` for the conventions). Angles were chosen so the contact
 * points rest where they should (hands, forearms, knees, feet on the floor)
 * and then checked by eye on rendered PNGs; the rendering tests guard the
 * main features (a plank is long and low, a bridge lifts the hips, ...).
 */
import type { ArmPose, LegPose, Pose } from './figure.js';
import type { IllustrationSpec } from './scene.js';

const arm = (shoulder: number, elbow = 0, wrist = 0, len?: readonly [number, number]): ArmPose =>
  len ? { shoulder, elbow, wrist, len } : { shoulder, elbow, wrist };
const leg = (
  hip: number,
  knee = 0,
  ankle: number | 'flat' = 0,
  len?: readonly [number, number, number],
): LegPose => (len ? { hip, knee, ankle, len } : { hip, knee, ankle });

interface PoseInput {
  pelvis: number;
  spine?: number;
  neck?: number;
  facing?: 'left' | 'right';
  nearArm: ArmPose;
  nearLeg: LegPose;
  farArm?: ArmPose;
  farLeg?: LegPose;
  belly?: number;
  girdle?: number;
  legsInFront?: boolean;
}

function build(view: 'side' | 'front', p: PoseInput): Pose {
  const pose: Pose = {
    view,
    facing: p.facing ?? 'right',
    pelvis: p.pelvis,
    spine: p.spine ?? 0,
    neck: p.neck ?? 0,
    near: { arm: p.nearArm, leg: p.nearLeg },
    far: { arm: p.farArm ?? p.nearArm, leg: p.farLeg ?? p.nearLeg },
  };
  return {
    ...pose,
    ...(p.belly === undefined ? {} : { belly: p.belly }),
    ...(p.girdle === undefined ? {} : { girdle: p.girdle }),
    ...(p.legsInFront === undefined ? {} : { legsInFront: p.legsInFront }),
  };
}

/** A side-view pose; the far limbs default to the near ones. */
const side = (p: PoseInput): Pose => build('side', p);
/** A front-view pose (near = the clockwise side of the trunk). */
const front = (p: PoseInput): Pose => build('front', p);

// Shared positions.
const standing = (over: Partial<PoseInput> = {}): Pose =>
  side({ pelvis: 90, nearArm: arm(0, 10), nearLeg: leg(0), farArm: arm(0, 10), ...over });
/** Lying on the back, head to the left, knees bent and feet flat. */
const crookLying = (over: Partial<PoseInput> = {}): Pose =>
  side({ pelvis: 180, nearArm: arm(-4), nearLeg: leg(55, 115, 'flat'), ...over });
/** On hands and knees, head to the right. */
const allFours = (over: Partial<PoseInput> = {}): Pose =>
  side({ pelvis: 7, nearArm: arm(83, 0, 90), nearLeg: leg(83, 90, -90), ...over });
/** The top of a glute bridge: shoulders, hips and knees in one line. */
const bridgeTop = (over: Partial<PoseInput> = {}): Pose =>
  side({ pelvis: 202, neck: 22, nearArm: arm(-32), nearLeg: leg(0, 98, 'flat'), ...over });
/**
 * Lying on the (far) side, seen from the front and a little above, head to
 * the left: the lower arm reaches overhead under the head, the top hand rests
 * on the top hip.
 */
const sideLying = (over: Partial<PoseInput> & Pick<PoseInput, 'nearLeg'>): Pose =>
  front({ pelvis: 180, girdle: 0.75, farArm: arm(188), nearArm: arm(2), ...over });
/** Knees bent forward in side-lying (seen from the front, thighs come towards the viewer). */
const bentKneesBelow = leg(3, 30, 'flat', [0.8, 0.8, 0.6]);
const bentKneesAbove = leg(-3, -30, 'flat', [0.8, 0.8, 0.6]);

/** Every illustration, by id. */
export const ILLUSTRATIONS: Record<string, IllustrationSpec> = {
  plank: {
    title: 'Plank',
    start: {
      // Knees down with the shins lifted, so the start reads apart from the full plank at a glance.
      pose: side({ pelvis: 16, nearArm: arm(74, 90), nearLeg: leg(0, 105, 10) }),
      text: 'Forearms on the floor under the shoulders, knees down with the feet lifted, body in a line from knees to head.',
    },
    end: {
      pose: side({ pelvis: 6, nearArm: arm(84, 90), nearLeg: leg(0, 0, -10) }),
      text: 'Knees lifted: the body forms a straight line from heels to head, resting on forearms and toes.',
    },
    props: [{ kind: 'mat' }],
    anchor: 'nearElbow',
    motion: ['nearKnee'],
  },
  side_plank: {
    title: 'Side plank',
    start: {
      // The legs lie on the floor and the trunk rises from the hips to the
      // shoulder, held up by the upper arm standing on the forearm: with the
      // elbow under the shoulder the trunk's slope is what the upper arm's length allows.
      pose: front({
        pelvis: 40,
        nearArm: arm(50, 90, 0, [1, 0.35]),
        farArm: arm(4, 0),
        nearLeg: leg(-40, 0, 0, [1, 1, 0.4]),
        farLeg: leg(40, 0, 0, [1, 1, 0.4]),
      }),
      text: 'Lying on one side, propped on the forearm with the elbow under the shoulder, hips on the floor, legs straight and stacked.',
    },
    end: {
      pose: front({
        pelvis: 12,
        nearArm: arm(78, 90, 0, [1, 0.35]),
        farArm: arm(102, 0),
        nearLeg: leg(0, 0, 0, [1, 1, 0.4]),
        farLeg: leg(0, 0, 0, [1, 1, 0.4]),
      }),
      text: 'Hips lifted so the body is a straight line from feet to head, resting on the forearm and the side of the lower foot; top arm reaching up.',
    },
    props: [{ kind: 'mat' }],
    anchor: 'nearElbow',
    motion: ['hip'],
  },
  curl_up: {
    title: 'Curl-up',
    start: {
      pose: side({
        pelvis: 180,
        nearArm: arm(-6, 0),
        nearLeg: leg(55, 115, 'flat'),
        farLeg: leg(0, 0, 0),
      }),
      text: 'Lying on the back, one knee bent and the other leg straight, hands under the lower back.',
    },
    end: {
      pose: side({
        pelvis: 180,
        spine: 18,
        neck: 4,
        nearArm: arm(-6, 0),
        nearLeg: leg(55, 115, 'flat'),
        farLeg: leg(0, 0, 0),
      }),
      text: 'Head and shoulders lifted a little off the floor as one unit, lower back kept still.',
    },
    props: [{ kind: 'mat' }],
    motion: ['head'],
  },
  dead_bug: {
    title: 'Dead bug',
    start: {
      pose: side({ pelvis: 180, nearArm: arm(90), nearLeg: leg(90, 90, 0) }),
      text: 'Lying on the back, arms pointing to the ceiling, hips and knees bent to a right angle.',
    },
    end: {
      pose: side({
        pelvis: 180,
        nearArm: arm(168),
        farArm: arm(90),
        nearLeg: leg(90, 90, 0),
        farLeg: leg(12, 0, -20),
      }),
      text: 'One arm lowered overhead and the opposite leg straightened out just above the floor, back kept flat.',
    },
    props: [{ kind: 'mat' }],
    motion: ['nearHand', 'farAnkle'],
  },
  bird_dog: {
    title: 'Bird dog',
    start: {
      pose: allFours(),
      text: 'On hands and knees, hands under the shoulders and knees under the hips, back flat.',
    },
    end: {
      pose: allFours({ nearArm: arm(180), farArm: arm(83, 0, 90), farLeg: leg(0, 0, -5) }),
      text: 'One arm reaching forward and the opposite leg reaching back, both in line with the flat back.',
    },
    props: [{ kind: 'mat' }],
    motion: ['nearHand', 'farAnkle'],
  },
  glute_bridge: {
    title: 'Glute bridge',
    start: {
      pose: crookLying(),
      text: 'Lying on the back, knees bent, feet flat and hip-width apart, arms by the sides.',
    },
    end: {
      pose: bridgeTop(),
      text: 'Hips lifted until shoulders, hips and knees form a straight line; feet and shoulders stay on the floor.',
    },
    props: [{ kind: 'mat' }],
    anchor: 'nearAnkle',
    motion: ['hip'],
  },
  glute_bridge_march: {
    title: 'Glute bridge march',
    start: {
      pose: bridgeTop(),
      text: 'Holding a bridge: hips up, shoulders, hips and knees in a straight line.',
    },
    end: {
      pose: bridgeTop({ nearLeg: leg(73, 90, 0), farLeg: leg(0, 98, 'flat') }),
      text: 'One foot lifted with the knee bent, hips kept level and high; the other foot stays planted.',
    },
    props: [{ kind: 'mat' }],
    anchor: 'farAnkle',
    motion: ['nearKnee'],
  },
  hip_thrust: {
    title: 'Hip thrust',
    start: {
      pose: side({ pelvis: 140, neck: 20, nearArm: arm(0, 10), nearLeg: leg(80, 98, 'flat') }),
      text: 'Upper back resting on the edge of a bench, hips low near the floor, knees bent, feet flat.',
    },
    end: {
      pose: side({ pelvis: 180, neck: 30, nearArm: arm(0, 10), nearLeg: leg(0, 90, 'flat') }),
      text: 'Hips driven up until the body is level from shoulders to knees, shins vertical, chin tucked.',
    },
    props: [{ kind: 'bench' }],
    anchor: 'nearAnkle',
    motion: ['hip'],
  },
  single_leg_deadlift: {
    title: 'Single-leg deadlift',
    start: {
      pose: standing({ nearLeg: leg(0, 5), farLeg: leg(-5, 40, -20) }),
      text: 'Standing tall on one leg, knee soft, the other foot just off the floor.',
    },
    end: {
      pose: side({
        pelvis: 10,
        nearArm: arm(80),
        nearLeg: leg(90, 15, 'flat'),
        farLeg: leg(0, 0, -10),
      }),
      text: 'Hinged at the hip: the trunk tips forward as the free leg reaches back in one straight line, arms hanging towards the floor.',
    },
    anchor: 'nearAnkle',
    motion: ['farAnkle', 'head'],
  },
  side_lunge: {
    title: 'Side lunge',
    start: {
      pose: front({ pelvis: 90, nearArm: arm(8, 0), nearLeg: leg(4, 0, 'flat', [1, 1, 0.45]) }),
      text: 'Standing tall, feet hip-width apart, facing forward.',
    },
    end: {
      pose: front({
        pelvis: 90,
        nearArm: arm(20, -110, 0, [1, 0.6]),
        nearLeg: leg(45, 47, 'flat', [0.75, 1, 0.45]),
        farLeg: leg(41, 0, 'flat', [1, 1, 0.45]),
      }),
      text: 'A wide step to one side: that knee bends and the hips sit back, the other leg stays straight, both feet flat and pointing forward.',
    },
    anchor: 'farAnkle',
    motion: ['hip'],
  },
  clamshell: {
    title: 'Clamshell',
    start: {
      pose: sideLying({ farLeg: bentKneesBelow, nearLeg: bentKneesAbove }),
      text: 'Lying on one side, hips and knees bent, knees and feet stacked, head resting on the lower arm.',
    },
    end: {
      pose: sideLying({ farLeg: bentKneesBelow, nearLeg: leg(35, 48, 'flat', [0.86, 0.83, 0.6]) }),
      text: 'Top knee opened towards the ceiling while the feet stay together and the pelvis does not roll back.',
    },
    props: [{ kind: 'mat' }],
    motion: ['nearKnee'],
  },
  side_lying_hip_abduction: {
    title: 'Side-lying leg raise',
    start: {
      pose: sideLying({ nearLeg: leg(0, 0, 0, [1, 1, 0.5]) }),
      text: 'Lying on one side in a straight line, legs stacked, head resting on the lower arm.',
    },
    end: {
      pose: sideLying({ nearLeg: leg(32, 0, 0, [1, 1, 0.5]), farLeg: leg(0, 0, 0, [1, 1, 0.5]) }),
      text: 'Top leg raised with the knee straight and the toes pointing forward, body kept in line.',
    },
    props: [{ kind: 'mat' }],
    motion: ['nearAnkle'],
  },
  step_down: {
    title: 'Step-down',
    start: {
      pose: standing({
        nearArm: arm(25, 20),
        farArm: arm(25, 20),
        nearLeg: leg(0),
        farLeg: leg(25, 0, 5),
      }),
      text: 'Standing on a low step on one leg, the other leg held straight just in front of the step edge.',
      ground: { on: 'nearHeel', height: 20 },
    },
    end: {
      pose: side({
        pelvis: 80,
        nearArm: arm(45, 20),
        nearLeg: leg(45, 80, 'flat'),
        farLeg: leg(25, 0, 5),
      }),
      text: 'Standing knee bent over the middle of the foot so the free heel lowers to touch the floor lightly; hips stay level.',
      ground: { on: 'nearHeel', height: 20 },
    },
    props: [{ kind: 'step', leg: 'near', height: 20 }],
    anchor: 'nearAnkle',
    motion: ['farHeel'],
  },
  calf_raise: {
    title: 'Calf raise',
    start: {
      pose: standing({ nearArm: arm(70, 10, 60), farArm: arm(70, 10, 60) }),
      text: 'Standing tall, feet hip-width apart, fingertips on a wall for balance.',
    },
    end: {
      pose: standing({
        nearArm: arm(56, 58, 35),
        farArm: arm(56, 58, 35),
        nearLeg: leg(0, 0, -40),
      }),
      text: 'Up on the balls of both feet, heels as high as they go, body tall.',
    },
    props: [{ kind: 'wall', at: 'nearHand', from: 'start' }],
    anchor: 'nearToe',
    motion: ['nearHeel'],
  },
  single_leg_balance: {
    title: 'Single-leg balance',
    start: {
      pose: standing(),
      text: 'Standing tall on both feet, arms relaxed.',
    },
    end: {
      pose: standing({ farLeg: leg(35, 70, -10) }),
      text: 'Standing on one leg with the other foot lifted, knee soft, pelvis level, eyes forward.',
    },
    anchor: 'nearAnkle',
    motion: ['farAnkle'],
  },
  cat_camel: {
    title: 'Cat-camel',
    start: {
      pose: side({
        pelvis: 25,
        spine: 40,
        neck: 40,
        nearArm: arm(105, 0, 90),
        nearLeg: leg(65, 90, -90),
      }),
      text: 'On hands and knees with the back gently rounded up towards the ceiling and the head relaxed down.',
    },
    end: {
      pose: side({
        pelvis: -5,
        spine: -15,
        neck: -10,
        nearArm: arm(80, 0, 90),
        nearLeg: leg(95, 90, -90),
      }),
      text: 'The back eased back through flat into a small, comfortable dip, head level.',
    },
    props: [{ kind: 'mat' }],
    motion: ['waist'],
  },
  thoracic_rotation: {
    title: 'Quadruped thoracic rotation',
    start: {
      pose: allFours({ neck: 25, nearArm: arm(73, 150), farArm: arm(83, 0, 90) }),
      text: 'On hands and knees, one hand behind the head, that elbow turned down towards the supporting hand.',
    },
    end: {
      pose: allFours({ neck: -10, nearArm: arm(253, -140), farArm: arm(83, 0, 90) }),
      text: 'Upper back turned so the elbow points up to the ceiling, eyes following the elbow; hips stay still over the knees.',
    },
    props: [{ kind: 'mat' }],
    motion: ['nearElbow'],
  },
  wall_slide: {
    title: 'Forearm wall slide',
    start: {
      pose: standing({ nearArm: arm(90, 90), farArm: arm(90, 90) }),
      text: 'Facing a wall, forearms resting on it at shoulder height, elbows bent.',
    },
    end: {
      pose: standing({
        pelvis: 88,
        nearArm: arm(158, 8),
        farArm: arm(158, 8),
        nearLeg: leg(-3, 0, 3),
      }),
      text: 'Forearms slid up the wall until the arms are nearly overhead, ribs kept down, shoulders away from the ears.',
    },
    props: [{ kind: 'wall', at: 'nearWrist', from: 'start' }],
    anchor: 'nearAnkle',
    motion: ['nearHand'],
  },
  knee_to_chest: {
    title: 'Knee to chest',
    start: {
      pose: crookLying(),
      text: 'Lying on the back, knees bent, feet flat.',
    },
    end: {
      pose: crookLying({
        nearArm: arm(45, 10),
        farArm: arm(45, 10),
        nearLeg: leg(118, 135, 0),
        farLeg: leg(55, 115, 'flat'),
      }),
      text: 'One knee drawn gently towards the chest with both hands, the other foot stays on the floor.',
    },
    props: [{ kind: 'mat' }],
    motion: ['nearKnee'],
  },
  prone_press_up: {
    title: 'Prone press-up',
    start: {
      pose: side({
        pelvis: 5,
        spine: -35,
        neck: 20,
        nearArm: arm(50, 90),
        nearLeg: leg(0, 0, -90),
      }),
      text: 'Lying face down, propped on the forearms with the elbows under the shoulders, hips on the floor.',
    },
    end: {
      pose: side({
        pelvis: 8,
        spine: -62,
        neck: 25,
        nearArm: arm(50, 20, 40),
        nearLeg: leg(0, 0, -90),
      }),
      text: 'Arms straightened to press the chest up while the hips stay on the floor and the back muscles stay relaxed.',
    },
    props: [{ kind: 'mat' }],
    motion: ['shoulder'],
  },
  hip_flexor_stretch: {
    title: 'Half-kneeling hip flexor stretch',
    start: {
      pose: side({
        pelvis: 90,
        nearArm: arm(0, 20),
        farArm: arm(0, 20),
        nearLeg: leg(90, 90, 'flat'),
        farLeg: leg(-15, 75, -90),
      }),
      text: 'Half-kneeling: back knee on the floor under the hip, front foot flat with the knee bent to a right angle, trunk upright.',
    },
    end: {
      pose: side({
        pelvis: 92,
        nearArm: arm(0, 20),
        farArm: arm(170, 0),
        nearLeg: leg(83, 124, 'flat'),
        farLeg: leg(-35, 57, -90),
      }),
      text: 'Tail tucked under and hips shifted forward until a stretch is felt at the front of the back hip; arm on that side reaching up.',
    },
    props: [{ kind: 'mat' }],
    anchor: 'farKnee',
    motion: ['hip'],
  },
  hamstring_stretch: {
    title: 'Lying hamstring stretch',
    start: {
      pose: crookLying({
        nearArm: arm(75, 40),
        nearLeg: leg(90, 90, 0),
        farLeg: leg(55, 115, 'flat'),
      }),
      text: 'Lying on the back, a strap around one foot, that hip and knee bent, the other foot flat on the floor.',
    },
    end: {
      pose: crookLying({
        nearArm: arm(70, 30),
        nearLeg: leg(75, 0, 0),
        farLeg: leg(55, 115, 'flat'),
      }),
      text: 'Knee straightened to raise the leg until a gentle stretch is felt at the back of the thigh; head and back stay down.',
    },
    props: [{ kind: 'mat' }, { kind: 'strap', from: 'nearHand', to: 'nearToe' }],
    motion: ['nearAnkle'],
  },
  adductor_stretch: {
    title: 'Standing inner-thigh (adductor) stretch',
    start: {
      pose: front({
        pelvis: 90,
        nearArm: arm(30, -80),
        nearLeg: leg(22, 0, 'flat', [1, 1, 0.45]),
      }),
      text: 'Standing with the feet wide apart and pointing forward, hands on the hips, trunk upright.',
    },
    end: {
      pose: front({
        pelvis: 90,
        nearArm: arm(30, -80),
        nearLeg: leg(41.5, 58, 'flat', [0.85, 1, 0.45]),
        farLeg: leg(37.2, 0, 'flat', [1, 1, 0.45]),
      }),
      text: 'Weight shifted over one foot, bending that knee, while the other leg stays straight until a stretch is felt along its inner thigh; both feet stay flat.',
    },
    anchor: 'farAnkle',
    motion: ['hip'],
  },
  calf_stretch: {
    title: 'Wall calf stretch',
    start: {
      pose: side({
        pelvis: 82,
        nearArm: arm(85, 10, 80),
        nearLeg: leg(30, 45, 'flat'),
        farLeg: leg(-12, 0, 'flat'),
      }),
      text: 'Hands on a wall, one foot forward, the other leg straight behind with the heel down and toes pointing forward.',
    },
    end: {
      pose: side({
        pelvis: 72,
        nearArm: arm(70, 118, 10),
        nearLeg: leg(40, 68, 'flat'),
        farLeg: leg(-18, 0, 'flat'),
      }),
      text: 'Leaning into the wall and bending the front knee while the back heel stays down, until the back calf stretches.',
    },
    props: [{ kind: 'wall', at: 'nearHand', from: 'start' }],
    anchor: 'farToe',
    motion: ['hip'],
  },
  diaphragmatic_breathing: {
    title: 'Diaphragmatic breathing',
    start: {
      pose: crookLying({
        nearArm: arm(0, 90, -90, [1, 0.45]),
        farArm: arm(0, 90, -90, [0.5, 0.45]),
        belly: 0,
      }),
      text: 'Lying on the back, knees bent, one hand on the belly and one on the chest, breathing out slowly.',
    },
    end: {
      pose: crookLying({
        nearArm: arm(0, 90, -90, [1, 0.7]),
        farArm: arm(0, 90, -90, [0.5, 0.45]),
        belly: 1,
      }),
      text: 'Breathing in through the nose so the belly hand rises while the chest hand stays almost still.',
    },
    props: [{ kind: 'mat' }],
    arrows: [{ at: 'waist', dx: 0, dy: 18 }],
  },
  sciatic_nerve_glide: {
    title: 'Seated sciatic nerve glide',
    start: {
      pose: side({ pelvis: 90, neck: 30, nearArm: arm(20, 40), nearLeg: leg(90, 90, 'flat') }),
      text: 'Sitting tall on a chair, knees bent, looking down towards the knees.',
    },
    end: {
      pose: side({
        pelvis: 90,
        neck: -25,
        nearArm: arm(20, 40),
        nearLeg: leg(90, 10, 15),
        farLeg: leg(90, 90, 'flat'),
      }),
      text: 'One knee straightened with the toes pulled up while the head tilts up to look ahead: the nerve slides without being stretched at both ends.',
    },
    props: [{ kind: 'chair' }],
    motion: ['nearAnkle'],
  },
  walking: {
    title: 'Brisk walking',
    start: {
      pose: standing({
        nearArm: arm(-25, 20),
        farArm: arm(25, 30),
        nearLeg: leg(22, 5, 10),
        farLeg: leg(-15, 10, -15),
      }),
      text: 'Walking tall: one heel landing in front, the other foot pushing off behind, the opposite arm swinging forward.',
    },
    end: {
      pose: standing({
        nearArm: arm(25, 30),
        farArm: arm(-25, 20),
        nearLeg: leg(-15, 10, -15),
        farLeg: leg(22, 5, 10),
      }),
      text: 'The next step: legs and arms have swapped; shoulders relaxed, steps short and quick.',
    },
  },
};

/** Ids of every illustration. */
export const ILLUSTRATION_IDS = Object.keys(ILLUSTRATIONS);
