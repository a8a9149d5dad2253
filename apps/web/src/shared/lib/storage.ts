/**
 * Small settings kept in the browser (units, the assessment in progress).
 * Storage can be unavailable (private mode, blocked): reads then give null
 * and writes do nothing, so the app still works.
 */

/** Keys of what the app keeps in localStorage. */
export const STORAGE_KEYS = {
  units: 'backtrack.units',
  assessmentId: 'backtrack.assessmentId',
  planProfile: 'backtrack.planProfile',
} as const;

/** Reads a stored value, or null. */
export function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a value (null removes it). */
export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage blocked: the setting lasts for this page only.
  }
}
