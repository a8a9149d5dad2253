import { describe, expect, it } from 'vitest';
import {
  countdown,
  formatClock,
  isFinished,
  isRunning,
  pauseCountdown,
  remainingMs,
  secondsLeft,
  startCountdown,
} from './timer.js';

describe('countdown', () => {
  it('counts from the clock, so a long gap (a locked phone) shows the right time', () => {
    const t = startCountdown(countdown(30), 1_000);
    expect(secondsLeft(t, 1_000)).toBe(30);
    expect(secondsLeft(t, 1_001)).toBe(30);
    expect(secondsLeft(t, 11_000)).toBe(20);
    // No ticks in between: 25 s later it is simply 25 s later.
    expect(secondsLeft(t, 26_000)).toBe(5);
    expect(isFinished(t, 31_000)).toBe(true);
    expect(remainingMs(t, 500_000)).toBe(0);
    expect(isRunning(t, 500_000)).toBe(false);
  });

  it('pauses and resumes without losing or gaining time', () => {
    let t = startCountdown(countdown(10), 0);
    t = pauseCountdown(t, 4_000);
    expect(isRunning(t, 60_000)).toBe(false);
    expect(secondsLeft(t, 60_000)).toBe(6);
    t = startCountdown(t, 100_000);
    expect(startCountdown(t, 101_000)).toBe(t);
    expect(secondsLeft(t, 102_000)).toBe(4);
    expect(isFinished(t, 106_000)).toBe(true);
  });

  it('is not finished before it starts', () => {
    expect(isFinished(countdown(5), 10_000)).toBe(false);
    expect(isFinished(countdown(0), 10_000)).toBe(false);
  });

  it('formats m:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(600)).toBe('10:00');
  });
});
