/**
 * The answers a test runner gives: benign ones (no warning sign, so the
 * assessment ends in a plan), with a few chosen values by question id.
 */

/** A question as the API sends it (the fields the tests read). */
export interface ApiQuestion {
  id: string;
  text: string;
  type: 'yes_no' | 'single' | 'multi' | 'number' | 'scale' | 'body_regions';
  options?: { id: string; label: string }[];
  unit?: string;
  min?: number;
  max?: number;
  redFlag: boolean;
}

/** An answer value as the API takes it. */
export type ApiAnswer = string | number | string[];

const NUMBERS: Record<string, number> = {
  age: 34,
  weekly_km: 30,
  rest_days: 3,
  years_running: 6,
  shoe_km: 400,
  sitting_hours: 6,
  plank_seconds: 40,
  morning_stiffness_min: 5,
};

const SINGLE: Record<string, string> = {
  sex: 'male',
  duration: 'weeks_1_6',
  trend: 'same',
  onset: 'after_hard_session',
  run_pattern: 'builds_during',
  weekly_change: 'up_large',
};

/** A benign answer to any question: "no" to every warning sign, "none" where offered. */
export function benignAnswer(q: ApiQuestion): ApiAnswer {
  switch (q.type) {
    case 'yes_no':
      return 'no';
    case 'scale':
      return 3;
    case 'number': {
      const preferred = NUMBERS[q.id];
      if (preferred !== undefined) return preferred;
      const min = q.min ?? 0;
      const max = q.max ?? min + 10;
      return Math.round(min + (max - min) / 10);
    }
    case 'single': {
      const preferred = SINGLE[q.id];
      const options = q.options ?? [];
      if (preferred && options.some((o) => o.id === preferred)) return preferred;
      return options[0]?.id ?? '';
    }
    case 'multi': {
      const options = q.options ?? [];
      return options.some((o) => o.id === 'none') ? ['none'] : [options[0]?.id ?? ''];
    }
    case 'body_regions':
      return ['low_back_centre', 'buttock_right'];
  }
}

/** The label a runner clicks for an option id of a question. */
export function optionLabel(q: ApiQuestion, id: string): string {
  if (q.type === 'yes_no') return id === 'yes' ? 'Yes' : id === 'no' ? 'No' : 'Not sure';
  return q.options?.find((o) => o.id === id)?.label ?? id;
}
