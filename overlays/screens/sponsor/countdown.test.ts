import { describe, expect, it } from 'vitest';
import { countdownFace, formatClock, progressShown, sameFace, secondsLeft } from './countdown';

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

  it('shows whole seconds, so the face changes once a second while running', () => {
    const at = (now: number) => countdownFace({ ...base, running: true, now });
    expect(at(1000)).toEqual({ seconds: 90, progress: 0.25 });
    expect(at(1400)).toEqual({ seconds: 90, progress: 0.25 });
    expect(sameFace(at(1000), at(1999))).toBe(true);
    expect(at(2001)).toEqual({ seconds: 89, progress: 1 - 89 / 120 });
    expect(sameFace(at(1999), at(2001))).toBe(false);
    expect(sameFace(null, at(1000))).toBe(false);
  });

  it('holds its face while paused and at zero', () => {
    expect(countdownFace({ ...base, running: false, now: 90_000 })).toEqual({
      seconds: 90,
      progress: 0.25,
    });
    expect(countdownFace({ ...base, running: true, now: 1_000_000 })).toEqual({
      seconds: 0,
      progress: 1,
    });
    expect(countdownFace({ ...base, plannedSeconds: 0, running: true }).progress).toBe(1);
  });
});
