/**
 * The Redis connection of a cluster process (the `redis` package). Socket.IO's adapter duplicates
 * it for its own reads; leases and tokens use it directly.
 */
import { createClient } from 'redis';
import type { Logger } from '../log';

export type RedisClient = ReturnType<typeof createClient>;

/** Connects, or rejects with a message that says where Redis was expected. */
export async function connectRedis(url: string, log: Logger): Promise<RedisClient> {
  const client = createClient({
    url,
    // Reconnects on its own (a Redis restart); the first connection must work or we stop.
    socket: { reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) },
  });
  let connected = false;
  client.on('error', (error: unknown) => {
    if (connected) log.warn('redis connection problem', { error: String(error) });
  });
  try {
    await client.connect();
  } catch (error) {
    await client.destroy();
    throw new Error(`cannot reach Redis at ${url}: ${String(error)}`);
  }
  connected = true;
  return client;
}
