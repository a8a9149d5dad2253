import { planToday, sessionsDoneOn, type DayTicks, type PlanToday } from '@backtrack/core';
import { useCallback, useMemo, useState } from 'react';
import type { SavedPlan } from '../../shared/api/types.js';
import { toIsoDate } from '../../shared/lib/dates.js';
import { readTicks, writeTicks } from './ticks.js';

/** Today's date in the runner's local calendar, fixed for the life of the page. */
export function useTodayDate(): string {
  const [date] = useState(() => toIsoDate(new Date()));
  return date;
}

/** A plan day (the core's `planToday`) with what was ticked off and the sessions done so far. */
export interface PlanDayState {
  today: PlanToday;
  ticks: DayTicks;
  sessionsDone: number;
  setTicks: (change: (ticks: DayTicks) => DayTicks) => void;
}

/** Today in a saved plan, with the ticks kept in the browser for that plan and date. */
export function usePlanDay(saved: SavedPlan, date: string): PlanDayState {
  const today = useMemo(
    () => planToday(saved.plan, saved.startDate, date),
    [saved.plan, saved.startDate, date],
  );
  const [ticks, setState] = useState(() => readTicks(saved.id, date));
  const setTicks = useCallback(
    (change: (ticks: DayTicks) => DayTicks) => {
      setState((before) => {
        const after = change(before);
        writeTicks(saved.id, date, after);
        return after;
      });
    },
    [saved.id, date],
  );
  return { today, ticks, sessionsDone: sessionsDoneOn(today, ticks), setTicks };
}
