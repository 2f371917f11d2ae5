/**
 * In-process sources (simulator, replay, connector) deliver here. Their events are validated
 * again like any ingest, grouped per turn of the event loop (one journal write per group), and
 * their status feeds the `sources` channel and /health.
 */
import type { EventSource } from '../../shared/events/base';
import type { LiveEvent } from '../../shared/events/live-event';
import type { SourceHealth, SourcesState } from '../../shared/protocol/channel-data';
import type { Logger } from '../log';
import type { Relay } from '../pipeline/relay';
import { validateEvent } from '../pipeline/validate-event';
import type { SourceSink, SourceStatus } from '../sources/source';

export interface SourceBoard {
  sinkFor(name: EventSource): SourceSink;
  state(): SourcesState;
  /** Delivers grouped events now (shutdown). */
  flush(): void;
}

export function createSourceBoard(relay: Relay, log: Logger): SourceBoard {
  const health = new Map<EventSource, SourceHealth>();
  const recent = new Map<EventSource, number[]>();
  let queue: LiveEvent[] = [];
  let scheduled: NodeJS.Immediate | null = null;

  const flush = () => {
    scheduled = null;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    relay.ingest(events);
  };
  const publish = () => relay.setSources(board.state());
  const perMinute = (name: EventSource, now: number) => {
    const times = (recent.get(name) ?? []).filter((t) => t > now - 60_000);
    recent.set(name, times);
    return times.length;
  };

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
          const times = recent.get(name) ?? [];
          times.push(now);
          if (times.length > 100_000) times.splice(0, times.length - 100_000);
          recent.set(name, times);
          queue.push(check.event);
          scheduled ??= setImmediate(flush);
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
      };
    },
    state() {
      const now = Date.now();
      return {
        sources: [...health.values()].map((h) => ({
          ...h,
          eventsPerMinute: perMinute(h.source, now),
        })),
      };
    },
    flush() {
      if (scheduled) clearImmediate(scheduled);
      flush();
    },
  };
  return board;
}
