import { describe, expect, it } from 'vitest';
import { formatClock, progressShown, secondsLeft } from './countdown';

const base = { plannedSeconds: 120, elapsedSeconds: 30, receivedAt: 1000, now: 1000 };

describe('sponsor countdown', () => {
  it('counts on from the moment the state arrived while running', () => {
    expect(secondsLeft({ ...base, running: true })).toBe(90);
    expect(secondsLeft({ ...base, running: true, now: 11_000 })).toBe(80);
  });

  it('stands still while paused and never goes below zero', () => {
    expect(secondsLeft({ ...base, running: false, now: 60_000 })).toBe(90);
    expect(secondsLeft({ ...base, running: true, now: 1_000_000 })).toBe(0);
  });

  it('reports progress and formats the clock', () => {
    expect(progressShown({ ...base, running: false })).toBe(0.25);
    expect(formatClock(75)).toBe('1:15');
    expect(formatClock(0.2)).toBe('0:01');
    expect(formatClock(3725)).toBe('1:02:05');
  });
});
