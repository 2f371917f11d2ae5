/** GET /health: is the relay alive, is the source live, is anything flowing, who is connected. */
import type { ObsState } from '../../shared/protocol/actions/actions-data';
import type { SourcesState } from '../../shared/protocol/channel-data';
import type { Namespace } from '../../shared/protocol/roles';
import type { Relay } from '../pipeline/relay';

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
}

export interface HealthDeps {
  relay: Relay;
  startedAt: number;
  sources: () => SourcesState;
  clients: () => Record<Namespace, number>;
  pendingUpdates: () => number;
  obs: () => ObsState;
  wall?: () => number;
}

export function healthReport(deps: HealthDeps): HealthReport {
  const now = (deps.wall ?? Date.now)();
  const last = deps.relay.stats.lastEventWall;
  const obs = deps.obs();
  return {
    ok: true,
    uptimeSeconds: Math.round((now - deps.startedAt) / 1000),
    stream: { id: deps.relay.currentStreamId, seq: deps.relay.seq },
    sources: deps.sources().sources,
    lastEventAgeMs: last === null ? null : now - last,
    eventsTotal: deps.relay.stats.total,
    eventsPerSecond: deps.relay.stats.perSecond(),
    clients: deps.clients(),
    pendingUpdates: deps.pendingUpdates(),
    obs: { status: obs.status, detail: obs.detail, retryAt: obs.retryAt },
  };
}
