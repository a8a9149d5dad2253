import { useCallback, useState } from 'react';
import { parseUnit, type DistanceUnit } from './lib/units.js';
import { readSetting, STORAGE_KEYS, writeSetting } from './lib/storage.js';

/** The runner's distance unit, kept in localStorage. */
export function useUnits(): [DistanceUnit, (unit: DistanceUnit) => void] {
  const [unit, setUnit] = useState<DistanceUnit>(() => parseUnit(readSetting(STORAGE_KEYS.units)));
  const update = useCallback((next: DistanceUnit) => {
    writeSetting(STORAGE_KEYS.units, next);
    setUnit(next);
  }, []);
  return [unit, update];
}
