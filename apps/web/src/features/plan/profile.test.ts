import { describe, expect, it } from 'vitest';
import {
  convertDraft,
  draftFromProfile,
  emptyDraft,
  parseProfileDraft,
  parseStoredProfile,
  profileQuery,
} from './profile.js';
import { KM_PER_MILE } from '../../shared/lib/units.js';

describe('parseProfileDraft', () => {
  it('takes the defaults as they are', () => {
    expect(parseProfileDraft(emptyDraft(), 'km')).toEqual({
      ok: true,
      profile: { units: 'km', runningDaysPerWeek: 3, equipment: ['mat', 'wall', 'chair', 'strap'] },
    });
  });

  it('converts miles to kilometres at the edge', () => {
    const result = parseProfileDraft(
      { runningDays: '2', weekly: '10', longest: '4,5', equipment: ['band'] },
      'mi',
    );
    expect(result).toEqual({
      ok: true,
      profile: {
        units: 'mi',
        runningDaysPerWeek: 2,
        weeklyKm: Math.round(10 * KM_PER_MILE * 100) / 100,
        longestRunKm: Math.round(4.5 * KM_PER_MILE * 100) / 100,
        equipment: ['band'],
      },
    });
  });

  it.each(['', '8', '-1', '2.5', 'two'])('rejects %j running days', (runningDays) => {
    const result = parseProfileDraft({ ...emptyDraft(), runningDays }, 'km');
    expect(result).toEqual({
      ok: false,
      errors: { runningDays: 'Enter a whole number of running days from 0 to 7.' },
    });
  });

  it('checks distance limits in the runner’s unit', () => {
    expect(parseProfileDraft({ ...emptyDraft(), weekly: '301' }, 'km')).toEqual({
      ok: false,
      errors: { weekly: 'Enter your weekly distance from 0 to 300 km, or leave it empty.' },
    });
    // 300 km is 186.4 miles; 186.4 mi is within, 187 is not.
    expect(parseProfileDraft({ ...emptyDraft(), weekly: '186.4' }, 'mi').ok).toBe(true);
    expect(parseProfileDraft({ ...emptyDraft(), weekly: '187', longest: 'x' }, 'mi')).toEqual({
      ok: false,
      errors: {
        weekly: 'Enter your weekly distance from 0 to 186.4 miles, or leave it empty.',
        longest: 'Enter your longest run from 0 to 124.2 miles, or leave it empty.',
      },
    });
  });
});

describe('profileQuery', () => {
  it('is just the plan length without a profile', () => {
    expect(new URLSearchParams(profileQuery(null)).toString()).toBe('weeks=6');
  });

  it('uses the server’s parameter names, equipment comma-separated', () => {
    const query = new URLSearchParams(
      profileQuery({
        units: 'mi',
        runningDaysPerWeek: 2,
        weeklyKm: 16.09,
        longestRunKm: 8,
        equipment: ['mat', 'band'],
      }),
    );
    expect(Object.fromEntries(query)).toEqual({
      weeks: '6',
      units: 'mi',
      runningDaysPerWeek: '2',
      weeklyKm: '16.09',
      longestRunKm: '8',
      equipment: 'mat,band',
    });
  });

  it('sends an empty equipment list as an empty parameter', () => {
    expect(new URLSearchParams(profileQuery({ equipment: [] })).toString()).toBe(
      'weeks=6&equipment=',
    );
  });
});

describe('convertDraft', () => {
  it('re-expresses typed distances when the unit changes', () => {
    const draft = { ...emptyDraft(), weekly: '10', longest: 'abc' };
    expect(convertDraft(draft, 'mi', 'km')).toEqual({ ...draft, weekly: '16.1', longest: 'abc' });
    expect(convertDraft(draft, 'km', 'km')).toBe(draft);
  });
});

describe('stored profile', () => {
  it('round-trips through a draft in miles', () => {
    const parsed = parseProfileDraft({ ...emptyDraft(), runningDays: '2', weekly: '12' }, 'mi');
    if (!parsed.ok) throw new Error('expected a profile');
    expect(draftFromProfile(parsed.profile, 'mi')).toEqual({
      ...emptyDraft(),
      runningDays: '2',
      weekly: '12',
    });
    expect(draftFromProfile(null, 'km')).toEqual(emptyDraft());
  });

  it('reads only the same assessment’s profile', () => {
    const stored = JSON.stringify({ assessmentId: 'a', profile: { runningDaysPerWeek: 2 } });
    expect(parseStoredProfile(stored, 'a')).toEqual({ runningDaysPerWeek: 2 });
    expect(parseStoredProfile(stored, 'b')).toBeNull();
    expect(parseStoredProfile('{oops', 'a')).toBeNull();
    expect(parseStoredProfile(null, 'a')).toBeNull();
  });
});
