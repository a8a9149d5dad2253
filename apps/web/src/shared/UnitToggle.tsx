import { useId } from 'react';
import type { DistanceUnit } from './lib/units.js';

/** The distance unit switch (km or miles), kept in the browser. */
export function UnitToggle({
  unit,
  onChange,
}: {
  unit: DistanceUnit;
  onChange: (u: DistanceUnit) => void;
}) {
  const name = useId();
  return (
    <fieldset className="unit-toggle">
      <legend>Distances in</legend>
      {(['km', 'mi'] as const).map((u) => (
        <label key={u}>
          <input
            type="radio"
            name={name}
            value={u}
            checked={unit === u}
            onChange={() => {
              onChange(u);
            }}
          />{' '}
          {u === 'km' ? 'kilometres' : 'miles'}
        </label>
      ))}
    </fieldset>
  );
}
