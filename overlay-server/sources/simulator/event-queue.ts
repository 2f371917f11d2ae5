/**
 * The simulator's agenda: happenings ordered by stream time, ties by the order they were
 * scheduled. Processing in this order makes the random draws, and so the events, independent of
 * how a caller slices time into `generate` windows.
 */
interface Entry {
  at: number;
  seq: number;
  run: (at: number) => void;
}

export class EventQueue {
  private readonly heap: Entry[] = [];
  private seq = 0;

  schedule(at: number, run: (at: number) => void): void {
    this.heap.push({ at, seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  /** Stream time of the next happening, or Infinity. */
  peekAt(): number {
    return this.heap[0]?.at ?? Number.POSITIVE_INFINITY;
  }

  /** Runs the next happening. */
  runNext(): void {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last) return;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    top.run(top.at);
  }

  private before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(index: number): void {
    const heap = this.heap;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const child = heap[i] as Entry;
      const above = heap[parent] as Entry;
      if (!this.before(child, above)) break;
      heap[i] = above;
      heap[parent] = child;
      i = parent;
    }
  }

  private down(index: number): void {
    const heap = this.heap;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.before(heap[left] as Entry, heap[smallest] as Entry)) {
        smallest = left;
      }
      if (right < heap.length && this.before(heap[right] as Entry, heap[smallest] as Entry)) {
        smallest = right;
      }
      if (smallest === i) return;
      const moved = heap[i] as Entry;
      heap[i] = heap[smallest] as Entry;
      heap[smallest] = moved;
      i = smallest;
    }
  }
}
