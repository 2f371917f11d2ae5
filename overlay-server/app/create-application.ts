/**
 * Builds the relay on a given HTTP server: Socket.IO namespaces with auth, the pipeline, the
 * broadcaster, HTTP routes and the advance timer. The composition root (cli/start.ts) owns the
 * process, the port and the sources; tests build this on port 0.
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { HandshakeRefusal } from '../../shared/protocol/handshake';
import { NAMESPACES, type Namespace } from '../../shared/protocol/roles';
import type { RevenueModel } from '../../shared/revenue/revenue-model';
import { ActionStore } from '../actions/action-store';
import { createMediaCheck } from '../actions/media-check';
import { handshakeMiddleware } from '../auth/handshake';
import { createOriginPolicy } from '../auth/origins';
import type { RoleTokens } from '../auth/tokens';
import { createUpdateBatcher } from '../broadcast/batcher';
import { createFanout } from '../broadcast/fanout';
import { withheldFromRoom } from '../broadcast/money-access';
import { boundedRecoveryAdapter } from '../broadcast/recovery-adapter';
import { ClipLibrary } from '../clips/clip-library';
import { createRequestHandler } from '../http/routes';
import type { RoomFactory } from '../journal/recovery';
import type { Logger } from '../log';
import { createMediaService, type MediaOptions } from '../media/media-service';
import { type ControlNamespace, serveControl } from '../namespaces/control';
import { type IngestNamespace, serveIngest } from '../namespaces/ingest';
import { type OverlayNamespace, serveOverlay } from '../namespaces/overlay';
import { refreshMoneyAccess } from '../namespaces/watchers';
import { createObsService, type ObsService } from '../obs/obs-service';
import { LIMITS } from '../pipeline/limits';
import { Relay, type RelayOptions } from '../pipeline/relay';
import type { BackoffOptions } from '../sources/connector/backoff';
import type { SnapshotPolicy } from '../stream/live-stream';
import { createSourceBoard, type SourceBoard } from './source-sink';

export interface ApplicationDeps {
  createRoom: RoomFactory;
  tokens: RoleTokens;
  log: Logger;
}

export interface ApplicationOptions {
  /** Config and data folder; journals go to `<dataDir>/streams/`. */
  dataDir: string;
  /** The built overlay pages served at /overlays/. */
  overlaysDir: string;
  /** Host names the server is reached by (its own page origins): 127.0.0.1, localhost, a LAN IP. */
  hosts?: string[];
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
  /** How the OBS link waits between attempts (tests make it quick). */
  obsBackoff?: BackoffOptions;
  /** Opens each stream's journal (default: the real writer; tests wrap it to count writes). */
  openJournal?: RelayOptions['openJournal'];
}

export interface Application {
  io: Server;
  relay: Relay;
  sources: SourceBoard;
  /** The link to OBS and the OBS actions. */
  obs: ObsService;
  /** The bound port (after `listen`). */
  port(): number;
  /** Set when the last stream was resumed at start. */
  resumed: ReturnType<Relay['resume']>;
  /**
   * Flushes the journal, closes sockets and the HTTP server. With `endStream` (a clean stop) the
   * running stream ends first, for that reason; without it, it stays resumable.
   */
  close(options?: { endStream?: string }): Promise<void>;
  /** The stream `close({endStream})` ended, once it has. */
  endedStream(): string | null;
}

export function createApplication(
  httpServer: HttpServer,
  deps: ApplicationDeps,
  options: ApplicationOptions,
): Application {
  const { log, tokens } = deps;
  const startedAt = Date.now();
  const port = () => (httpServer.address() as AddressInfo | null)?.port ?? 0;
  const origins = createOriginPolicy(options.hosts ?? ['127.0.0.1', 'localhost'], port);

  const relay = new Relay({
    dataDir: options.dataDir,
    createRoom: deps.createRoom,
    revenueModel: options.revenueModel,
    log,
    snapshots: options.snapshots,
    actions: new ActionStore(options.dataDir, log),
    openJournal: options.openJournal,
  });
  const resumed = relay.resume();
  if (resumed) log.info('stream resumed', resumed);
  const sources = createSourceBoard(relay, log);
  const clips = new ClipLibrary(
    options.dataDir,
    (state) => relay.setClips(state),
    (message) => log.warn(message),
  );
  relay.setClips(clips.state());
  const checkMedia = createMediaCheck(clips, (runId, succeeded, reason) =>
    relay.reportActionOutcome(runId, succeeded, reason),
  );
  const obs = createObsService({
    dataDir: options.dataDir,
    log,
    publish: (state) => relay.setObs(state),
    report: (runId, succeeded, reason) => relay.reportActionOutcome(runId, succeeded, reason),
    backoff: options.obsBackoff,
  });

  let io: Server | null = null;
  const clients = () =>
    Object.fromEntries(NAMESPACES.map((ns) => [ns, io?.of(ns).sockets.size ?? 0])) as Record<
      Namespace,
      number
    >;
  let pendingUpdates = () => 0;

  // Registered before Socket.IO attaches: it keeps this listener for everything outside /socket.io/.
  httpServer.on(
    'request',
    createRequestHandler({
      relay,
      tokens,
      origins,
      dataDir: options.dataDir,
      createRoom: deps.createRoom,
      overlaysDir: options.overlaysDir,
      baseUrl: () => `http://127.0.0.1:${port()}`,
      media: createMediaService(options.dataDir, options.media),
      clips,
      startedAt,
      sources: () => sources.state(),
      obs: () => obs.state(),
      clients,
      pendingUpdates: () => pendingUpdates(),
    }),
  );

  io = new Server(httpServer, {
    // Compression costs more than it saves on small, frequent live messages (docs/targets.md).
    perMessageDeflate: false,
    httpCompression: false,
    maxHttpBufferSize: LIMITS.maxHttpBufferSize,
    serveClient: false,
    connectionStateRecovery: {
      maxDisconnectionDuration: options.recoveryWindowMs ?? 2 * 60_000,
      skipMiddlewares: true,
    },
    adapter: boundedRecoveryAdapter(options.recoveryMaxPackets),
    cors: {
      origin: (origin, callback) =>
        callback(null, origins.allows(origin) ? (origin ?? true) : false),
      methods: ['GET', 'POST'],
    },
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (origins.allows(origin)) return callback(null, true);
      log.warn('connection refused', { code: 'ORIGIN_REFUSED', origin });
      callback(`ORIGIN_REFUSED: origin ${origin} is not allowed`, false);
    },
  });

  for (const ns of NAMESPACES) {
    const refused = (refusal: HandshakeRefusal, origin: string | undefined) =>
      log.warn('handshake refused', { ns, code: refusal.code, reason: refusal.message, origin });
    io.of(ns).use(handshakeMiddleware(ns, tokens, origins, refused));
  }
  const overlayNsp = io.of('/overlay') as unknown as OverlayNamespace;
  const controlNsp = io.of('/control') as unknown as ControlNamespace;
  const ingestNsp = io.of('/ingest') as unknown as IngestNamespace;

  const recoveryWindowMs = options.recoveryWindowMs ?? 2 * 60_000;
  const watching = [io.of('/overlay'), io.of('/control')];
  const fanout = createFanout(watching, recoveryWindowMs, Date.now, (room) =>
    withheldFromRoom(room, () => relay.moderatorsSeeEarnings),
  );
  const batcher = createUpdateBatcher({
    windowMs: options.batchWindowMs,
    send: (updates) => fanout.sendUpdates(updates, relay.seq),
  });
  pendingUpdates = () => batcher.pending;
  relay.attach({
    updates: (updates) => {
      batcher.push(updates);
      obs.onUpdates(updates);
      checkMedia(updates);
    },
    streamChanged: () => {
      batcher.flushNow();
      fanout.sendSnapshots((channels) => relay.snapshot(channels));
    },
  });

  const watchDeps = {
    relay,
    batcher,
    log,
    moneyAccessChanged: () => refreshMoneyAccess(watching, watchDeps),
  };
  serveIngest(ingestNsp, relay, log.child({ ns: '/ingest' }), {
    observe: (events) => sources.observe(events),
    admit: (event) => sources.admit(event),
    status: (source, status) => sources.reportStatus(source, status),
  });
  serveControl(controlNsp, { ...watchDeps, obs, log: log.child({ ns: '/control' }) });
  obs.start();
  serveOverlay(overlayNsp, { ...watchDeps, log: log.child({ ns: '/overlay' }) });

  // Source rates and last-event times go stale between status changes: republish them now and then.
  const sourcesEveryMs = 5_000;
  let sourcesPublishedAt = Date.now();
  const advanceTimer = setInterval(() => {
    try {
      relay.advance();
      if (Date.now() - sourcesPublishedAt >= sourcesEveryMs && sources.state().sources.length > 0) {
        sourcesPublishedAt = Date.now();
        relay.setSources(sources.state());
      }
    } catch (error) {
      log.error('advance failed', { error: String(error) });
    }
  }, options.advanceEveryMs ?? 250);
  advanceTimer.unref();

  let closing: Promise<void> | null = null;
  let ended: string | null = null;
  const server = io;
  return {
    io: server,
    relay,
    sources,
    obs,
    port,
    resumed,
    endedStream: () => ended,
    close(closeOptions = {}) {
      closing ??= (async () => {
        clearInterval(advanceTimer);
        sources.flush();
        // No await between the end and the relay's close: nothing arriving in between could
        // open a new stream.
        if (closeOptions.endStream) ended = relay.endRunningStream(closeOptions.endStream);
        batcher.flushNow();
        batcher.stop();
        relay.close();
        await obs.close();
        await server.close();
      })();
      return closing;
    },
  };
}
