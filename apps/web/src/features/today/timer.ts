/**
 * A countdown kept as timestamps, not as ticks: the time left is always
 * computed from the clock, so a timer that ran while the phone was locked (and
 * `setInterval` was throttled or stopped) shows the right time when it wakes.
 */

/** A countdown: its length, when it last started (null when paused), and the time it ran before. */
export interface Countdown {
  durationMs: number;
  /** Clock time (ms) it last started; null while paused or not started. */
  startedAt: number | null;
  /** Time run before the last start, in ms. */
  elapsedMs: number;
}

/** A countdown of `seconds`, not started. */
export function countdown(seconds: number): Countdown {
  return { durationMs: Math.max(0, seconds) * 1000, startedAt: null, elapsedMs: 0 };
}

/** The time run by `now`, in ms. */
function elapsed(timer: Countdown, now: number): number {
  return timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

/** Milliseconds left at `now`, never below zero. */
export function remainingMs(timer: Countdown, now: number): number {
  return Math.max(0, timer.durationMs - elapsed(timer, now));
}

/** Whether the countdown is running at `now`. */
export function isRunning(timer: Countdown, now: number): boolean {
  return timer.startedAt !== null && remainingMs(timer, now) > 0;
}

/** Whether the countdown has reached zero by `now`. */
export function isFinished(timer: Countdown, now: number): boolean {
  return timer.durationMs > 0 && remainingMs(timer, now) === 0;
}

/** Starts (or resumes) the countdown at `now`; a running one is unchanged. */
export function startCountdown(timer: Countdown, now: number): Countdown {
  return timer.startedAt === null ? { ...timer, startedAt: now } : timer;
}

/** Pauses the countdown at `now`, keeping the time run so far. */
export function pauseCountdown(timer: Countdown, now: number): Countdown {
  return timer.startedAt === null
    ? timer
    : { ...timer, startedAt: null, elapsedMs: Math.min(timer.durationMs, elapsed(timer, now)) };
}

/** Whole seconds left at `now`, rounded up (a timer shows 1 until it reaches 0). */
export function secondsLeft(timer: Countdown, now: number): number {
  return Math.ceil(remainingMs(timer, now) / 1000);
}

/** Seconds as `m:ss`. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.trunc(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
