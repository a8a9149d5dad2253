import type { PlanEditOption } from '@backtrack/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client.js';
import { doseDraft, fieldOfError, toPlanEditRequest } from './plan-edit-request.js';

const birdDog: PlanEditOption = {
  exerciseId: 'bird_dog',
  name: 'Bird dog',
  dose: { sets: 2, reps: 8, perSide: true },
  bounds: [
    { field: 'sets', min: 1, max: 4 },
    { field: 'reps', min: 5, max: 12 },
  ],
  swaps: [{ to: 'easier', exerciseId: 'quadruped_arm', name: 'Arm raise on all fours' }],
};
const draft = {
  kind: 'dose' as const,
  dose: { sets: '2', reps: '10', holdSeconds: '' },
  fromWeek: '3',
  reason: 'Easier on the back',
};

describe('toPlanEditRequest', () => {
  it('sends only the dose fields that differ from the current dose', () => {
    expect(toPlanEditRequest(birdDog, draft)).toEqual({
      exerciseId: 'bird_dog',
      fromWeek: 3,
      reason: 'Easier on the back',
      change: { kind: 'dose', reps: 10 },
    });
  });

  it('sends an unchanged dose as no change at all (the API names the problem)', () => {
    expect(toPlanEditRequest(birdDog, { ...draft, dose: doseDraft(birdDog) }).change).toEqual({
      kind: 'dose',
    });
  });

  it('makes swaps and pauses', () => {
    expect(toPlanEditRequest(birdDog, { ...draft, kind: 'easier' }).change).toEqual({
      kind: 'swap',
      to: 'easier',
    });
    expect(toPlanEditRequest(birdDog, { ...draft, kind: 'pause' }).change).toEqual({
      kind: 'pause',
    });
  });
});

describe('fieldOfError', () => {
  const invalid = (message: string) => new ApiError('invalid_input', message, { status: 400 });
  it.each([
    ['change.reps: at most 12 for Bird dog.', 'reps'],
    ['change.holdSeconds: the knowledge base gives no bounds', 'holdSeconds'],
    ['reason: required: say why the plan changes.', 'reason'],
    ['fromWeek: must be a week of the plan, 1 to 6.', 'fromWeek'],
    ['change.to: Plank is to be avoided in this plan', 'kind'],
    ['change: give at least one of sets, reps, holdSeconds.', 'kind'],
    ['exerciseId: Bird dog is not in the plan from week 4.', 'exerciseId'],
    ['plan: there is no plan to edit', null],
  ])('puts “%s” next to %s', (message, field) => {
    expect(fieldOfError(invalid(message))).toBe(field);
  });

  it('keeps other errors off the fields', () => {
    expect(fieldOfError(new ApiError('forbidden', 'reason: no', { status: 403 }))).toBeNull();
    expect(fieldOfError(new Error('reason: no'))).toBeNull();
  });
});
