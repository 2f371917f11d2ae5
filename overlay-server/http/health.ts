/**
 * GET /health: is this process alive, is the source live, is anything flowing, who is
 * connected. The top-level stream figures are the default stream's (the one a single server
 * serves) when this process writes it; `streams` lists every stream written here.
 */
import type { ObsState } from '../../shared/protocol/actions/actions-data';
import type { SourcesState } from '../../shared/protocol/channel-data';
import type { Namespace } from '../../shared/protocol/roles';
import { DEFAULT_STREAMER } from '../../shared/protocol/streamers';
import type { LocalStream } from '../streams/local-stream';
import type { StreamDirectory } from '../streams/stream-directory';

export interface HealthReport {
  ok: true;
  uptimeSeconds: number;
  stream: { id: string | null; seq: number };
  sources: SourcesState['sources'];
  /** Milliseconds since the last accepted event, null before the first. */
  lastEventAgeMs: number | null;
  eventsTotal: number;
  /** Events per second over the last 10 s, by kind. */
  eventsPerSecond: Record<string, number>;
  clients: Record<Namespace, number>;
  /** Updates waiting for the current frame window. */
  pendingUpdates: number;
  /** The link to OBS: `off`, `connecting`, `connected`, `unreachable` (retrying) or `refused`. */
  obs: { status: ObsState['status']; detail: string | null; retryAt: number | null };
  /** The streams this process writes. */
  streams: Array<{ streamer: string; streamId: string | null; seq: number; eventsTotal: number }>;
  /** In a cluster: this process's name among its peers. */
  node?: string;
}

export interface HealthDeps {
  streams: StreamDirectory;
  startedAt: number;
  clients: () => Record<Namespace, number>;
  node?: string;
  wall?: () => number;
}

export function healthReport(deps: HealthDeps): HealthReport {
  const now = (deps.wall ?? Date.now)();
  const local = deps.streams.localStreams();
  const main: LocalStream | undefined = local.find((s) => s.streamer === DEFAULT_STREAMER);
  const last = main?.relay.stats.lastEventWall ?? null;
  const report: HealthReport = {
    ok: true,
    uptimeSeconds: Math.round((now - deps.startedAt) / 1000),
    stream: { id: main?.relay.currentStreamId ?? null, seq: main?.relay.seq ?? 0 },
    sources: main?.sources.state().sources ?? [],
    lastEventAgeMs: last === null ? null : now - last,
    eventsTotal: main?.relay.stats.total ?? 0,
    eventsPerSecond: main?.relay.stats.perSecond() ?? {},
    clients: deps.clients(),
    pendingUpdates: main?.batcher.pending ?? 0,
    obs: obsOf(main),
    streams: local.map((stream) => ({
      streamer: stream.streamer,
      streamId: stream.relay.currentStreamId,
      seq: stream.relay.seq,
      eventsTotal: stream.relay.stats.total,
    })),
  };
  if (deps.node) report.node = deps.node;
  return report;
}

function obsOf(stream: LocalStream | undefined): HealthReport['obs'] {
  const state = stream?.obs.state();
  return state
    ? { status: state.status, detail: state.detail, retryAt: state.retryAt }
    : { status: 'off', detail: null, retryAt: null };
}
