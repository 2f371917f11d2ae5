/**
 * Per-token rate limits: each token has one bucket per namespace it uses, shared by all its
 * sockets in this process (opening more sockets buys no more messages), `burst` messages at
 * once, refilled at `perSecond`. A handshake costs one message; an `events` batch its event
 * count. A source relays a whole room, a panel clicks buttons, an overlay subscribes once per
 * page: the defaults follow. A token may carry its own budget (issued with `--rate`), and a
 * deployment may change the defaults (`limits` in config.json). In a cluster the buckets are per
 * process: a token's sockets on two processes get two buckets (docs/deployment.md).
 */
import type { Namespace } from '../../shared/protocol/roles';

export interface RateBudget {
  perSecond: number;
  burst: number;
}

export const RATE_BUDGETS: Record<Namespace, RateBudget> = {
  /**
   * Per event. A huge room's busiest minutes reach a few hundred events a second; a flood of
   * 2,000/s from one token is refused above this.
   */
  '/ingest': { perSecond: 500, burst: 1_000 },
  '/control': { perSecond: 20, burst: 40 },
  /** Ten overlay pages opened at once by OBS: ten handshakes and ten subscribes. */
  '/overlay': { perSecond: 10, burst: 60 },
};

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

/** Every token's buckets in this process. */
export interface TokenBudgets {
  /** The bucket of `tokenId` on `namespace` (created on first use). */
  bucket(tokenId: string, namespace: Namespace, own?: RateBudget): TokenBucket;
}

export function createTokenBudgets(
  defaults: Partial<Record<Namespace, RateBudget>> = {},
  now: () => number = Date.now,
): TokenBudgets {
  const buckets = new Map<string, TokenBucket>();
  return {
    bucket(tokenId, namespace, own) {
      const key = `${tokenId}|${namespace}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = createTokenBucket(own ?? defaults[namespace] ?? RATE_BUDGETS[namespace], now);
        buckets.set(key, bucket);
      }
      return bucket;
    },
  };
}
