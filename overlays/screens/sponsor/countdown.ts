/**
 * The sponsor card's countdown. The server reports seconds on screen as of a moment; the card
 * counts on from when the report *arrived* (the local clock), so a skew between the server's
 * stream time and this machine's clock cannot make it jump. Pure.
 */

export interface CountdownInput {
  plannedSeconds: number;
  /** Seconds on screen when the state was sent. */
  elapsedSeconds: number;
  running: boolean;
  /** Local ms when the state arrived, and now (both `performance.now()`). */
  receivedAt: number;
  now: number;
}

/** Seconds left, never below zero. */
export function secondsLeft(input: CountdownInput): number {
  const since = input.running ? Math.max(0, (input.now - input.receivedAt) / 1000) : 0;
  return Math.max(0, input.plannedSeconds - input.elapsedSeconds - since);
}

/** 0–1 of the planned time already shown. */
export function progressShown(input: CountdownInput): number {
  if (input.plannedSeconds <= 0) return 1;
  return 1 - secondsLeft(input) / input.plannedSeconds;
}

/** What the card shows of the countdown: the clock's whole second and the bar's share. */
export interface CountdownFace {
  /** Whole seconds on the clock (rounded up, as formatClock shows them). */
  seconds: number;
  /** 0–1 of the planned time shown as gone, at that whole second. */
  progress: number;
}

/**
 * The countdown as drawn: clock and bar both move in whole seconds, so a running segment
 * changes the picture once a second (one drawn frame) instead of a few pixels every frame.
 */
export function countdownFace(input: CountdownInput): CountdownFace {
  const seconds = Math.ceil(secondsLeft(input));
  if (input.plannedSeconds <= 0) return { seconds, progress: 1 };
  return { seconds, progress: Math.min(1, Math.max(0, 1 - seconds / input.plannedSeconds)) };
}

/** Two faces look the same (nothing to redraw). */
export const sameFace = (a: CountdownFace | null, b: CountdownFace): boolean =>
  a !== null && a.seconds === b.seconds && a.progress === b.progress;

export { formatClock } from '../../stage/text-fit';
