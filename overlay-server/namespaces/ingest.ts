/** `/ingest`: sources push normalized events, one at a time or in batches. */
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { type EventSource, sourceSchema } from '../../shared/events/base';
import type { LiveEvent } from '../../shared/events/live-event';
import { parseWith } from '../../shared/events/parse';
import { fail, ok } from '../../shared/protocol/ack';
import type { IngestClientToServer, IngestServerToClient } from '../../shared/protocol/namespaces';
import type { SessionData } from '../auth/handshake';
import type { Logger } from '../log';
import { createTokenBucket, RATE_BUDGETS } from '../pipeline/rate-limit';
import type { Relay } from '../pipeline/relay';
import { validateEvent } from '../pipeline/validate-event';
import type { SourceStatus } from '../sources/source';
import { ingestBatch } from './ingest-batch';
import { guarded, refuseUnknownEvents } from './replies';

export type IngestNamespace = Namespace<
  IngestClientToServer,
  IngestServerToClient,
  Record<never, never>,
  SessionData
>;

/** How ingest talks to the source board (page capture's health and cross-source dedupe). */
export interface IngestHooks {
  /** Sees every valid event a client sent. */
  observe?(events: readonly LiveEvent[]): void;
  /** May turn an event away as already reported by another source: answered as a duplicate. */
  admit?(event: LiveEvent): boolean;
  /** A client's own status for its source. */
  status?(source: EventSource, status: SourceStatus): void;
}

const sourceStatusSchema = z.object({
  source: sourceSchema,
  state: z.enum(['connecting', 'live', 'waiting', 'offline', 'rateLimited', 'error', 'ended']),
  detail: z.string().max(200).nullable().default(null),
});

export function serveIngest(
  nsp: IngestNamespace,
  relay: Relay,
  log: Logger,
  hooks: IngestHooks = {},
): void {
  const onEvents = hooks.observe;
  const admit = hooks.admit ?? (() => true);
  nsp.on('connection', (socket: Socket) => {
    coalesceWrites(socket);
    const bucket = createTokenBucket(RATE_BUDGETS.ingest);
    refuseUnknownEvents(socket, ['event', 'events', 'status']);

    socket.on(
      'status',
      guarded(log, 'status', (payload, reply) => {
        const parsed = parseWith(sourceStatusSchema, payload);
        if (!parsed.ok) return reply(fail('BAD_PAYLOAD', parsed.message));
        const { source, state, detail } = parsed.value;
        hooks.status?.(source, { state, detail });
        reply(ok({ source, state }));
      }),
    );

    socket.on(
      'event',
      guarded(log, 'event', (payload, reply) => {
        if (!bucket.take(1))
          return reply(fail('RATE_LIMITED', 'too many events from this socket; slow down'));
        const check = validateEvent(payload);
        if (!check.ok) return reply(fail(check.code, check.message));
        onEvents?.([check.event]);
        if (!admit(check.event)) return reply(ok({ accepted: false, duplicate: true }));
        // Answered once the turn's journal write returned: nothing acknowledged is unwritten.
        relay.enqueue(check.event, (outcome, error) => {
          if (error) return reply(fail('INTERNAL', `journal write failed: ${error.message}`));
          if (outcome === 'failed')
            return reply(fail('INTERNAL', 'the live room failed on this event'));
          reply(ok({ accepted: outcome === 'accepted', duplicate: outcome === 'duplicate' }));
        });
      }),
    );

    socket.on(
      'events',
      guarded(log, 'events', (payloads, reply) => {
        reply(
          ingestBatch(payloads, {
            bucket,
            ingest: (events) => relay.ingest(events),
            admit,
            observe: onEvents,
          }),
        );
      }),
    );
  });
}

/**
 * A source sending one event per message gets one ack per event; engine.io writes the acks that
 * queued up meanwhile as one flush of separate WebSocket frames, each its own syscall. Corking the
 * TCP socket for the flush makes them one write (per-message writes are what cost: docs/targets.md).
 * Only for a connection that is a WebSocket from the start: then the handshake request's socket
 * is the one the frames go to.
 */
function coalesceWrites(socket: Socket): void {
  const conn = socket.conn;
  if (conn.transport.name !== 'websocket') return;
  const tcp = conn.request.socket;
  conn.on('flush', () => tcp.cork());
  conn.on('drain', () => tcp.uncork());
}
