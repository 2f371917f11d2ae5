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

/** 75 → "1:15"; 3725 → "1:02:05". Rounded up, so it reads 0:00 only at the end. */
export function formatClock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
