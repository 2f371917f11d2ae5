/**
 * One raw connector event on its way to the relay: dropped when TikTok replayed it (seen by
 * message id), else recorded raw, mapped through the shared payload mapping, counted in the
 * input summary and emitted.
 */
import type { LiveEvent } from '../../../shared/events/live-event';
import type { MessageDeduper } from '../../../shared/events/message-dedupe';
import type { SourceClock } from '../clock';
import type { InputTally } from '../input-summary';
import type { SourceSink } from '../source';
import type { Obj } from '../tiktok-payloads/fields';
import { mapConnectorEvent, type PayloadMappingOptions } from '../tiktok-payloads/map-payload';
import { detectShape } from '../tiktok-payloads/shape';
import type { RawRecorder } from './raw-recorder';

export interface DeliveryContext {
  /** The streamer's handle, lower case: a gift whose `toUser` is the host is the host's. */
  hostHandle: string;
  /** Raw `name:msgId` keys (reconnect replays, dropped before recording) and event ids. */
  seen: MessageDeduper;
  /** What became of each payload, by the same reasons a report of the recording gives. */
  tally?: InputTally;
  sink: SourceSink;
  clock: SourceClock;
  recorder?: RawRecorder;
  mapping?: Omit<PayloadMappingOptions, 'source'>;
}

/** TikTok's message id, when the payload carries one. */
function messageIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const common = (data as { common?: { msgId?: unknown } }).common;
  const id = common?.msgId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * One raw event: dropped when its message id was seen (TikTok replays recent messages after
 * every connect), else recorded raw, mapped and emitted. One message the connector emits under
 * two names (`barrage` and `superFan`, `envelope` and `superFanBox`) maps to one event id: the
 * second is a duplicate, as in a report of the recording.
 */
export function deliver(name: string, data: unknown, ctx: DeliveryContext): LiveEvent | null {
  const msgId = messageIdOf(data);
  if (msgId !== null && ctx.seen.seen(`${name}:${msgId}`)) {
    ctx.tally?.add({ kind: 'duplicate', id: msgId, shape: detectShape(data as Obj) });
    return null;
  }
  const now = ctx.clock.now();
  ctx.recorder?.write(name, data, now);
  const result = mapConnectorEvent(name, data, now, { ...ctx.mapping, source: 'connector' });
  const { shape } = result;
  if (result.status === 'invalid') {
    ctx.tally?.add({ kind: 'skipped', reason: result.error.message, shape });
    ctx.sink.problem?.({ message: result.error.message });
    return null;
  }
  if (result.status === 'skipped') {
    ctx.tally?.add({ kind: 'skipped', reason: result.reason, shape });
    return null;
  }
  if (ctx.seen.seen(result.event.id)) {
    ctx.tally?.add({ kind: 'duplicate', id: result.event.id, shape });
    return null;
  }
  // TikTok names the host as `toUser` on ordinary gifts; only a guest makes a gift a guest's.
  const event =
    result.event.kind === 'gift' &&
    result.event.toUser?.handle.replace(/^@/, '').toLowerCase() === ctx.hostHandle
      ? { ...result.event, toUser: null }
      : result.event;
  ctx.tally?.add({ kind: 'event', event, shape });
  ctx.sink.emit(event);
  return event;
}
