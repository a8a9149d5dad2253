import { describe, expect, it } from 'vitest';
import type { PlanEditDto } from '../../shared/api/types.js';
import { editChangeText, editNote } from './edit-text.js';

const base: PlanEditDto = {
  id: '1',
  planId: '2',
  exerciseId: 'bird_dog',
  exerciseName: 'Bird dog',
  fromWeek: 2,
  change: { kind: 'dose', reps: 8, holdSeconds: 5 },
  reason: 'Fewer reps for now.',
  authorName: 'Anna Physio',
  at: '2026-03-02T09:00:00.000Z',
};

describe('plan edit text', () => {
  it('says who changed the plan, when and why', () => {
    expect(editNote(base)).toBe('Changed by Anna Physio, Mon 2 Mar 2026: Fewer reps for now.');
    // The date is the runner's: late on the 2nd in UTC is the 3rd in Tokyo.
    expect(editNote({ ...base, at: '2026-03-02T23:00:00.000Z' }, 'Asia/Tokyo')).toBe(
      'Changed by Anna Physio, Tue 3 Mar 2026: Fewer reps for now.',
    );
  });

  it('says what changed', () => {
    expect(editChangeText(base)).toBe('Bird dog: 8 reps, 5 s hold');
    expect(editChangeText({ ...base, change: { kind: 'pause' } })).toBe('paused Bird dog');
    expect(editChangeText({ ...base, change: { kind: 'swap', to: 'easier' } })).toBe(
      'swapped Bird dog for its easier variant',
    );
  });
});
