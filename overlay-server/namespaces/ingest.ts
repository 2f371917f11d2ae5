/** `/ingest`: sources push normalized events, one at a time or in batches. */
import type { Namespace, Socket } from 'socket.io';
import type { LiveEvent } from '../../shared/events/live-event';
import { fail, ok } from '../../shared/protocol/ack';
import type {
  IngestBatchResult,
  IngestClientToServer,
  IngestServerToClient,
} from '../../shared/protocol/namespaces';
import type { SessionData } from '../auth/handshake';
import type { Logger } from '../log';
import { jsonSize, LIMITS } from '../pipeline/limits';
import { createTokenBucket, RATE_BUDGETS } from '../pipeline/rate-limit';
import type { Relay } from '../pipeline/relay';
import { validateEvent } from '../pipeline/validate-event';
import { guarded, refuseUnknownEvents } from './replies';

export type IngestNamespace = Namespace<
  IngestClientToServer,
  IngestServerToClient,
  Record<never, never>,
  SessionData
>;

/**
 * `onEvents` sees every valid event a client sent (the source board tracks page capture's
 * health with it). `admit` may turn an event away as already reported by another source; it is
 * then answered as a duplicate.
 */
export function serveIngest(
  nsp: IngestNamespace,
  relay: Relay,
  log: Logger,
  onEvents?: (events: readonly LiveEvent[]) => void,
  admit: (event: LiveEvent) => boolean = () => true,
): void {
  nsp.on('connection', (socket: Socket) => {
    const bucket = createTokenBucket(RATE_BUDGETS.ingest);
    refuseUnknownEvents(socket, ['event', 'events']);

    socket.on(
      'event',
      guarded(log, 'event', (payload, reply) => {
        if (!bucket.take(1))
          return reply(fail('RATE_LIMITED', 'too many events from this socket; slow down'));
        const check = validateEvent(payload);
        if (!check.ok) return reply(fail(check.code, check.message));
        onEvents?.([check.event]);
        if (!admit(check.event)) return reply(ok({ accepted: false, duplicate: true }));
        const [outcome] = relay.ingest([check.event]);
        if (outcome === 'failed')
          return reply(fail('INTERNAL', 'the live room failed on this event'));
        reply(ok({ accepted: outcome === 'accepted', duplicate: outcome === 'duplicate' }));
      }),
    );

    socket.on(
      'events',
      guarded(log, 'events', (payloads, reply) => {
        if (!Array.isArray(payloads))
          return reply(fail('BAD_PAYLOAD', 'events takes an array of events'));
        if (payloads.length > LIMITS.maxBatchEvents) {
          return reply(
            fail(
              'TOO_LARGE',
              `${payloads.length} events in one batch, limit ${LIMITS.maxBatchEvents}`,
            ),
          );
        }
        const size = jsonSize(payloads);
        if (size > LIMITS.maxBatchBytes) {
          return reply(fail('TOO_LARGE', `batch is ${size} bytes, limit ${LIMITS.maxBatchBytes}`));
        }
        if (!bucket.take(Math.max(1, payloads.length))) {
          return reply(fail('RATE_LIMITED', 'too many events from this socket; slow down'));
        }
        const result: IngestBatchResult = { accepted: 0, duplicates: 0, rejected: [] };
        const valid: LiveEvent[] = [];
        const seen: LiveEvent[] = [];
        const indexes: number[] = [];
        // A batch under the per-event limit cannot hold an event over it: skip measuring each.
        const measureEach = size > LIMITS.maxEventBytes;
        payloads.forEach((payload: unknown, index) => {
          const check = validateEvent(payload, measureEach ? undefined : 0);
          if (check.ok) {
            seen.push(check.event);
            if (!admit(check.event)) {
              result.duplicates += 1;
              return;
            }
            valid.push(check.event);
            indexes.push(index);
          } else result.rejected.push({ index, code: check.code, message: check.message });
        });
        const outcomes = relay.ingest(valid);
        onEvents?.(seen);
        outcomes.forEach((outcome, i) => {
          if (outcome === 'accepted') result.accepted += 1;
          else if (outcome === 'duplicate') result.duplicates += 1;
          else
            result.rejected.push({
              index: indexes[i] ?? -1,
              code: 'INTERNAL',
              message: 'the live room failed on this event',
            });
        });
        reply(ok(result));
      }),
    );
  });
}
