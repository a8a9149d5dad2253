import type { DistanceUnit } from '../../shared/lib/units.js';
import { UnitToggle } from '../../shared/UnitToggle.js';

/** The heading of both plan pages: the title, the km/miles toggle and the print button. */
export function PlanPageHead({
  unit,
  onUnitChange,
}: {
  unit: DistanceUnit;
  onUnitChange: (unit: DistanceUnit) => void;
}) {
  return (
    <>
      <title>Your plan – Backtrack</title>
      <div className="page-head">
        <h1>Your plan</h1>
        <div className="page-head__tools no-print">
          <UnitToggle unit={unit} onChange={onUnitChange} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              window.print();
            }}
          >
            Print
          </button>
        </div>
      </div>
    </>
  );
}
