/**
 * A real `redis-server` for cluster tests (the one `npm run cluster` starts): on 127.0.0.1 and a
 * free port, with no persistence, stopped by the test. Missing, it fails with how to install it.
 */
export {
  findRedisServer,
  freePort,
  REDIS_MISSING,
  type RunningRedis,
  startRedis,
} from '../../overlay-server/cluster/local-redis';
