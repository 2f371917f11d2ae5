/**
 * What makes a server process one of a cluster: a Redis connection, Socket.IO's Redis streams
 * adapter (rooms and broadcasts shared by every process, and connection-state recovery that
 * works across them), stream leases, the directory that forwards to each stream's writer, and
 * per-token rate budgets shared by every process.
 * docs/deployment.md says why the streams adapter rather than the pub/sub one.
 */
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { ClusterWiring } from '../app/application-options';
import type { TokenStore } from '../auth/token-registry';
import { RECOVERY_MAX_PACKETS } from '../broadcast/recovery-adapter';
import type { Logger } from '../log';
import { createClusterBus } from './cluster-bus';
import { createClusterDirectory } from './cluster-directory';
import { connectRedis } from './redis-client';
import { createRedisTokenStore } from './redis-token-store';
import { createSharedBudgets } from './shared-budgets';
import { createStreamLeases } from './stream-leases';

export interface ClusterOptions {
  redisUrl: string;
  /** This process's name among its peers (default: host and pid). */
  node?: string;
  /** A stream's lease lives this long without renewal: how soon a dead writer is replaced. */
  leaseMs?: number;
  log: Logger;
}

export interface Cluster extends ClusterWiring {
  /** Issued tokens, shared by every process. */
  tokenStore: TokenStore;
  /** Closes the Redis connection (after the application closed). */
  close(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 10_000;

export async function connectCluster(options: ClusterOptions): Promise<Cluster> {
  const node = options.node ?? `${hostname()}:${process.pid}`;
  const redis = await connectRedis(options.redisUrl, options.log);
  const leases = createStreamLeases(redis, node, options.leaseMs ?? DEFAULT_LEASE_MS);
  return {
    node,
    adapter: createAdapter(redis, {
      streamName: 'limelight:socket.io',
      sessionKeyPrefix: 'limelight:session:',
      channelPrefix: 'limelight:socket.io',
      // Broadcasts kept in Redis for connection-state recovery, as many as a single server keeps.
      maxLen: RECOVERY_MAX_PACKETS,
      onlyPlaintext: true,
    }),
    tokenStore: createRedisTokenStore(redis),
    shareBudgets: (local, defaults) =>
      createSharedBudgets({ redis, local, defaults, log: options.log }),
    createDirectory: (io, defaults) =>
      createClusterDirectory({
        io,
        node,
        leases,
        bus: createClusterBus(io),
        defaults,
        log: options.log.child({ node }),
      }),
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}
