import type { NewBookingDto } from '../../shared/api/types.js';
import './booking.css';

/** What the runner shares with the clinic, item by item. */
export type Share = NewBookingDto['share'];

/** Nothing shared: every box starts unticked (consent is given, never assumed). */
export const NOTHING_SHARED: Share = {
  assessment: false,
  plan: false,
  checkins: false,
  training: false,
};

const ITEMS: { key: keyof Share; label: string; hint: string }[] = [
  {
    key: 'assessment',
    label: 'My assessment',
    hint: 'Your answers, the urgency and your likely weak links. The clinician’s pre-visit summary is made from it; without it there is no summary and the clinician starts from scratch at the appointment.',
  },
  {
    key: 'plan',
    label: 'My exercise plan',
    hint: 'The plan and how it has changed week by week.',
  },
  {
    key: 'checkins',
    label: 'My check-ins',
    hint: 'Pain during and after running, and how the exercises went.',
  },
  {
    key: 'training',
    label: 'My imported training',
    hint: 'Weekly distance and its spikes, hills, shoes, cadence and balance from your runs.',
  },
];

/**
 * The consent: exactly what the clinic would see, each item a checkbox,
 * none ticked in advance. The runner can revoke it later from the account page.
 */
export function ConsentForm({
  clinicName,
  share,
  onChange,
}: {
  clinicName: string;
  share: Share;
  onChange: (share: Share) => void;
}) {
  return (
    <fieldset className="consent">
      <legend>What {clinicName} may see</legend>
      <p className="hint">
        Nothing is shared unless you tick it. You can take it back at any time from your account.
      </p>
      {ITEMS.map((item) => (
        <div key={item.key} className="consent__item">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={share[item.key]}
              aria-describedby={`share-${item.key}-hint`}
              onChange={(e) => {
                onChange({ ...share, [item.key]: e.target.checked });
              }}
            />
            {item.label}
          </label>
          <p id={`share-${item.key}-hint`} className="hint">
            {item.hint}
          </p>
        </div>
      ))}
      {!share.assessment ? (
        <p className="notice" role="status">
          Without your assessment the clinic gets no pre-visit summary, only the booking itself.
        </p>
      ) : null}
    </fieldset>
  );
}
