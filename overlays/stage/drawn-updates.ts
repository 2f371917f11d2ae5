/**
 * When the page drew what the server sent: for each update batch (by its journal `seq`), the
 * wall-clock time of the first frame drawn after it was applied. The bench reads it through the
 * debug hook to time a gift from `/ingest` to the glass (an event's ingest ack names the batch
 * `seq` that carries it). Bounded: the oldest entries go first, so a long stream keeps ~100 KB.
 */

/** One update batch and the first frame drawn after the page applied it. */
export interface DrawnUpdate {
  seq: number;
  /** Wall clock (ms since the epoch, sub-ms precision) right after that frame's render call. */
  drawnAt: number;
}

const KEPT = 4096;

export class DrawnUpdates {
  private readonly log: DrawnUpdate[] = [];
  /** Highest batch `seq` applied since the last drawn frame; null when none is waiting. */
  private waiting: number | null = null;
  /** Milliseconds from navigation to the first drawn frame; null before it. */
  firstFrameMs: number | null = null;

  /** A batch was applied to the screens. */
  applied(seq: number): void {
    this.waiting = Math.max(this.waiting ?? seq, seq);
  }

  /** A frame was drawn; `now` is `performance.now()` right after its render call. */
  drawn(now: number): void {
    this.firstFrameMs ??= now;
    if (this.waiting === null) return;
    this.log.push({ seq: this.waiting, drawnAt: performance.timeOrigin + now });
    this.waiting = null;
    if (this.log.length > KEPT) this.log.splice(0, this.log.length - KEPT);
  }

  /** Entries for batches after `seq`, oldest first. */
  after(seq: number): DrawnUpdate[] {
    return this.log.filter((entry) => entry.seq > seq);
  }
}
