/**
 * What `createApplication` is built with (the process's dependencies and options, a cluster's
 * wiring) and what it returns.
 */
import type { Server } from 'socket.io';
import type { Namespace } from '../../shared/protocol/roles';
import type { RevenueModel } from '../../shared/revenue/revenue-model';
import type { TokenRegistry } from '../auth/token-registry';
import type { RoleTokens } from '../auth/tokens';
import type { RoomFactory } from '../journal/recovery';
import type { Logger } from '../log';
import type { MediaOptions } from '../media/media-service';
import type { ObsService } from '../obs/obs-service';
import type { LocalTokenBudgets, RateBudget, TokenBudgets } from '../pipeline/rate-limit';
import type { Relay, RelayOptions } from '../pipeline/relay';
import type { BackoffOptions } from '../sources/connector/backoff';
import type { SnapshotPolicy } from '../stream/live-stream';
import type { StreamDefaults, StreamDirectory } from '../streams/stream-directory';
import type { SourceBoard } from './source-sink';

export interface ApplicationDeps {
  createRoom: RoomFactory;
  /** The config file's tokens (the default stream's). */
  tokens: RoleTokens;
  log: Logger;
  /** Every token, issued ones included; built from `tokens` alone when absent. */
  registry?: TokenRegistry;
  /** Several processes sharing rooms and streams through Redis (cluster/connect-cluster.ts). */
  cluster?: ClusterWiring;
}

/**
 * What a cluster adds to a process: the Redis adapter, a directory that knows writers, and
 * shared rate budgets.
 */
export interface ClusterWiring {
  /** This process's name among its peers. */
  node: string;
  adapter: NonNullable<ConstructorParameters<typeof Server>[1]>['adapter'];
  createDirectory(io: Server, defaults: StreamDefaults): StreamDirectory;
  /**
   * Per-token budgets shared by every process (cluster/shared-budgets.ts), over this process's
   * own buckets as the fallback; without it, each process counts alone.
   */
  shareBudgets?(
    local: LocalTokenBudgets,
    defaults: Partial<Record<Namespace, RateBudget>>,
  ): TokenBudgets;
}

export interface ApplicationOptions {
  /** Config and data folder; journals go to `<dataDir>/streams/` (other streams: `streamers/`). */
  dataDir: string;
  /** The built overlay pages served at /overlays/. */
  overlaysDir: string;
  /** Host names the server is reached by (its own page origins): 127.0.0.1, localhost, a LAN IP. */
  hosts?: string[];
  /** Origins it is reached at through a reverse proxy (`--public-url`). */
  publicOrigins?: string[];
  revenueModel?: RevenueModel;
  /** How often `room.advance` runs, ms. */
  advanceEveryMs?: number;
  /** Frame window for batching, ms. */
  batchWindowMs?: number;
  snapshots?: SnapshotPolicy;
  /** Socket.IO connection-state recovery window, ms. */
  recoveryWindowMs?: number;
  /** Broadcasts kept for recovery at most (older ones fall back to a snapshot). */
  recoveryMaxPackets?: number;
  /** The picture cache behind /media/image (config.json's `media`; defaults otherwise). */
  media?: MediaOptions;
  /** Default per-token budgets by namespace (config.json's `limits`). */
  rateBudgets?: Partial<Record<Namespace, RateBudget>>;
  /** Reverse proxies whose X-Forwarded-For names the client (`--trust-proxy`). */
  trustedProxies?: string[];
  /** The clock of the rate limits (tests freeze it to count refusals exactly). */
  rateClock?: () => number;
  /** How often tokens are re-read and live sockets re-checked, ms. */
  tokenCheckEveryMs?: number;
  /** How the OBS link waits between attempts (tests make it quick). */
  obsBackoff?: BackoffOptions;
  /** Opens each stream's journal (default: the real writer; tests wrap it to count writes). */
  openJournal?: RelayOptions['openJournal'];
}

export interface Application {
  io: Server;
  /** The default stream's relay (a single server's only stream). */
  relay: Relay;
  /** The default stream's source board, where in-process sources deliver. */
  sources: SourceBoard;
  /** The default stream's link to OBS and its OBS actions. */
  obs: ObsService;
  streams: StreamDirectory;
  tokens: TokenRegistry;
  /** The bound port (after `listen`). */
  port(): number;
  /** Set when the default stream was resumed at start. */
  resumed: ReturnType<Relay['resume']>;
  /**
   * Flushes the journals, closes sockets and the HTTP server. With `endStream` (a clean stop)
   * the running streams end first, for that reason; without it, they stay resumable.
   */
  close(options?: { endStream?: string }): Promise<void>;
  /** The stream `close({endStream})` ended, once it has. */
  endedStream(): string | null;
}
