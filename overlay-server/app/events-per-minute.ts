/**
 * Events per minute of one source, for the panel's source board: 60 one-second buckets, so
 * counting costs the same at 5 events/s and at 5,000. (A list of arrival times capped at 100,000
 * entries cost an O(n) splice per event once a busy source filled it.)
 */
export interface EventsPerMinute {
  add(now: number): void;
  /** Events in the last 60 seconds up to `now`. */
  count(now: number): number;
}

const SECONDS = 60;

export function createEventsPerMinute(): EventsPerMinute {
  const counts = new Float64Array(SECONDS);
  // The whole second each bucket holds; -1 for a bucket never used.
  const seconds = new Float64Array(SECONDS).fill(-1);
  return {
    add(now) {
      const second = Math.floor(now / 1000);
      const slot = second % SECONDS;
      if (seconds[slot] !== second) {
        seconds[slot] = second;
        counts[slot] = 0;
      }
      counts[slot] = (counts[slot] ?? 0) + 1;
    },
    count(now) {
      const second = Math.floor(now / 1000);
      let total = 0;
      for (let slot = 0; slot < SECONDS; slot++) {
        const age = second - (seconds[slot] ?? -1);
        if (age >= 0 && age < SECONDS) total += counts[slot] ?? 0;
      }
      return total;
    },
  };
}
