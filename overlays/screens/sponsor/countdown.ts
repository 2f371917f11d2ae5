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

export { formatClock } from '../../stage/text-fit';
