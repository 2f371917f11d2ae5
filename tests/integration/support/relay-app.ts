/**
 * Starts the real application on 127.0.0.1 and an ephemeral port with a temp data dir, and
 * connects real socket.io-client clients to it. Every test stops what it started (`stop()`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectClient, type Socket } from 'socket.io-client';
import {
  type Application,
  type ApplicationOptions,
  createApplication,
} from '../../../overlay-server/app/create-application';
import type { TokenRegistry } from '../../../overlay-server/auth/token-registry';
import { newRoleTokens, type RoleTokens } from '../../../overlay-server/auth/tokens';
import { type Logger, silentLogger } from '../../../overlay-server/log';
import { createLiveRoom } from '../../../shared/engines';
import type { Ack } from '../../../shared/protocol/ack';
import type { StateSnapshot, UpdateBatch } from '../../../shared/protocol/channels';
import type { Namespace, Role } from '../../../shared/protocol/roles';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';

export interface RunningRelay {
  app: Application;
  port: number;
  baseUrl: string;
  tokens: RoleTokens;
  dataDir: string;
  /** Connects a client; resolves once connected (rejects with the connect_error otherwise). */
  connect(ns: Namespace, role: Role, options?: ClientOptions): Promise<Socket>;
  /** Connects with a watcher attached before the handshake, so nothing sent on connect is missed. */
  watch(
    ns: Namespace,
    role: Role,
    options?: ClientOptions,
  ): Promise<{ socket: Socket; watcher: Watcher }>;
  /** A client not yet connected, for tests that watch the handshake fail. */
  client(ns: Namespace, options: ClientOptions & { token?: string }): Socket;
  stop(): Promise<void>;
}

export interface ClientOptions {
  protocolVersion?: number;
  origin?: string;
  channels?: string[];
  transports?: Array<'websocket' | 'polling'>;
  /** Reconnect by itself after a drop (off by default so refused handshakes stay refused). */
  reconnection?: boolean;
  /** The handshake's client name (a moderator's actor name is `moderator:<name>`). */
  clientName?: string;
  /** The stream to act on (the token's first when absent). */
  streamer?: string;
}

export interface StartOptions extends Partial<ApplicationOptions> {
  dataDir?: string;
  tokens?: RoleTokens;
  /** Where the server logs (silent by default). */
  log?: Logger;
  /** Every token (issued ones too); built from `tokens` when absent. */
  registry?: TokenRegistry;
}

export async function startRelay(options: StartOptions = {}): Promise<RunningRelay> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'limelight-it-'));
  const tokens = options.tokens ?? newRoleTokens();
  const httpServer = createServer();
  const { log, registry: _registry, ...appOptions } = options;
  const app = createApplication(
    httpServer,
    { createRoom: createLiveRoom, tokens, log: log ?? silentLogger, registry: options.registry },
    { overlaysDir: join(dataDir, 'no-overlays'), ...appOptions, dataDir },
  );
  await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
  const port = app.port();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];

  const client = (ns: Namespace, opts: ClientOptions & { token?: string }) => {
    const socket = connectClient(`${baseUrl}${ns}`, {
      forceNew: true,
      reconnection: opts.reconnection ?? false,
      reconnectionDelay: 50,
      transports: opts.transports ?? ['websocket'],
      auth: {
        token: opts.token ?? '',
        protocolVersion: opts.protocolVersion ?? PROTOCOL_VERSION,
        client: opts.clientName ?? 'test',
        ...(opts.channels ? { channels: opts.channels } : {}),
        ...(opts.streamer ? { streamer: opts.streamer } : {}),
      },
      extraHeaders: opts.origin ? { origin: opts.origin } : undefined,
    });
    sockets.push(socket);
    return socket;
  };

  return {
    app,
    port,
    baseUrl,
    tokens,
    dataDir,
    client,
    connect(ns, role, opts = {}) {
      return connected(client(ns, { ...opts, token: tokens[role] }));
    },
    async watch(ns, role, opts = {}) {
      const socket = client(ns, { ...opts, token: tokens[role] });
      const watcher = watchClient(socket);
      await connected(socket);
      return { socket, watcher };
    },
    async stop() {
      for (const socket of sockets) socket.disconnect();
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Emits with an ack and waits for it (bounded, so a missing ack fails the test instead of hanging). */
export function request<T = unknown>(
  socket: Socket,
  event: string,
  ...args: unknown[]
): Promise<Ack<T>> {
  return socket.timeout(5_000).emitWithAck(event, ...args) as Promise<Ack<T>>;
}

/** Collects what a watching client receives. */
export interface Watcher {
  snapshots: StateSnapshot[];
  batches: UpdateBatch[];
  /** Snapshots and batches together, in the order they arrived. */
  arrivals: Array<StateSnapshot | UpdateBatch>;
  /** Resolves when `check` holds over everything received so far (checked on each arrival). */
  until(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

export function watchClient(socket: Socket): Watcher {
  const snapshots: StateSnapshot[] = [];
  const batches: UpdateBatch[] = [];
  const arrivals: Array<StateSnapshot | UpdateBatch> = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  socket.on('snapshot', (snapshot: StateSnapshot) => {
    snapshots.push(snapshot);
    arrivals.push(snapshot);
    wake();
  });
  socket.on('updates', (batch: UpdateBatch) => {
    batches.push(batch);
    arrivals.push(batch);
    wake();
  });
  return {
    snapshots,
    batches,
    arrivals,
    until(check, what, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const done = () => {
          if (!check()) return;
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(done);
          reject(new Error(`timed out waiting for ${what}`));
        }, timeoutMs);
        waiters.add(done);
        done();
      });
    },
  };
}
