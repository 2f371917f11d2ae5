/**
 * What `/overlay` and `/control` share: channel subscriptions, the snapshot on subscribe, and a
 * full snapshot on every connect that Socket.IO could not recover (an OBS reload, a long drop).
 */
import type { Socket } from 'socket.io';
import { fail, ok } from '../../shared/protocol/ack';
import type { Channel } from '../../shared/protocol/channels';
import type { SessionData } from '../auth/handshake';
import type { UpdateBatcher } from '../broadcast/batcher';
import { channelsOf, parseChannelRequest, subscribeSocket } from '../broadcast/subscriptions';
import type { Logger } from '../log';
import type { TokenBucket } from '../pipeline/rate-limit';
import type { Relay } from '../pipeline/relay';
import { guarded } from './replies';

export interface WatchDeps {
  relay: Relay;
  batcher: UpdateBatcher;
  log: Logger;
}

/** Subscribes and sends the snapshot; pending updates go first so the two never disagree. */
export function watch(socket: Socket, channels: Channel[], deps: WatchDeps): void {
  deps.batcher.flushNow();
  subscribeSocket(socket, channels);
  socket.emit('snapshot', deps.relay.snapshot(channels));
}

export function serveSubscribe(
  socket: Socket,
  deps: WatchDeps,
  bucket: TokenBucket,
  extra: (channels: Channel[]) => Record<string, unknown> = () => ({}),
): void {
  const session = socket.data as SessionData;
  socket.on(
    'subscribe',
    guarded(deps.log, 'subscribe', (payload, reply) => {
      if (!bucket.take(1))
        return reply(fail('RATE_LIMITED', 'too many requests from this socket; slow down'));
      const request = parseChannelRequest(payload, session.role);
      if (!request.ok) return reply(fail(request.code, request.message));
      // Ack first, then the snapshot: a client awaiting the ack finds its snapshot right after.
      reply(ok({ channels: request.channels, ...extra(request.channels) }));
      watch(socket, request.channels, deps);
    }),
  );
}

/**
 * On a connect Socket.IO did not recover: channels named in the handshake (`auth.channels`)
 * or `fallback` are subscribed and snapshotted at once. A recovered socket keeps its rooms and
 * receives what it missed, so it needs nothing.
 */
export function greet(socket: Socket, deps: WatchDeps, fallback: Channel[]): void {
  if (socket.recovered) {
    deps.log.debug('socket recovered', { id: socket.id, channels: channelsOf(socket) });
    return;
  }
  const asked = (socket.handshake.auth as { channels?: unknown } | undefined)?.channels;
  const session = socket.data as SessionData;
  const request = asked === undefined ? null : parseChannelRequest(asked, session.role);
  const channels = request?.ok ? request.channels : fallback;
  if (channels.length > 0) watch(socket, channels, deps);
}
