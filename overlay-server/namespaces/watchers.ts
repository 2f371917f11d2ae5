/**
 * What `/overlay` and `/control` share: channel subscriptions, the snapshot on subscribe, and a
 * full snapshot on every connect that Socket.IO could not recover (an OBS reload, a long drop).
 * The socket's stream (its `StreamPort`) decides what the socket may see and sends the snapshot;
 * this side parses requests, answers them and keeps what the socket asked for.
 */
import { type Ack, fail, ok } from '../../shared/protocol/ack';
import type { Channel } from '../../shared/protocol/channels';
import type { SessionNamespace, SessionSocket } from '../auth/handshake';
import { channelAccess, rememberWanted, wantedBy } from '../broadcast/money-access';
import { channelsOf, parseChannelRequest } from '../broadcast/subscriptions';
import type { Logger } from '../log';
import { type TokenBucket, withinBudget } from '../pipeline/rate-limit';
import type { StreamDirectory } from '../streams/stream-directory';
import type { WatchAnswer, WatchTarget } from '../streams/stream-port';
import { guarded } from './replies';

export interface WatchDeps {
  streams: StreamDirectory;
  log: Logger;
  /** How a socket is subscribed and sent its snapshot (directly, or through the cluster's adapter). */
  targetFor(socket: SessionSocket): WatchTarget;
}

const sessionOf = (socket: SessionSocket) => socket.data;

/** Subscribes to what the socket may see of `wanted`; its stream sends the snapshot. */
export function watch(
  socket: SessionSocket,
  wanted: Channel[],
  deps: WatchDeps,
  done: (answer: Ack<WatchAnswer>) => void = () => {},
  following?: Channel[],
): void {
  const port = deps.streams.portFor(sessionOf(socket).streamer);
  port.watch(deps.targetFor(socket), { wanted, following }, (answer) => {
    if (answer.ok) {
      rememberWanted(socket, wanted);
      socket.data.channels = answer.data.channels;
    } else deps.log.warn('subscribe failed', { code: answer.code, reason: answer.message });
    done(answer);
  });
}

/**
 * Brings a socket's subscription in line with the owner's setting; a no-op when it is. Only
 * moderators' access depends on it.
 */
export function followMoneyAccess(
  socket: SessionSocket,
  moderatorsSeeEarnings: boolean,
  deps: WatchDeps,
): void {
  const { role } = sessionOf(socket);
  if (role !== 'moderator') return;
  const wanted = wantedBy(socket);
  const access = channelAccess(role, wanted, moderatorsSeeEarnings);
  const current = channelsOf(socket);
  if (access.channels.join(',') === current.join(',')) return;
  watch(socket, wanted, deps, undefined, current);
}

/** After the owner of `streamer` changed who sees money: its watchers here follow at once. */
export function refreshMoneyAccess(
  namespaces: readonly SessionNamespace[],
  streamer: string,
  moderatorsSeeEarnings: boolean,
  deps: WatchDeps,
): void {
  for (const nsp of namespaces) {
    for (const socket of nsp.sockets.values()) {
      if (sessionOf(socket).streamer === streamer)
        followMoneyAccess(socket, moderatorsSeeEarnings, deps);
    }
  }
}

const SUBSCRIBES_LIMITED = fail('RATE_LIMITED', 'too many requests from this token; slow down');

export function serveSubscribe(
  socket: SessionSocket,
  deps: WatchDeps,
  bucket: TokenBucket,
  extra: (channels: Channel[]) => Record<string, unknown> = () => ({}),
): void {
  const session = sessionOf(socket);
  socket.on(
    'subscribe',
    guarded(deps.log, 'subscribe', (payload, reply) =>
      withinBudget(bucket, 1, reply, SUBSCRIBES_LIMITED, () => {
        const request = parseChannelRequest(payload, session.role);
        if (!request.ok) return reply(fail(request.code, request.message));
        // The stream answers before it sends the snapshot: a client awaiting the ack finds its
        // snapshot right after (in a cluster the two may cross).
        watch(socket, request.channels, deps, (answer) => {
          if (!answer.ok) return reply(answer);
          const { channels, withheld } = answer.data;
          reply(
            ok({
              channels,
              ...(withheld.length > 0 ? { withheld } : {}),
              ...extra(channels),
            }),
          );
        });
      }),
    ),
  );
}

/**
 * On a connect Socket.IO did not recover: channels named in the handshake (`auth.channels`)
 * or `fallback` are subscribed and snapshotted at once. A recovered socket keeps its rooms and
 * receives what it missed; a moderator's still follows the owner's money setting.
 */
export function greet(socket: SessionSocket, deps: WatchDeps, fallback: Channel[]): void {
  const session = sessionOf(socket);
  if (socket.recovered) {
    deps.log.debug('socket recovered', { id: socket.id, channels: channelsOf(socket) });
    if (session.role !== 'moderator') return;
    // The owner may have changed who sees money while this socket was away.
    deps.streams.portFor(session.streamer).moderatorsSeeEarnings((answer) => {
      if (answer.ok) followMoneyAccess(socket, answer.data, deps);
    });
    return;
  }
  const asked = (socket.handshake.auth as { channels?: unknown } | undefined)?.channels;
  const request = asked === undefined ? null : parseChannelRequest(asked, session.role);
  const channels = request?.ok ? request.channels : fallback;
  if (channels.length > 0) watch(socket, channels, deps);
}
