import { describe, expect, it } from 'vitest';
import { NO_TICKS, parseTicks, toggleActivity, toggleExercise } from './ticks.js';

describe('ticks', () => {
  it('reads back what was stored and ignores anything else', () => {
    const ticks = { exercisesDone: ['bird_dog'], sessionFinished: true, activitiesDone: [0] };
    expect(parseTicks(JSON.stringify(ticks))).toEqual(ticks);
    expect(parseTicks(null)).toEqual(NO_TICKS);
    expect(parseTicks('not json')).toEqual(NO_TICKS);
    expect(parseTicks('42')).toEqual(NO_TICKS);
    expect(
      parseTicks('{"exercisesDone":[1,"a"],"activitiesDone":["x",2.5,1],"sessionFinished":"yes"}'),
    ).toEqual({
      exercisesDone: ['a'],
      activitiesDone: [1],
      sessionFinished: false,
    });
  });

  it('ticks on and off without doubles', () => {
    let t = toggleExercise(NO_TICKS, 'a', true);
    t = toggleExercise(t, 'a', true);
    expect(t.exercisesDone).toEqual(['a']);
    expect(toggleExercise(t, 'a', false).exercisesDone).toEqual([]);
    expect(toggleActivity(toggleActivity(NO_TICKS, 0, true), 0, true).activitiesDone).toEqual([0]);
  });
});
