/**
 * What `/overlay` and `/control` share: channel subscriptions, the snapshot on subscribe, and a
 * full snapshot on every connect that Socket.IO could not recover (an OBS reload, a long drop).
 */
import type { Namespace, Socket } from 'socket.io';
import { fail, ok } from '../../shared/protocol/ack';
import type { Channel } from '../../shared/protocol/channels';
import type { SessionData } from '../auth/handshake';
import type { UpdateBatcher } from '../broadcast/batcher';
import {
  type ChannelAccess,
  channelAccess,
  rememberWanted,
  roomTagFor,
  wantedBy,
} from '../broadcast/money-access';
import { channelsOf, parseChannelRequest, subscribeSocket } from '../broadcast/subscriptions';
import type { Logger } from '../log';
import type { TokenBucket } from '../pipeline/rate-limit';
import type { Relay } from '../pipeline/relay';
import { guarded } from './replies';

export interface WatchDeps {
  relay: Relay;
  batcher: UpdateBatcher;
  log: Logger;
  /** The owner changed who sees money: call after `settings.moderatorsSeeEarnings`. */
  moneyAccessChanged?: () => void;
}

/** What this socket may receive of the channels it asked for, by its role and the owner's setting. */
function accessOf(socket: Socket, wanted: readonly Channel[], deps: WatchDeps): ChannelAccess {
  const { role } = socket.data as SessionData;
  return channelAccess(role, wanted, deps.relay.moderatorsSeeEarnings);
}

function sendSnapshot(socket: Socket, access: ChannelAccess, deps: WatchDeps): void {
  const snapshot = deps.relay.snapshot(access.channels);
  socket.emit(
    'snapshot',
    access.withheld.length > 0 ? { ...snapshot, withheld: access.withheld } : snapshot,
  );
}

/**
 * Subscribes to what the socket may see of `wanted` and sends the snapshot; pending updates go
 * first so the two never disagree.
 */
export function watch(socket: Socket, wanted: Channel[], deps: WatchDeps): ChannelAccess {
  const access = accessOf(socket, wanted, deps);
  deps.batcher.flushNow();
  rememberWanted(socket, wanted);
  subscribeSocket(socket, access.channels, roomTagFor((socket.data as SessionData).role));
  sendSnapshot(socket, access, deps);
  return access;
}

/**
 * Brings a socket's subscription in line with the owner's current setting; a no-op when it is.
 * When channels are taken away the socket leaves its room before pending updates go out, so it
 * never receives money after the owner revoked it; then a snapshot says what is withheld.
 */
function followMoneyAccess(socket: Socket, deps: WatchDeps): void {
  const wanted = wantedBy(socket);
  const access = accessOf(socket, wanted, deps);
  const current = channelsOf(socket);
  if (access.channels.join(',') === current.join(',')) return;
  if (access.channels.length < current.length) {
    subscribeSocket(socket, access.channels, roomTagFor((socket.data as SessionData).role));
    deps.batcher.flushNow();
    sendSnapshot(socket, access, deps);
  } else watch(socket, wanted, deps);
}

/** After the owner changed `settings.moderatorsSeeEarnings`: every watcher follows at once. */
export function refreshMoneyAccess(namespaces: readonly Namespace[], deps: WatchDeps): void {
  for (const nsp of namespaces) {
    for (const socket of nsp.sockets.values()) followMoneyAccess(socket, deps);
  }
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
      const access = accessOf(socket, request.channels, deps);
      const withheld = access.withheld.length > 0 ? { withheld: access.withheld } : {};
      reply(ok({ channels: access.channels, ...withheld, ...extra(access.channels) }));
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
    // The owner may have changed who sees money while this socket was away.
    followMoneyAccess(socket, deps);
    return;
  }
  const asked = (socket.handshake.auth as { channels?: unknown } | undefined)?.channels;
  const session = socket.data as SessionData;
  const request = asked === undefined ? null : parseChannelRequest(asked, session.role);
  const channels = request?.ok ? request.channels : fallback;
  if (channels.length > 0) watch(socket, channels, deps);
}
