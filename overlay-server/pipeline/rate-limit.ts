/**
 * Per-token rate limits: each token has one bucket per namespace it uses, shared by all its
 * sockets in this process (opening more sockets buys no more messages), `burst` messages at
 * once, refilled at `perSecond`. A handshake costs one message; an `events` batch its event
 * count. A source relays a whole room, a panel clicks buttons, an overlay subscribes once per
 * page: the defaults follow. A token may carry its own budget (issued with `--rate`), and a
 * deployment may change the defaults (`limits` in config.json). In a cluster the budget is one
 * across processes, kept in Redis (cluster/shared-budgets.ts); these in-process buckets are what a
 * single server uses, and what a cluster process falls back to while Redis is out of reach.
 */
import { type Ack, fail } from '../../shared/protocol/ack';
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
  /**
   * Takes `cost` tokens; false (and takes nothing) when there are not enough. An in-process
   * bucket answers at once; a budget shared through Redis answers when Redis has (it never
   * rejects).
   */
  take(cost?: number): boolean | Promise<boolean>;
}

/** A bucket answering at once: one of this process. */
export interface LocalTokenBucket extends TokenBucket {
  take(cost?: number): boolean;
}

/**
 * Runs `proceed` once `bucket` granted `cost`, or answers `refusal`. Synchronous for an
 * in-process bucket, so a single server handles each message in the turn it arrived; for a
 * shared budget `proceed` runs when Redis answered (in the order asked: one connection), and an
 * exception there is answered INTERNAL as the namespaces' own guard would.
 */
export function withinBudget(
  bucket: TokenBucket,
  cost: number,
  reply: (answer: Ack<never>) => void,
  refusal: Ack<never>,
  proceed: () => void,
): void {
  const answer = bucket.take(cost);
  if (typeof answer === 'boolean') {
    if (answer) proceed();
    else reply(refusal);
    return;
  }
  void answer.then((granted) => {
    if (!granted) {
      reply(refusal);
      return;
    }
    try {
      proceed();
    } catch (error) {
      reply(fail('INTERNAL', `the server failed on this request: ${String(error)}`));
    }
  });
}

export function createTokenBucket(
  budget: RateBudget,
  now: () => number = Date.now,
): LocalTokenBucket {
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

/** Every token's buckets. */
export interface TokenBudgets {
  /** The bucket of `tokenId` on `namespace` (created on first use). */
  bucket(tokenId: string, namespace: Namespace, own?: RateBudget): TokenBucket;
}

/** Every token's buckets in this process. */
export interface LocalTokenBudgets extends TokenBudgets {
  bucket(tokenId: string, namespace: Namespace, own?: RateBudget): LocalTokenBucket;
}

/** The budget a token has on a namespace: its own, the deployment's default, or the built-in. */
export function budgetOf(
  namespace: Namespace,
  own: RateBudget | undefined,
  defaults: Partial<Record<Namespace, RateBudget>> = {},
): RateBudget {
  return own ?? defaults[namespace] ?? RATE_BUDGETS[namespace];
}

export function createTokenBudgets(
  defaults: Partial<Record<Namespace, RateBudget>> = {},
  now: () => number = Date.now,
): LocalTokenBudgets {
  const buckets = new Map<string, LocalTokenBucket>();
  return {
    bucket(tokenId, namespace, own) {
      const key = `${tokenId}|${namespace}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = createTokenBucket(budgetOf(namespace, own, defaults), now);
        buckets.set(key, bucket);
      }
      return bucket;
    },
  };
}
