/**
 * Named answer sets for tests, examples and demos: the red-flag screen
 * answered "no" throughout by a runner with no warning sign.
 */
import type { AnswerValue } from './answers.js';

/** The red-flag screen of a 35-year-old runner with no warning sign (no period questions: male). */
export const NO_WARNING_SIGNS: Readonly<Record<string, AnswerValue>> = {
  age: 35,
  sex: 'male',
  duration: 'weeks_1_6',
  trend: 'better',
  saddle_numbness: 'no',
  bladder_change: 'no',
  bowel_change: 'no',
  sexual_dysfunction: 'no',
  both_legs: 'no',
  leg_weakness: 'no',
  sudden_severe_pain: 'no',
  fever: 'no',
  feel_unwell: 'no',
  infection_risks: ['none'],
  cancer_history: 'no',
  weight_loss: 'no',
  night_pain: 'no',
  constant_pain: 'no',
  thoracic_pain: 'no',
  trauma: 'none',
  bone_health: ['none'],
  groin_pain: 'no',
  hop_pain: 'no',
  focal_bone_pain: 'no',
  restricted_eating: 'no',
  low_energy_signs: ['none'],
};
