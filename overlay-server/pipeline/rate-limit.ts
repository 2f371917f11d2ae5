/**
 * Per-socket token bucket: `burst` messages at once, refilled at `perSecond`. Ingest sockets get a
 * far larger budget than control sockets (a source relays a whole room; a panel clicks buttons).
 */
export interface RateBudget {
  perSecond: number;
  burst: number;
}

export const RATE_BUDGETS = {
  /** Per message (an `events` batch costs its event count). */
  ingest: { perSecond: 20_000, burst: 40_000 },
  control: { perSecond: 20, burst: 40 },
  overlay: { perSecond: 5, burst: 20 },
} as const satisfies Record<string, RateBudget>;

export interface TokenBucket {
  /** Takes `cost` tokens; false (and takes nothing) when there are not enough. */
  take(cost?: number): boolean;
}

export function createTokenBucket(budget: RateBudget, now: () => number = Date.now): TokenBucket {
  let tokens = budget.burst;
  let refilledAt = now();
  return {
    take(cost = 1) {
      const t = now();
      tokens = Math.min(budget.burst, tokens + ((t - refilledAt) / 1000) * budget.perSecond);
      refilledAt = t;
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
  };
}
