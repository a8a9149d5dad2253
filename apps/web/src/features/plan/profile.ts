/**
 * The "Your running" form on the plan preview: the runner types distances in
 * their own unit; the API takes kilometres. Converts at the edge, checks the
 * ranges of the core's `ZRunnerProfile`, and builds the preview's query.
 */
import type { InputOf } from '../../shared/api/client.js';
import type { Equipment, RunnerProfileInput } from '../../shared/api/types.js';
import { fromKm, toKm, type DistanceUnit } from '../../shared/lib/units.js';

/** Equipment choices with plain labels, in the order shown. */
export const EQUIPMENT_OPTIONS: readonly { id: Equipment; label: string }[] = [
  { id: 'mat', label: 'an exercise mat or a carpet' },
  { id: 'wall', label: 'a wall' },
  { id: 'chair', label: 'a chair' },
  { id: 'strap', label: 'a towel or strap' },
  { id: 'step', label: 'a step' },
  { id: 'band', label: 'a resistance band' },
  { id: 'bench', label: 'a bench' },
];

/** The equipment the plan assumes when the runner says nothing. */
export const DEFAULT_EQUIPMENT: readonly Equipment[] = ['mat', 'wall', 'chair', 'strap'];

/** Limits in kilometres (as in the core's profile schema). */
export const PROFILE_LIMITS = { runningDays: 7, weeklyKm: 300, longestRunKm: 200 } as const;

/** What the runner has typed: text as entered, distances in `unit`. */
export interface ProfileDraft {
  runningDays: string;
  weekly: string;
  longest: string;
  equipment: Equipment[];
}

/** A field of the draft that can be wrong. */
export type ProfileField = 'runningDays' | 'weekly' | 'longest';

/** The result of checking a draft. */
export type ProfileParse =
  | { ok: true; profile: RunnerProfileInput }
  | { ok: false; errors: Partial<Record<ProfileField, string>> };

/** An empty draft with the default equipment. */
export function emptyDraft(): ProfileDraft {
  return { runningDays: '3', weekly: '', longest: '', equipment: [...DEFAULT_EQUIPMENT] };
}

/** A limit in kilometres shown in `unit`, rounded down to one decimal. */
function limitIn(km: number, unit: DistanceUnit): string {
  const value = Math.floor(fromKm(km, unit) * 10) / 10;
  return `${value} ${unit === 'km' ? 'km' : 'miles'}`;
}

/** Parses a typed number ("12", "12.5", "12,5"); null for empty, NaN for rubbish. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Kilometres rounded to two decimals (enough for a plan, stable in a URL). */
function roundKm(km: number): number {
  return Math.round(km * 100) / 100;
}

/** Checks a draft and converts it to a profile in kilometres. */
export function parseProfileDraft(draft: ProfileDraft, unit: DistanceUnit): ProfileParse {
  const errors: Partial<Record<ProfileField, string>> = {};
  const profile: RunnerProfileInput = { units: unit, equipment: [...draft.equipment] };

  const days = parseNumber(draft.runningDays);
  if (days === null || !Number.isInteger(days) || days < 0 || days > PROFILE_LIMITS.runningDays) {
    errors.runningDays = 'Enter a whole number of running days from 0 to 7.';
  } else {
    profile.runningDaysPerWeek = days;
  }

  const distance = (
    field: 'weekly' | 'longest',
    maxKm: number,
    what: string,
  ): number | undefined => {
    const value = parseNumber(draft[field]);
    if (value === null) return undefined;
    const km = Number.isNaN(value) ? Number.NaN : roundKm(toKm(value, unit));
    if (Number.isNaN(km) || km > maxKm) {
      errors[field] = `Enter ${what} from 0 to ${limitIn(maxKm, unit)}, or leave it empty.`;
      return undefined;
    }
    return km;
  };
  const weeklyKm = distance('weekly', PROFILE_LIMITS.weeklyKm, 'your weekly distance');
  const longestRunKm = distance('longest', PROFILE_LIMITS.longestRunKm, 'your longest run');
  if (weeklyKm !== undefined) profile.weeklyKm = weeklyKm;
  if (longestRunKm !== undefined) profile.longestRunKm = longestRunKm;

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, profile };
}

/** The query parameters of `GET /api/assessments/:id/plan`, by the route's own names. */
export type PlanQuery = {
  [Name in keyof InputOf<'GET /api/assessments/:id/plan'>['query']]?: string;
};

/** The query of `GET /api/assessments/:id/plan` for a profile. */
export function profileQuery(profile: RunnerProfileInput | null, weeks = 6): PlanQuery {
  const params: PlanQuery = { weeks: String(weeks) };
  if (profile) {
    if (profile.units !== undefined) params.units = profile.units;
    if (profile.runningDaysPerWeek !== undefined)
      params.runningDaysPerWeek = String(profile.runningDaysPerWeek);
    if (profile.weeklyKm !== undefined) params.weeklyKm = String(profile.weeklyKm);
    if (profile.longestRunKm !== undefined) params.longestRunKm = String(profile.longestRunKm);
    if (profile.equipment !== undefined) params.equipment = profile.equipment.join(',');
  }
  return params;
}

/** Re-expresses the typed distances of a draft when the runner switches units. */
export function convertDraft(
  draft: ProfileDraft,
  from: DistanceUnit,
  to: DistanceUnit,
): ProfileDraft {
  if (from === to) return draft;
  const convert = (text: string): string => {
    const value = parseNumber(text);
    if (value === null || Number.isNaN(value)) return text;
    const converted = Math.round(fromKm(toKm(value, from), to) * 10) / 10;
    return String(converted);
  };
  return { ...draft, weekly: convert(draft.weekly), longest: convert(draft.longest) };
}

/** The draft for a profile already applied (distances shown in `unit`). */
export function draftFromProfile(
  profile: RunnerProfileInput | null,
  unit: DistanceUnit,
): ProfileDraft {
  if (!profile) return emptyDraft();
  const show = (km: number | undefined) =>
    km === undefined ? '' : String(Math.round(fromKm(km, unit) * 10) / 10);
  return {
    runningDays: String(profile.runningDaysPerWeek ?? 3),
    weekly: show(profile.weeklyKm),
    longest: show(profile.longestRunKm),
    equipment: [...(profile.equipment ?? DEFAULT_EQUIPMENT)],
  };
}

/** Reads the profile stored for an assessment (kept across signing in); null if none or unreadable. */
export function parseStoredProfile(
  stored: string | null,
  assessmentId: string,
): RunnerProfileInput | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as { assessmentId?: unknown; profile?: unknown };
    if (value.assessmentId !== assessmentId || typeof value.profile !== 'object') return null;
    return value.profile;
  } catch {
    return null;
  }
}
