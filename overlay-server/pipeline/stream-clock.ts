/**
 * Stream time for `room.advance`: the newest event time seen, moved on by the wall clock since
 * that event arrived (so a streak's quiet period elapses even when nothing else happens), and
 * never going backwards. With no events yet it is the wall clock.
 */
export interface StreamClock {
  observe(at: number): void;
  now(): number;
}

export function createStreamClock(wall: () => number = Date.now): StreamClock {
  let newestAt: number | null = null;
  let seenAtWall = 0;
  let last = 0;
  return {
    observe(at) {
      if (newestAt === null || at > newestAt) {
        newestAt = at;
        seenAtWall = wall();
      }
    },
    now() {
      const t = newestAt === null ? wall() : newestAt + (wall() - seenAtWall);
      last = Math.max(last, t);
      return last;
    },
  };
}
