/**
 * A real `redis-server` for cluster tests (the one `npm run cluster` starts): on 127.0.0.1 and a
 * free port, with no persistence, stopped by the test. Missing, it fails with how to install it.
 */
import { afterAll, beforeAll } from 'vitest';
import { type RunningRedis, startRedis } from '../../overlay-server/cluster/local-redis';

export {
  findRedisServer,
  freePort,
  REDIS_MISSING,
  type RunningRedis,
  startRedis,
} from '../../overlay-server/cluster/local-redis';

/** One redis-server for the tests of a file: started before them, stopped after. */
export function useRedis(): () => RunningRedis {
  let redis: RunningRedis | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => {
    await redis?.stop();
  });
  return () => {
    if (!redis) throw new Error('redis-server has not started');
    return redis;
  };
}
