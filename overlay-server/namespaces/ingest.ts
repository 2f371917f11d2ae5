/** `/ingest`: sources push normalized events, one at a time or in batches. */
import type { Namespace } from 'socket.io';
import { z } from 'zod';
import { sourceSchema } from '../../shared/events/base';
import { parseWith } from '../../shared/events/parse';
import { fail, ok } from '../../shared/protocol/ack';
import type { IngestClientToServer, IngestServerToClient } from '../../shared/protocol/namespaces';
import type { SessionData, SessionSocket } from '../auth/handshake';
import type { Logger } from '../log';
import { withinBudget } from '../pipeline/rate-limit';
import { validateEvent } from '../pipeline/validate-event';
import type { StreamDirectory } from '../streams/stream-directory';
import { type BudgetDeps, bucketOf } from './budgets';
import { ingestBatch } from './ingest-batch';
import { payloadSizes } from './payload-size';
import { guarded, refuseUnknownEvents } from './replies';

export type IngestNamespace = Namespace<
  IngestClientToServer,
  IngestServerToClient,
  Record<never, never>,
  SessionData
>;

export interface IngestDeps extends BudgetDeps {
  streams: StreamDirectory;
  log: Logger;
}

const sourceStatusSchema = z.object({
  source: sourceSchema,
  state: z.enum(['connecting', 'live', 'waiting', 'offline', 'rateLimited', 'error', 'ended']),
  detail: z.string().max(200).nullable().default(null),
});

const RATE_LIMITED = fail('RATE_LIMITED', 'too many events from this token; slow down');

export function serveIngest(nsp: IngestNamespace, deps: IngestDeps): void {
  const { log } = deps;
  nsp.on('connection', (socket: SessionSocket) => {
    coalesceWrites(socket);
    const sizeOf = payloadSizes(socket);
    const session = socket.data;
    const bucket = bucketOf(socket, '/ingest', deps);
    // The socket's stream; looked up per message, as its writer may move (a cluster).
    const stream = () => deps.streams.portFor(session.streamer);
    refuseUnknownEvents(socket, ['event', 'events', 'status']);

    socket.on(
      'status',
      guarded(log, 'status', (payload, reply) =>
        withinBudget(bucket, 1, reply, RATE_LIMITED, () => {
          const parsed = parseWith(sourceStatusSchema, payload);
          if (!parsed.ok) return reply(fail('BAD_PAYLOAD', parsed.message));
          const { source, state, detail } = parsed.value;
          stream().reportStatus(source, { state, detail }, (answer) =>
            reply(answer.ok ? ok({ source, state }) : answer),
          );
        }),
      ),
    );

    socket.on(
      'event',
      guarded(log, 'event', (payload, reply) =>
        withinBudget(bucket, 1, reply, RATE_LIMITED, () => {
          const check = validateEvent(payload, sizeOf(payload));
          if (!check.ok) return reply(fail(check.code, check.message));
          stream().ingestOne(check.event, reply);
        }),
      ),
    );

    socket.on(
      'events',
      guarded(log, 'events', (payloads, reply) => {
        ingestBatch(
          payloads,
          { bucket, sizeOf, ingest: (events, done) => stream().ingestMany(events, done) },
          reply,
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
function coalesceWrites(socket: SessionSocket): void {
  const conn = socket.conn;
  if (conn.transport.name !== 'websocket') return;
  const tcp = conn.request.socket;
  conn.on('flush', () => tcp.cork());
  conn.on('drain', () => tcp.uncork());
}
