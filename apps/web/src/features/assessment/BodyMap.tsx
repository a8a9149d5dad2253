import { useId } from 'react';
import type { BodyRegion } from '../../shared/api/types.js';
import { BODY_REGION_LABELS, isBodyRegion } from './body-regions.js';
import './assessment.css';

interface Shape {
  x: number;
  y: number;
  w: number;
  h: number;
  r: number;
}

/**
 * Where each region sits, each as large as the drawing leaves room for (a
 * pointer target; the list beside the drawing is the 44 px one). Back view on the left (the runner's left is on the
 * viewer's left, as when looking at someone from behind); the front view
 * inset on the right holds the groin and front of the thighs (mirrored: the
 * runner's right is on the viewer's left).
 */
const SHAPES: Readonly<Record<BodyRegion, Shape>> = {
  low_back_left: { x: 71, y: 126, w: 32, h: 66, r: 6 },
  low_back_centre: { x: 104, y: 126, w: 32, h: 66, r: 6 },
  low_back_right: { x: 137, y: 126, w: 32, h: 66, r: 6 },
  buttock_left: { x: 77, y: 196, w: 42, h: 50, r: 18 },
  buttock_right: { x: 121, y: 196, w: 42, h: 50, r: 18 },
  groin_left: { x: 289, y: 180, w: 34, h: 42, r: 8 },
  groin_right: { x: 251, y: 180, w: 34, h: 42, r: 8 },
  thigh_back_left: { x: 80, y: 250, w: 37, h: 82, r: 14 },
  thigh_back_right: { x: 123, y: 250, w: 37, h: 82, r: 14 },
  thigh_front_left: { x: 290, y: 225, w: 32, h: 88, r: 14 },
  thigh_front_right: { x: 252, y: 225, w: 32, h: 88, r: 14 },
  below_knee_left: { x: 84, y: 342, w: 31, h: 70, r: 12 },
  below_knee_right: { x: 125, y: 342, w: 31, h: 70, r: 12 },
};

/** Tab order: down the back view, then the front view. */
const ORDER: readonly BodyRegion[] = [
  'low_back_left',
  'low_back_centre',
  'low_back_right',
  'buttock_left',
  'buttock_right',
  'thigh_back_left',
  'thigh_back_right',
  'below_knee_left',
  'below_knee_right',
  'groin_left',
  'groin_right',
  'thigh_front_left',
  'thigh_front_right',
];

/**
 * The body map: a drawing to tap and, next to it, the same regions as a list
 * of checkboxes. The list is the accessible control (keyboard, screen
 * readers, 44 px rows): a body map cannot give the low back's three regions
 * 44 px each on a phone, so the drawing's regions are pointer targets only
 * (hidden from assistive technology and out of the tab order), as large as
 * the drawing allows; WCAG 2.5.8's "equivalent" exception covers them. Both
 * toggle the same answer, whose values are the core's region ids.
 */
export function BodyMap({
  selected,
  onToggle,
  describedBy,
}: {
  selected: readonly string[];
  onToggle: (region: BodyRegion) => void;
  describedBy?: string;
}) {
  const id = useId();
  const chosen = selected.filter(isBodyRegion);

  return (
    <div className="body-map">
      <svg viewBox="0 0 360 440" aria-hidden="true" focusable="false">
        <g className="body-map__figure">
          {/* Back view silhouette */}
          <circle cx="120" cy="38" r="24" />
          <rect x="111" y="58" width="18" height="16" rx="4" />
          <path d="M64 80 Q120 66 176 80 L170 150 Q166 196 164 200 L76 200 Q74 196 70 150 Z" />
          <path d="M64 80 L44 168 L54 172 L78 100 Z" />
          <path d="M176 80 L196 168 L186 172 L162 100 Z" />
          <path d="M76 196 L164 196 L162 250 L160 336 L156 420 L124 420 L120 252 L116 420 L84 420 L80 336 L78 250 Z" />
          {/* Front view inset: hips and thighs */}
          <rect x="236" y="160" width="104" height="262" rx="10" className="body-map__inset" />
          <path d="M254 170 L320 170 L326 220 L322 316 L292 316 L287 228 L282 316 L252 316 L248 220 Z" />
          <path d="M254 320 L282 320 L280 400 L258 400 Z" />
          <path d="M292 320 L320 320 L316 400 L294 400 Z" />
        </g>
        <g className="body-map__labels">
          <text x="120" y="436" textAnchor="middle">
            Back
          </text>
          <text x="60" y="300" textAnchor="middle">
            Left
          </text>
          <text x="182" y="300" textAnchor="middle">
            Right
          </text>
          <text x="288" y="154" textAnchor="middle">
            Front
          </text>
          <text x="246" y="414" textAnchor="start">
            R
          </text>
          <text x="330" y="414" textAnchor="end">
            L
          </text>
        </g>
        {ORDER.map((region) => {
          const s = SHAPES[region];
          const pressed = chosen.includes(region);
          return (
            <g
              key={region}
              data-region={region}
              className={`body-map__region${pressed ? ' is-pressed' : ''}`}
              onClick={() => {
                onToggle(region);
              }}
            >
              <title>{BODY_REGION_LABELS[region]}</title>
              <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={s.r} />
              {pressed ? (
                <text x={s.x + s.w / 2} y={s.y + s.h / 2 + 6} textAnchor="middle">
                  ✓
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <fieldset
        className="body-map__list"
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      >
        <legend>Where it hurts</legend>
        <div className="choices">
          {ORDER.map((region) => (
            <label key={region} className="choice" htmlFor={`${id}-${region}`}>
              <input
                id={`${id}-${region}`}
                type="checkbox"
                name={`${id}-region`}
                value={region}
                checked={chosen.includes(region)}
                onChange={() => {
                  onToggle(region);
                }}
              />
              <span>{BODY_REGION_LABELS[region]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="body-map__chosen" aria-live="polite">
        {chosen.length === 0
          ? 'Nothing marked yet.'
          : `Marked: ${ORDER.filter((r) => chosen.includes(r))
              .map((r) => BODY_REGION_LABELS[r])
              .join('; ')}.`}
      </p>
    </div>
  );
}
