/**
 * How long the connector waits before its next attempt. Exponential with "full jitter" (a random
 * wait between half and all of the exponential step) so that many Limelight installs that lost
 * TikTok at the same moment do not hit the sign server in lockstep. A rate-limited attempt waits
 * at least what the sign server asked for, and never less than `rateLimitedMinMs`: the sign
 * server's free tier counts every connect, and hammering it only extends the ban.
 */

/** Why the next attempt is being scheduled. */
export type RetryCause =
  /** The socket dropped or a connect failed for a transient reason. */
  | 'transient'
  /** The sign server said "too many connections". */
  | 'rateLimited'
  /** The user is not live: poll until they are. */
  | 'waitingForLive';

/** Backoff knobs; every duration in ms. */
export interface BackoffOptions {
  /** First wait after a transient failure. */
  baseMs?: number;
  /** Ceiling of the transient waits. */
  maxMs?: number;
  /** Floor of a rate-limited wait (the sign server's `retry-after` wins when longer). */
  rateLimitedMinMs?: number;
  /** Ceiling of a rate-limited wait. */
  rateLimitedMaxMs?: number;
  /** First interval between "is the user live yet?" checks. */
  liveCheckBaseMs?: number;
  /** Ceiling of the live-check interval. */
  liveCheckMaxMs?: number;
  /** A random number in [0, 1): injected so tests are deterministic. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = {
  baseMs: 2_000,
  maxMs: 120_000,
  rateLimitedMinMs: 60_000,
  rateLimitedMaxMs: 15 * 60_000,
  liveCheckBaseMs: 30_000,
  liveCheckMaxMs: 5 * 60_000,
} as const;

/** Counts consecutive failures per cause and turns them into waits. */
export interface Backoff {
  /** The wait before the next attempt; `serverRetryAfterMs` is the sign server's own hint. */
  next(cause: RetryCause, serverRetryAfterMs?: number): number;
  /** A session went live: the next failure starts from the first step again. */
  reset(): void;
}

export function createBackoff(options: BackoffOptions = {}): Backoff {
  const o = { ...DEFAULT_BACKOFF, ...options };
  const random = options.random ?? Math.random;
  const attempts: Record<RetryCause, number> = { transient: 0, rateLimited: 0, waitingForLive: 0 };

  // Full jitter on the upper half: wait in [step/2, step).
  const jittered = (step: number) => Math.round(step / 2 + (random() * step) / 2);
  const exponential = (base: number, max: number, attempt: number) =>
    Math.min(max, base * 2 ** Math.min(attempt, 30));

  return {
    next(cause, serverRetryAfterMs = 0) {
      const attempt = attempts[cause];
      attempts[cause] += 1;
      if (cause === 'rateLimited') {
        const step = exponential(o.rateLimitedMinMs, o.rateLimitedMaxMs, attempt);
        // Jitter only upward of the server's hint: never come back before it allows.
        const floor = Math.max(serverRetryAfterMs, o.rateLimitedMinMs);
        return Math.max(floor, jittered(step)) + Math.round(random() * 1_000);
      }
      if (cause === 'waitingForLive') {
        return jittered(exponential(o.liveCheckBaseMs, o.liveCheckMaxMs, attempt));
      }
      return jittered(exponential(o.baseMs, o.maxMs, attempt));
    },
    reset() {
      attempts.transient = 0;
      attempts.rateLimited = 0;
      attempts.waitingForLive = 0;
    },
  };
}
