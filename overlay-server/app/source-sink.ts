/**
 * In-process sources (simulator, replay, connector) deliver here. Their events are validated
 * again like any ingest, grouped per turn of the event loop (one journal write per group), and
 * their status feeds the `sources` channel and /health.
 */
import type { EventSource } from '../../shared/events/base';
import { createCrossSourceMessageFilter } from '../../shared/events/cross-source-messages';
import type { LiveEvent } from '../../shared/events/live-event';
import type { SourceHealth, SourcesState } from '../../shared/protocol/channel-data';
import type { InputSummary } from '../../shared/protocol/input-summary';
import type { Logger } from '../log';
import type { Relay } from '../pipeline/relay';
import { validateEvent } from '../pipeline/validate-event';
import type { SourceSink, SourceStatus } from '../sources/source';
import { createEventsPerMinute, type EventsPerMinute } from './events-per-minute';

export interface SourceBoard {
  sinkFor(name: EventSource): SourceSink;
  /**
   * Events that arrived on `/ingest` (page capture through the extension, external sources):
   * their source shows on the board as live while events keep coming, `waiting` after a quiet
   * minute. The relay has already taken them; this only tracks health.
   */
  observe(events: readonly LiveEvent[]): void;
  /**
   * False when another source already reported this chat line, follow, join, share or question
   * (connector and page capture side by side): it must count once. Gifts are the ledger's job.
   */
  admit(event: LiveEvent): boolean;
  /**
   * A status an /ingest client reported for its source (page capture attached, or stopped
   * because TikTok moved to another live). Until newer events arrive, it is what the board shows.
   */
  reportStatus(source: EventSource, status: SourceStatus): void;
  state(): SourcesState;
  /** Delivers grouped events now (shutdown). */
  flush(): void;
}

export function createSourceBoard(relay: Relay, log: Logger): SourceBoard {
  const health = new Map<EventSource, SourceHealth>();
  const tallies = new Map<EventSource, () => InputSummary>();
  const crossSource = createCrossSourceMessageFilter();
  const recent = new Map<EventSource, EventsPerMinute>();
  let queue: LiveEvent[] = [];
  let scheduled: NodeJS.Immediate | null = null;

  const flush = () => {
    scheduled = null;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    relay.ingest(events);
  };
  // Sources fed through /ingest have no status of their own: their health is their traffic.
  const ingestFed = new Set<EventSource>();
  const reported = new Map<EventSource, SourceStatus & { at: number }>();
  let lastPublishedAt = 0;
  const publish = () => {
    lastPublishedAt = Date.now();
    relay.setSources(board.state());
  };
  // Keeps last-event age and rate fresh on panels while events flow, at most every 2 s.
  const publishSoon = (now: number) => {
    if (now - lastPublishedAt >= PUBLISH_EVERY_MS) publish();
  };
  const perMinute = (name: EventSource, now: number) => recent.get(name)?.count(now) ?? 0;
  const countEvent = (name: EventSource, now: number) => {
    let rate = recent.get(name);
    if (!rate) {
      rate = createEventsPerMinute();
      recent.set(name, rate);
    }
    rate.add(now);
  };

  /** The board entry of a source that reaches the server through /ingest. */
  function ingestEntry(source: EventSource): SourceHealth {
    const known = health.get(source);
    if (known) return known;
    const entry: SourceHealth = {
      source,
      state: 'live',
      detail: 'via /ingest',
      primary: false,
      lastEventAt: null,
      eventsPerMinute: 0,
    };
    health.set(source, entry);
    ingestFed.add(source);
    return entry;
  }

  const board: SourceBoard = {
    sinkFor(name) {
      const entry: SourceHealth = {
        source: name,
        state: 'connecting',
        detail: null,
        primary: health.size === 0,
        lastEventAt: null,
        eventsPerMinute: 0,
      };
      health.set(name, entry);
      return {
        emit(event) {
          const check = validateEvent(event);
          if (!check.ok) {
            log.warn('source event rejected', {
              source: name,
              code: check.code,
              detail: check.message,
            });
            return;
          }
          const now = Date.now();
          entry.lastEventAt = now;
          if (!crossSource.admit(check.event)) {
            log.debug('reported by another source already', { source: name, id: check.event.id });
            return;
          }
          countEvent(name, now);
          queue.push(check.event);
          scheduled ??= setImmediate(flush);
          publishSoon(now);
        },
        status(status: SourceStatus) {
          entry.state = status.state;
          entry.detail = status.detail;
          log.info('source status', { source: name, state: status.state, detail: status.detail });
          flush();
          publish();
        },
        problem(problem) {
          log.warn('source input problem', { source: name, ...problem });
        },
        endOfInput() {
          flush();
          const settled = relay.settleOpenStreaks();
          if (settled > 0)
            log.info('open streaks committed at end of input', { source: name, settled });
          return settled;
        },
        inputTally(read) {
          tallies.set(name, read);
        },
      };
    },
    observe(events) {
      if (events.length === 0) return;
      const now = Date.now();
      for (const event of events) {
        const entry = ingestEntry(event.source);
        entry.lastEventAt = now;
        countEvent(event.source, now);
      }
      publishSoon(now);
    },
    admit(event) {
      // The page rounds the viewer count ("1.2K"); while the connector is live its exact count
      // is the one to keep.
      if (event.kind === 'viewers' && event.source === 'page') {
        if (health.get('connector')?.state === 'live') return false;
      }
      return crossSource.admit(event);
    },
    reportStatus(source, status) {
      const entry = ingestEntry(source);
      entry.detail = status.detail;
      reported.set(source, { ...status, at: Date.now() });
      log.info('source status', { source, state: status.state, detail: status.detail });
      publish();
    },
    state() {
      const now = Date.now();
      const sources = [...health.values()].map((h) => {
        const input = tallies.get(h.source)?.();
        if (!ingestFed.has(h.source)) {
          return { ...h, eventsPerMinute: perMinute(h.source, now), ...(input && { input }) };
        }
        // An /ingest source's own word stands until it sends events again; else its traffic.
        const own = reported.get(h.source);
        const ownIsNewer = own && (h.lastEventAt === null || own.at >= h.lastEventAt);
        const lastSign = Math.max(h.lastEventAt ?? 0, own?.state === 'live' ? own.at : 0);
        const quiet = now - lastSign > INGEST_QUIET_MS;
        const state: SourceHealth['state'] =
          own && ownIsNewer && own.state !== 'live' ? own.state : quiet ? 'waiting' : 'live';
        const detail = own && ownIsNewer ? own.detail : h.detail;
        return { ...h, state, detail, eventsPerMinute: perMinute(h.source, now) };
      });
      const primary = primarySource(sources);
      return { sources: sources.map((h) => ({ ...h, primary: h.source === primary })) };
    },
    flush() {
      if (scheduled) clearImmediate(scheduled);
      flush();
    },
  };
  return board;
}

const PUBLISH_EVERY_MS = 2_000;
/** An /ingest-fed source with no event for this long shows as waiting. */
const INGEST_QUIET_MS = 60_000;
/** When several sources are live, the one whose numbers count first: TikTok's own feed wins. */
const PRIMARY_ORDER: readonly EventSource[] = ['connector', 'page', 'replay', 'simulator', 'test'];

/** The primary source: the first live one in `PRIMARY_ORDER`, else the first registered. */
export function primarySource(sources: readonly SourceHealth[]): EventSource | null {
  for (const name of PRIMARY_ORDER) {
    if (sources.some((s) => s.source === name && s.state === 'live')) return name;
  }
  return sources[0]?.source ?? null;
}
