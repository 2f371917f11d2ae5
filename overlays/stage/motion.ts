/**
 * Time-based motion, so an overlay looks the same at 60 fps in OBS and at 15 fps on a busy
 * machine. Pure.
 */

/** Moves `current` toward `target`, closing ~63% of the gap every `tauMs`; snaps when close. */
export function approach(current: number, target: number, deltaMs: number, tauMs: number): number {
  const next = current + (target - current) * (1 - Math.exp(-Math.max(0, deltaMs) / tauMs));
  return Math.abs(target - next) < 0.001 ? target : next;
}

/** Tracks the time between frames; the first frame (or one after a long stall) counts 16 ms. */
export class FrameClock {
  private last: number | null = null;

  delta(now: number): number {
    const delta = this.last === null ? 16 : Math.min(250, Math.max(0, now - this.last));
    this.last = now;
    return delta;
  }
}
