/**
 * Per-token rate budgets of a cluster: one budget per token and namespace for every process,
 * kept in Redis, so a token whose sockets are spread over processes (a load balancer does that)
 * gets no more than a single server would give it. Each take is one atomic script: the token
 * bucket of pipeline/rate-limit.ts, refilled on Redis's own clock (processes on several machines
 * need not agree on the time). While Redis is out of reach a process falls back to its own
 * in-process bucket for the token, so sources keep flowing within a budget per process.
 */
import type { Namespace } from '../../shared/protocol/roles';
import type { Logger } from '../log';
import {
  budgetOf,
  type LocalTokenBudgets,
  type RateBudget,
  type TokenBudgets,
} from '../pipeline/rate-limit';
import type { RedisClient } from './redis-client';

/**
 * KEYS[1]: the budget's hash {left, at}. ARGV: burst, refill per second, cost. Returns 1 when
 * the cost was taken, 0 when the bucket holds less (and takes nothing). The key lives as long as
 * a full refill takes (a day at most): an expired bucket is a full one.
 */
const TAKE_SCRIPT = `
local burst = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2]) / 1000
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'left', 'at')
local left = tonumber(state[1])
local at = tonumber(state[2])
if left == nil or at == nil then
  left = burst
  at = now
end
left = math.min(burst, left + math.max(0, now - at) * per_ms)
local taken = 0
if left >= cost then
  left = left - cost
  taken = 1
end
redis.call('HSET', KEYS[1], 'left', tostring(left), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.min(86400000, math.ceil(burst / per_ms) + 1000))
return taken
`;

export interface SharedBudgetOptions {
  redis: RedisClient;
  /** This process's buckets: the fallback while Redis is out of reach. */
  local: LocalTokenBudgets;
  /** The deployment's default budgets (config.json's `limits`). */
  defaults?: Partial<Record<Namespace, RateBudget>>;
  log: Logger;
  prefix?: string;
}

export function createSharedBudgets(options: SharedBudgetOptions): TokenBudgets {
  const { redis, local, defaults, log } = options;
  const prefix = options.prefix ?? 'limelight';
  let sha: Promise<string> | null = null;
  let warned = false;

  const run = async (key: string, budget: RateBudget, cost: number): Promise<boolean> => {
    const args = {
      keys: [key],
      arguments: [String(budget.burst), String(budget.perSecond), String(cost)],
    };
    sha ??= redis.scriptLoad(TAKE_SCRIPT);
    try {
      return (await redis.evalSha(await sha, args)) === 1;
    } catch (error) {
      // Redis restarted and forgot the script: load it again, once.
      if (!String(error).includes('NOSCRIPT')) throw error;
      sha = redis.scriptLoad(TAKE_SCRIPT);
      return (await redis.evalSha(await sha, args)) === 1;
    }
  };

  return {
    bucket(tokenId, namespace, own) {
      const budget = budgetOf(namespace, own, defaults);
      const fallback = local.bucket(tokenId, namespace, own);
      const key = `${prefix}:rate:${tokenId}:${namespace}`;
      const fallBack = (cost: number, error: unknown) => {
        sha = null;
        if (!warned) {
          warned = true;
          log.warn('rate budgets are per process until Redis answers', { error: String(error) });
        }
        return fallback.take(cost);
      };
      return {
        take(cost = 1) {
          // Not connected: the client would queue the call until it is; decide here and now.
          if (!redis.isReady) return fallBack(cost, 'redis is not connected');
          return run(key, budget, cost).then(
            (taken) => {
              warned = false;
              return taken;
            },
            (error: unknown) => fallBack(cost, error),
          );
        },
      };
    },
  };
}
