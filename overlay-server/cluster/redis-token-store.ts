/**
 * Issued tokens of a cluster, in Redis: one hash of records by id and a version counter every
 * change bumps, and a message on a channel, so every process re-reads them at once when a token
 * is issued or revoked (and within a second if it missed the message).
 */

import { type TokenRecord, tokenRecordSchema } from '../auth/token-records';
import type { TokenStore } from '../auth/token-registry';
import type { RedisClient } from './redis-client';

export function createRedisTokenStore(redis: RedisClient, prefix = 'limelight'): TokenStore {
  const records = `${prefix}:tokens`;
  const version = `${prefix}:tokens:version`;
  const changes = `${prefix}:tokens:changed`;
  return {
    async load() {
      const all = await redis.hGetAll(records);
      const out: TokenRecord[] = [];
      for (const text of Object.values(all)) {
        const parsed = tokenRecordSchema.safeParse(JSON.parse(text));
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    },
    async version() {
      return (await redis.get(version)) ?? '0';
    },
    async save(record) {
      await redis
        .multi()
        .hSet(records, record.id, JSON.stringify(record))
        .incr(version)
        .publish(changes, record.id)
        .exec();
    },
    async watch(listener) {
      const subscriber = redis.duplicate();
      subscriber.on('error', () => {});
      await subscriber.connect();
      await subscriber.subscribe(changes, () => listener());
      return async () => {
        await subscriber.quit().catch(() => {});
      };
    },
  };
}
