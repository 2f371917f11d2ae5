/**
 * Events/s across two server processes against one, in the same run. Several streams (a stream
 * has exactly one writer, so one stream cannot go faster on two processes) each get a source
 * pushing acknowledged `events` batches as fast as the acks come back. One process: every
 * stream in it. Two processes sharing a real redis-server (`npm start -- --redis`): each source
 * connects to one of them in turn, and the process its first batch reaches takes the stream's
 * lease, so each process writes half the streams. The figure is acknowledged (journaled)
 * events per second over all streams; the ratio is two processes ÷ one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { loadOrCreateConfig } from '../../overlay-server/auth/config-file';
import { createTokenFileStore } from '../../overlay-server/auth/token-file-store';
import { TokenRegistry, type TokenStore } from '../../overlay-server/auth/token-registry';
import { type RunningRedis, startRedis } from '../../overlay-server/cluster/local-redis';
import { connectRedis, type RedisClient } from '../../overlay-server/cluster/redis-client';
import { createRedisTokenStore } from '../../overlay-server/cluster/redis-token-store';
import { silentLogger } from '../../overlay-server/log';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { pushEvents } from '../lib/ingest-client';
import {
  freshHome,
  getJson,
  type LimelightServer,
  startLimelight,
  UNLIMITED_RATE,
} from '../lib/limelight-server';
import { pollUntil } from '../lib/processes';
import { figure, type PartRecorder } from '../lib/results';
import { benchChatEvent } from '../relay/bench-event';

export interface ClusterBenchOptions {
  /** Streams pushed at once (an even number spreads evenly over two processes). */
  streams: number;
  eventsPerStream: number;
  batchSize: number;
  repetitions: number;
}

export const QUICK_CLUSTER: ClusterBenchOptions = {
  streams: 4,
  eventsPerStream: 5_000,
  batchSize: 100,
  repetitions: 1,
};
export const FULL_CLUSTER: ClusterBenchOptions = {
  streams: 4,
  eventsPerStream: 20_000,
  batchSize: 100,
  repetitions: 3,
};

/** Far above any real source: the bench measures the relay, not the per-token budget. */

export async function clusterBench(part: PartRecorder, options: ClusterBenchOptions) {
  const one: number[] = [];
  const two: number[] = [];
  for (let run = 0; run < options.repetitions; run++) {
    one.push(await throughput(1, options, run, part));
    two.push(await throughput(2, options, run, part));
  }
  part.add(figure('one process: acknowledged events/s over all streams', 'events/s', one));
  part.add(figure('two processes on Redis: acknowledged events/s', 'events/s', two));
  part.add(
    figure(
      'two processes ÷ one',
      '×',
      two.map((value, i) => value / (one[i] ?? Number.NaN)),
    ),
  );
  part.note(
    `${options.streams} streams × ${options.eventsPerStream} chat events in batches of ${options.batchSize}, each source waiting for its ack; both processes share this machine's cores with redis-server and the sources.`,
  );
}

async function throughput(
  processes: 1 | 2,
  options: ClusterBenchOptions,
  run: number,
  part: PartRecorder,
): Promise<number> {
  const home = freshHome(`cluster-${processes}`);
  const { config, path } = loadOrCreateConfig(home);
  // The default stream's ingest token gets the same room as the issued ones.
  writeFileSync(
    path,
    JSON.stringify({
      ...JSON.parse(readFileSync(path, 'utf8')),
      limits: { ingest: UNLIMITED_RATE },
    }),
  );
  let redis: RunningRedis | null = null;
  let client: RedisClient | null = null;
  const servers: LimelightServer[] = [];
  const sockets: Socket[] = [];
  try {
    let store: TokenStore = createTokenFileStore(home);
    if (processes === 2) {
      redis = await startRedis();
      client = await connectRedis(redis.url, silentLogger);
      store = createRedisTokenStore(client);
    }
    for (let i = 0; i < processes; i++) {
      const cluster = redis ? ['--redis', redis.url, '--node', `n${i}`] : [];
      servers.push(await startLimelight({ home, args: cluster }));
    }
    const registry = new TokenRegistry(config.tokens, store);
    const streams = Array.from({ length: options.streams }, (_, i) => `bench-${i}`);
    for (const [i, streamer] of streams.entries()) {
      const { secret } = await registry.issue({
        role: 'ingest',
        streamers: [streamer],
        expiresAt: null,
        rate: UNLIMITED_RATE,
      });
      const server = servers[i % processes] as LimelightServer;
      sockets.push(await sourceFor(server.baseUrl, secret, streamer));
    }
    const events = streams.map((_, s) =>
      Array.from({ length: options.eventsPerStream + 1 }, (_, n) =>
        benchChatEvent(run * 100 + processes * 10 + s, n),
      ),
    );
    // The first event of each stream opens it (and, in the cluster, takes its lease where sent).
    await Promise.all(
      sockets.map((socket, s) =>
        pushEvents(socket, (events[s] ?? []).slice(0, 1), {
          batchSize: 1,
          maxPerSecond: Number.POSITIVE_INFINITY,
        }),
      ),
    );
    const started = performance.now();
    const totals = await Promise.all(
      sockets.map((socket, s) =>
        pushEvents(socket, (events[s] ?? []).slice(1), {
          batchSize: options.batchSize,
          maxPerSecond: Number.POSITIVE_INFINITY,
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const accepted = totals.reduce((sum, t) => sum + t.accepted, 0);
    if (accepted !== options.streams * options.eventsPerStream) {
      throw new Error(`accepted ${accepted} of ${options.streams * options.eventsPerStream}`);
    }
    if (processes === 2) {
      const written = await Promise.all(
        servers.map(async (server) => {
          const health = (await getJson(server, '/health')) as { streams: unknown[] };
          return health.streams.length;
        }),
      );
      part.note(`run ${run + 1}: streams written per process ${written.join(' and ')}`);
    }
    return accepted / seconds;
  } finally {
    for (const socket of sockets) socket.disconnect();
    for (const server of servers) await server.stop();
    await client?.quit();
    await redis?.stop();
  }
}

/** An /ingest source of one stream; waits until the server knows its freshly issued token. */
async function sourceFor(baseUrl: string, token: string, streamer: string): Promise<Socket> {
  let socket: Socket | null = null;
  const connected = await pollUntil(
    async () => {
      const attempt = io(`${baseUrl}/ingest`, {
        auth: { token, protocolVersion: PROTOCOL_VERSION, client: 'bench:cluster', streamer },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      const ok = await new Promise<boolean>((resolve) => {
        attempt.once('connect', () => resolve(true));
        attempt.once('connect_error', () => resolve(false));
      });
      if (ok) socket = attempt;
      else attempt.disconnect();
      return ok;
    },
    10_000,
    200,
  );
  if (!connected || !socket) throw new Error(`the ingest token of ${streamer} was never accepted`);
  return socket;
}
