/** Events per second by kind over the last few seconds, and when the last one arrived: for /health. */
export interface EventStats {
  record(kind: string): void;
  /** Average per second over the window, by kind. */
  perSecond(): Record<string, number>;
  /** Wall time of the last accepted event, or null. */
  readonly lastEventWall: number | null;
  readonly total: number;
}

export function createEventStats(windowSeconds = 10, wall: () => number = Date.now): EventStats {
  // One bucket per second: [second, counts by kind].
  const buckets: Array<{ second: number; counts: Map<string, number> }> = [];
  let lastEventWall: number | null = null;
  let total = 0;
  const prune = (second: number) => {
    while (buckets.length > 0 && (buckets[0]?.second ?? second) <= second - windowSeconds)
      buckets.shift();
  };
  return {
    record(kind) {
      const now = wall();
      const second = Math.floor(now / 1000);
      lastEventWall = now;
      total += 1;
      let bucket = buckets[buckets.length - 1];
      if (!bucket || bucket.second !== second) {
        bucket = { second, counts: new Map() };
        buckets.push(bucket);
        prune(second);
      }
      bucket.counts.set(kind, (bucket.counts.get(kind) ?? 0) + 1);
    },
    perSecond() {
      prune(Math.floor(wall() / 1000));
      const sums: Record<string, number> = {};
      for (const bucket of buckets) {
        for (const [kind, count] of bucket.counts) sums[kind] = (sums[kind] ?? 0) + count;
      }
      for (const kind of Object.keys(sums))
        sums[kind] = Math.round(((sums[kind] ?? 0) / windowSeconds) * 100) / 100;
      return sums;
    },
    get lastEventWall() {
      return lastEventWall;
    },
    get total() {
      return total;
    },
  };
}
