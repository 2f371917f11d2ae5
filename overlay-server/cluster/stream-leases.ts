/**
 * Who writes a stream: a lease in Redis per stream, taken with SET NX PX and a fence number that
 * only grows (one INCR per lease taken), renewed by its holder and lost when the holder stops
 * renewing (it died). The fence goes on every journal write (journal/fence.ts), so a writer that
 * lost its lease without knowing cannot have a write acknowledged.
 */
import type { RedisClient } from './redis-client';

export interface Lease {
  streamer: string;
  node: string;
  fence: number;
}

export interface StreamLeases {
  /** Takes the stream's lease when nobody holds it; null when somebody does. */
  acquire(streamer: string): Promise<Lease | null>;
  /** Extends a held lease; false when it was lost (expired, taken over). */
  renew(lease: Lease): Promise<boolean>;
  release(lease: Lease): Promise<void>;
  holder(streamer: string): Promise<Lease | null>;
  readonly ttlMs: number;
}

const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. fence, 'PX', ARGV[2])
return fence`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createStreamLeases(
  redis: RedisClient,
  node: string,
  ttlMs: number,
  prefix = 'limelight',
): StreamLeases {
  const leaseKey = (streamer: string) => `${prefix}:lease:${streamer}`;
  const fenceKey = (streamer: string) => `${prefix}:fence:${streamer}`;
  const value = (lease: Lease) => `${lease.node}|${lease.fence}`;
  return {
    ttlMs,
    async acquire(streamer) {
      const fence = await redis.eval(ACQUIRE, {
        keys: [leaseKey(streamer), fenceKey(streamer)],
        arguments: [node, String(ttlMs)],
      });
      return typeof fence === 'number' ? { streamer, node, fence } : null;
    },
    async renew(lease) {
      const renewed = await redis.eval(RENEW, {
        keys: [leaseKey(lease.streamer)],
        arguments: [value(lease), String(ttlMs)],
      });
      return renewed === 1;
    },
    async release(lease) {
      await redis.eval(RELEASE, { keys: [leaseKey(lease.streamer)], arguments: [value(lease)] });
    },
    async holder(streamer) {
      const held = await redis.get(leaseKey(streamer));
      if (!held) return null;
      const at = held.lastIndexOf('|');
      return { streamer, node: held.slice(0, at), fence: Number(held.slice(at + 1)) };
    },
  };
}
