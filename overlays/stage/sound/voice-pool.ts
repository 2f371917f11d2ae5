/**
 * How many sounds play at once. A gift storm starts a card (and its sound) every few hundred
 * milliseconds, faster than the longer tier sounds ring out: past `cap` voices the oldest is
 * stopped for the new one, so the newest card is always heard and a storm never stacks into
 * noise. Pure bookkeeping; sound-player.ts starts and stops the real voices.
 */
export interface VoiceCounts {
  /** Voices started since the page loaded. */
  started: number;
  /** Voices stopped early to make room for a newer one. */
  stolen: number;
  /** Most voices playing at one moment. */
  peak: number;
}

export class VoicePool<V> {
  private readonly active: V[] = [];
  readonly counts: VoiceCounts = { started: 0, stolen: 0, peak: 0 };

  constructor(readonly cap: number) {
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`a voice cap is ≥ 1, not ${cap}`);
  }

  get playing(): number {
    return this.active.length;
  }

  /** Takes a new voice; returns the voices to stop now (oldest first) to stay within the cap. */
  add(voice: V): V[] {
    const stolen = this.active.splice(0, Math.max(0, this.active.length + 1 - this.cap));
    this.active.push(voice);
    this.counts.started += 1;
    this.counts.stolen += stolen.length;
    this.counts.peak = Math.max(this.counts.peak, this.active.length);
    return stolen;
  }

  /** A voice ended (on its own or stopped); one already gone is ignored. */
  remove(voice: V): void {
    const at = this.active.indexOf(voice);
    if (at !== -1) this.active.splice(at, 1);
  }
}
