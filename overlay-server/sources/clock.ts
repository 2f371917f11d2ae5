/**
 * Wall-clock time for sources that pace themselves (replay, the real-time simulator). Injected so
 * tests run a stream of hours in no time and check the pacing exactly.
 */
export interface SourceClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` (at once when `ms` ≤ 0), or as soon as `signal` aborts. Never rejects. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: SourceClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted || ms <= 0) {
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    }),
};

/** A clock for tests: `sleep` jumps virtual time forward and resolves on the next microtask. */
export interface VirtualClock extends SourceClock {
  /** Every sleep requested so far, in ms, in order. */
  readonly sleeps: readonly number[];
}

export function createVirtualClock(start: number): VirtualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      if (ms > 0) now += ms;
    },
  };
}
