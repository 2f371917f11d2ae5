import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { createTokenBudgets } from '../pipeline/rate-limit';
import type { RedisClient } from './redis-client';
import { createSharedBudgets } from './shared-budgets';

const quiet = createLogger({ sinks: [] });
const budget = { perSecond: 1, burst: 3 };

/** Only what the shared budgets use of a Redis client; the real one is in cluster-rate-limit.test.ts. */
function redisDouble(state: { isReady: boolean; fail?: boolean }): RedisClient {
  return {
    get isReady() {
      return state.isReady;
    },
    scriptLoad: async () => 'sha',
    evalSha: async () => {
      if (state.fail) throw new Error('connection reset');
      return 1;
    },
  } as unknown as RedisClient;
}

describe('shared rate budgets', () => {
  it("fall back to the process's own bucket while Redis is not connected, answering at once", () => {
    const budgets = createSharedBudgets({
      redis: redisDouble({ isReady: false }),
      local: createTokenBudgets({}, () => 0),
      log: quiet,
    });
    const bucket = budgets.bucket('tok_a', '/ingest', budget);
    expect([1, 2, 3, 4].map(() => bucket.take(1))).toEqual([true, true, true, false]);
  });

  it('fall back to it when a Redis call fails, and use Redis again once it answers', async () => {
    const state = { isReady: true, fail: true };
    const budgets = createSharedBudgets({
      redis: redisDouble(state),
      local: createTokenBudgets({}, () => 0),
      log: quiet,
    });
    const bucket = budgets.bucket('tok_a', '/ingest', budget);
    const failing = await Promise.all([1, 2, 3, 4].map(() => bucket.take(1)));
    expect(failing).toEqual([true, true, true, false]);
    state.fail = false;
    expect(await bucket.take(1)).toBe(true);
  });
});
