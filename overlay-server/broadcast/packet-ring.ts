/**
 * The recovery adapter's store: the JSON of each kept broadcast, in one fixed-size byte ring
 * allocated once, outside the JavaScript heap. Neither alternative held up at 5,000 chat lines/s:
 * strings on the heap were copied by every young-generation collection (~300 KB each time, its
 * pause 1.4 ms against 0.7 ms with this ring), and a Buffer per packet churned external memory,
 * which made V8 run a full mark-compact (5–10 ms) every few seconds. Here a packet costs one UTF-8
 * write into the ring and a few numbers; the oldest packets are overwritten as new ones need
 * their bytes.
 */

/** What the ring keeps about a packet besides its bytes. */
export interface PacketMeta<M> {
  /** Increasing number the caller gives each packet (its recovery offset). */
  number: number;
  emittedAt: number;
  meta: M;
}

export class PacketRing<M> {
  private bytes: Buffer | null = null;
  /** Where the next packet's bytes go. */
  private cursor = 0;
  private starts: number[] = [];
  private lengths: number[] = [];
  private kept: Array<PacketMeta<M> | undefined> = [];
  /** Index of the oldest packet still kept. */
  private head = 0;

  /**
   * `capacityBytes` is allocated on the first push. A packet over a quarter of it is not kept,
   * and everything before it is dropped, so no one is handed a history with a hole in it.
   */
  constructor(
    private readonly capacityBytes: number,
    private readonly maxPackets: number,
  ) {}

  get size(): number {
    return this.kept.length - this.head;
  }

  push(packet: PacketMeta<M>, json: string): void {
    const length = Buffer.byteLength(json, 'utf8');
    if (length > this.capacityBytes / 4) {
      this.dropWhile(() => true);
      return;
    }
    this.bytes ??= Buffer.allocUnsafeSlow(this.capacityBytes);
    let start = this.cursor;
    if (start + length > this.capacityBytes) {
      // The tail past the cursor is too short: the packets there are the oldest; drop them.
      const skippedFrom = start;
      this.dropWhile((i) => (this.starts[i] ?? 0) >= skippedFrom);
      start = 0;
    }
    const end = start + length;
    this.dropWhile(
      (i) => (this.starts[i] ?? 0) < end && start < (this.starts[i] ?? 0) + (this.lengths[i] ?? 0),
    );
    this.bytes.write(json, start, length, 'utf8');
    this.starts.push(start);
    this.lengths.push(length);
    this.kept.push(packet);
    this.cursor = end;
    if (this.size > this.maxPackets) this.dropWhile(() => this.size > this.maxPackets);
    this.compact();
  }

  /** Drops the packets emitted before `emittedAt` (oldest first). */
  dropEmittedBefore(emittedAt: number): void {
    this.dropWhile((i) => (this.kept[i]?.emittedAt ?? 0) < emittedAt);
  }

  /**
   * The packets after the one numbered `number`, oldest first, each with its JSON; null when
   * that packet is no longer kept (or never was).
   */
  after(number: number): Array<{ packet: PacketMeta<M>; json: string }> | null {
    let from = -1;
    for (let i = this.kept.length - 1; i >= this.head; i--) {
      if (this.kept[i]?.number === number) {
        from = i + 1;
        break;
      }
    }
    if (from === -1 || !this.bytes) return null;
    const out: Array<{ packet: PacketMeta<M>; json: string }> = [];
    for (let i = from; i < this.kept.length; i++) {
      const packet = this.kept[i];
      const start = this.starts[i] ?? 0;
      if (packet) {
        out.push({
          packet,
          json: this.bytes.toString('utf8', start, start + (this.lengths[i] ?? 0)),
        });
      }
    }
    return out;
  }

  /** Drops packets from the oldest while `test(index)` holds. */
  private dropWhile(test: (index: number) => boolean): void {
    while (this.head < this.kept.length && test(this.head)) {
      this.kept[this.head] = undefined;
      this.head += 1;
    }
  }

  /** Cuts the dropped front now and then, so the arrays do not grow without bound. */
  private compact(): void {
    if (this.head <= 1024 || this.head * 2 <= this.kept.length) return;
    this.starts = this.starts.slice(this.head);
    this.lengths = this.lengths.slice(this.head);
    this.kept = this.kept.slice(this.head);
    this.head = 0;
  }
}
