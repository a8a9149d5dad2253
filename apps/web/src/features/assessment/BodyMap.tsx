import type { KeyboardEvent } from 'react';
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
 * Where each region sits. Back view on the left (the runner's left is on the
 * viewer's left, as when looking at someone from behind); the front view
 * inset on the right holds the groin and front of the thighs (mirrored: the
 * runner's right is on the viewer's left).
 */
const SHAPES: Readonly<Record<BodyRegion, Shape>> = {
  low_back_left: { x: 79, y: 148, w: 27, h: 44, r: 6 },
  low_back_centre: { x: 107, y: 148, w: 26, h: 44, r: 6 },
  low_back_right: { x: 134, y: 148, w: 27, h: 44, r: 6 },
  buttock_left: { x: 77, y: 196, w: 42, h: 50, r: 18 },
  buttock_right: { x: 121, y: 196, w: 42, h: 50, r: 18 },
  groin_left: { x: 290, y: 190, w: 30, h: 30, r: 8 },
  groin_right: { x: 254, y: 190, w: 30, h: 30, r: 8 },
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
 * The body map: each region is a toggle button (keyboard-focusable, with a
 * name and `aria-pressed`). Enter or Space toggles it, as for any button.
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
  const onKeyDown = (region: BodyRegion) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle(region);
    }
  };
  const chosen = selected.filter(isBodyRegion);

  return (
    <div className="body-map">
      <svg
        viewBox="0 0 360 440"
        role="group"
        aria-label="Body map: back view, with the front of the hips and thighs on the right"
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      >
        <g aria-hidden="true" className="body-map__figure">
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
        <g aria-hidden="true" className="body-map__labels">
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
              role="button"
              tabIndex={0}
              aria-pressed={pressed}
              aria-label={BODY_REGION_LABELS[region]}
              className={`body-map__region${pressed ? ' is-pressed' : ''}`}
              onClick={() => {
                onToggle(region);
              }}
              onKeyDown={onKeyDown(region)}
            >
              <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={s.r} />
              {pressed ? (
                <text
                  x={s.x + s.w / 2}
                  y={s.y + s.h / 2 + 6}
                  textAnchor="middle"
                  aria-hidden="true"
                >
                  ✓
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
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
