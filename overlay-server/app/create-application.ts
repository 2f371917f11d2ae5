/**
 * Builds the relay on a given HTTP server: Socket.IO namespaces with auth and per-token rate
 * limits, the streams this process serves (stream-directory.ts), HTTP routes, the advance timer
 * and the token sweep. The composition root (cli/start.ts) owns the process, the port and the
 * sources; tests build this on port 0. With `cluster`, several such processes share Socket.IO
 * rooms through Redis and each stream is written by one of them (overlay-server/cluster/).
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DefaultEventsMap, Server } from 'socket.io';
import type { HandshakeRefusal } from '../../shared/protocol/refusals';
import { NAMESPACES, type Namespace } from '../../shared/protocol/roles';
import { DEFAULT_STREAMER } from '../../shared/protocol/streamers';
import {
  handshakeMiddleware,
  RefusedHandshake,
  type SessionData,
  type SessionNamespace,
} from '../auth/handshake';
import { createHandshakeGuard } from '../auth/handshake-guard';
import { createOriginPolicy } from '../auth/origins';
import { TokenRegistry } from '../auth/token-registry';
import { sweepSockets } from '../auth/token-sweep';
import { boundedRecoveryAdapter } from '../broadcast/recovery-adapter';
import { createRequestHandler } from '../http/routes';
import { createMediaService } from '../media/media-service';
import { serveControl } from '../namespaces/control';
import { serveIngest } from '../namespaces/ingest';
import { serveOverlay } from '../namespaces/overlay';
import { directTarget, socketAdapterTarget } from '../namespaces/watch-targets';
import { refreshMoneyAccess, type WatchDeps } from '../namespaces/watchers';
import { LIMITS } from '../pipeline/limits';
import { createTokenBudgets } from '../pipeline/rate-limit';
import type { LocalStream } from '../streams/local-stream';
import { createLocalDirectory, type StreamDefaults } from '../streams/stream-directory';
import type { Application, ApplicationDeps, ApplicationOptions } from './application-options';

export type {
  Application,
  ApplicationDeps,
  ApplicationOptions,
  ClusterWiring,
} from './application-options';

export function createApplication(
  httpServer: HttpServer,
  deps: ApplicationDeps,
  options: ApplicationOptions,
): Application {
  const { log } = deps;
  const startedAt = Date.now();
  const port = () => (httpServer.address() as AddressInfo | null)?.port ?? 0;
  const origins = createOriginPolicy(
    options.hosts ?? ['127.0.0.1', 'localhost'],
    port,
    options.publicOrigins,
  );
  const tokens = deps.registry ?? new TokenRegistry(deps.tokens);
  const localBudgets = createTokenBudgets(options.rateBudgets, options.rateClock);
  const budgets =
    deps.cluster?.shareBudgets?.(localBudgets, options.rateBudgets ?? {}) ?? localBudgets;
  const guard = createHandshakeGuard(options.trustedProxies ?? [], options.rateClock);
  const recoveryWindowMs = options.recoveryWindowMs ?? 2 * 60_000;

  // Registered before Socket.IO attaches: it keeps this listener for everything outside
  // /socket.io/. The routes need the streams, which need the Socket.IO server: bound below.
  let handleRequest: ReturnType<typeof createRequestHandler> = (_req, res) => res.end();
  httpServer.on('request', (req, res) => handleRequest(req, res));

  const io = new Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SessionData>(
    httpServer,
    {
      // Compression costs more than it saves on small, frequent live messages (docs/targets.md).
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: LIMITS.maxHttpBufferSize,
      serveClient: false,
      connectionStateRecovery: {
        maxDisconnectionDuration: recoveryWindowMs,
        // A recovered socket passes the handshake check again: a revoked or expired token must
        // not come back through a session id.
        skipMiddlewares: false,
      },
      adapter: deps.cluster?.adapter ?? boundedRecoveryAdapter(options.recoveryMaxPackets),
      cors: {
        origin: (origin, callback) =>
          callback(null, origins.allows(origin) ? (origin ?? true) : false),
        methods: ['GET', 'POST'],
      },
    },
  );
  const watching: SessionNamespace[] = [io.of('/overlay'), io.of('/control')];

  let watchDeps: WatchDeps | null = null;
  const defaults: StreamDefaults = {
    home: options.dataDir,
    createRoom: deps.createRoom,
    revenueModel: options.revenueModel,
    log,
    snapshots: options.snapshots,
    batchWindowMs: options.batchWindowMs,
    recoveryWindowMs,
    watching,
    obsBackoff: options.obsBackoff,
    openJournal: options.openJournal,
    // The owner changed who sees money: this process's watchers of that stream follow.
    moneyAccessChanged(streamer, moderatorsSeeEarnings) {
      if (watchDeps) refreshMoneyAccess(watching, streamer, moderatorsSeeEarnings, watchDeps);
    },
  };
  const streams = deps.cluster
    ? deps.cluster.createDirectory(io, defaults)
    : createLocalDirectory(defaults);
  watchDeps = {
    streams,
    log,
    targetFor: deps.cluster ? socketAdapterTarget : directTarget,
  };
  const localDefault = (): LocalStream => {
    const stream = streams.localStreams().find((s) => s.streamer === DEFAULT_STREAMER);
    if (!stream) throw new Error('the default stream is not written by this process');
    return stream;
  };

  const clients = () =>
    Object.fromEntries(NAMESPACES.map((ns) => [ns, io.of(ns).sockets.size])) as Record<
      Namespace,
      number
    >;
  handleRequest = createRequestHandler({
    tokens,
    streams,
    home: options.dataDir,
    origins,
    createRoom: deps.createRoom,
    overlaysDir: options.overlaysDir,
    baseUrl: () => `http://127.0.0.1:${port()}`,
    media: createMediaService(options.dataDir, options.media),
    startedAt,
    clients,
    node: deps.cluster?.node,
  });

  // Origins are checked by each namespace's handshake (handshake.ts), not at the HTTP upgrade:
  // there a refusal reaches the client as a `connect_error` with its code (ORIGIN_REFUSED),
  // where an HTTP 403 only ever read "websocket error". No client connects to the main
  // namespace: it refuses everyone, so a foreign page that opens a transport gets nothing.
  io.use((_socket, next) =>
    next(new RefusedHandshake('FORBIDDEN', 'connect to /overlay, /control or /ingest')),
  );
  for (const ns of NAMESPACES) {
    const refused = (refusal: HandshakeRefusal, origin: string | undefined) =>
      log.warn('handshake refused', { ns, code: refusal.code, reason: refusal.message, origin });
    io.of(ns).use(handshakeMiddleware(ns, tokens, origins, refused, { budgets, guard }));
  }
  const namespaceDeps = { ...watchDeps, budgets, tokens };
  serveIngest(io.of('/ingest'), {
    ...namespaceDeps,
    log: log.child({ ns: '/ingest' }),
  });
  serveControl(io.of('/control'), {
    ...namespaceDeps,
    log: log.child({ ns: '/control' }),
  });
  serveOverlay(io.of('/overlay'), {
    ...namespaceDeps,
    log: log.child({ ns: '/overlay' }),
  });

  const advanceTimer = setInterval(() => {
    for (const stream of streams.localStreams()) {
      try {
        stream.advance();
      } catch (error) {
        log.error('advance failed', { streamer: stream.streamer, error: String(error) });
      }
    }
  }, options.advanceEveryMs ?? 250);
  advanceTimer.unref();

  // Tokens issued or revoked elsewhere (the CLI, another process) count within a second, and a
  // socket whose token was revoked or expired is closed.
  const everyNamespace = NAMESPACES.map((ns) => io.of(ns));
  let checking: Promise<void> | null = null;
  let again = false;
  const checkTokens = () => {
    if (checking) {
      again = true;
      return;
    }
    checking = tokens
      .refresh()
      .catch((error: unknown) => log.warn('tokens could not be re-read', { error: String(error) }))
      .then(() => {
        sweepSockets(everyNamespace, tokens, log);
      })
      .finally(() => {
        checking = null;
        if (again) {
          again = false;
          checkTokens();
        }
      });
  };
  const tokenTimer = setInterval(checkTokens, options.tokenCheckEveryMs ?? 1_000);
  tokenTimer.unref();
  const stopWatchingTokens = tokens.watch(checkTokens).catch((error: unknown) => {
    log.warn('token changes are polled only', { error: String(error) });
    return async () => {};
  });

  let closing: Promise<void> | null = null;
  let ended: string | null = null;
  return {
    io,
    get relay() {
      return localDefault().relay;
    },
    get sources() {
      return localDefault().sources;
    },
    get obs() {
      return localDefault().obs;
    },
    streams,
    tokens,
    port,
    resumed: streams.localStreams().find((s) => s.streamer === DEFAULT_STREAMER)?.resumed ?? null,
    endedStream: () => ended,
    close(closeOptions = {}) {
      closing ??= (async () => {
        clearInterval(advanceTimer);
        clearInterval(tokenTimer);
        await (await stopWatchingTokens)();
        const endedIds = await streams.close(closeOptions);
        ended = endedIds[0] ?? null;
        await io.close();
      })();
      return closing;
    },
  };
}
