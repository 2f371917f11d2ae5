/**
 * Channel subscriptions. Each socket joins one Socket.IO room named by its exact set of
 * channels (`ch:alerts,chat`), so a batch is filtered once per distinct set and encoded once per
 * room, not once per socket. Socket.IO's connection-state recovery restores the room with the
 * socket, and replays what was broadcast to it while the socket was away.
 */
import type { Socket } from 'socket.io';
import {
  CHANNELS,
  type Channel,
  isChannel,
  PANEL_ONLY_CHANNELS,
} from '../../shared/protocol/channels';
import type { Role } from '../../shared/protocol/roles';

const ROOM_PREFIX = 'ch:';

const PANEL_ONLY: ReadonlySet<Channel> = new Set<Channel>(PANEL_ONLY_CHANNELS);

export type ChannelRequest =
  | { ok: true; channels: Channel[] }
  | { ok: false; code: 'BAD_PAYLOAD' | 'FORBIDDEN'; message: string };

/** Validates a `subscribe` payload: an array of known channel names (duplicates dropped). */
export function parseChannelRequest(payload: unknown, role: Role): ChannelRequest {
  if (!Array.isArray(payload) || payload.length > CHANNELS.length * 2) {
    return {
      ok: false,
      code: 'BAD_PAYLOAD',
      message: `subscribe takes an array of channels: ${CHANNELS.join(', ')}`,
    };
  }
  const wanted = new Set<Channel>();
  for (const item of payload) {
    if (!isChannel(item)) {
      return { ok: false, code: 'BAD_PAYLOAD', message: `unknown channel ${JSON.stringify(item)}` };
    }
    if (PANEL_ONLY.has(item) && role !== 'owner' && role !== 'moderator') {
      return { ok: false, code: 'FORBIDDEN', message: `the ${role} role may not watch ${item}` };
    }
    wanted.add(item);
  }
  return { ok: true, channels: CHANNELS.filter((channel) => wanted.has(channel)) };
}

/** The room of a channel set; a `tag` (not a channel name) keeps a group of sockets apart. */
export function roomFor(channels: readonly Channel[], tag?: string): string {
  return `${ROOM_PREFIX}${channels.join(',')}${tag ? `,${tag}` : ''}`;
}

const parsedRooms = new Map<string, ReadonlySet<Channel>>();

/** The channels a subscription room stands for, or null for rooms that are not subscriptions. */
export function channelsOfRoom(room: string): ReadonlySet<Channel> | null {
  if (!room.startsWith(ROOM_PREFIX)) return null;
  let channels = parsedRooms.get(room);
  if (!channels) {
    const names = room.slice(ROOM_PREFIX.length).split(',').filter(isChannel);
    channels = new Set(names);
    parsedRooms.set(room, channels);
  }
  return channels;
}

/** Moves a socket to the room of its new channel set; returns the channels now subscribed. */
export function subscribeSocket(socket: Socket, channels: Channel[], tag?: string): Channel[] {
  for (const room of socket.rooms) {
    if (room.startsWith(ROOM_PREFIX)) void socket.leave(room);
  }
  if (channels.length > 0) void socket.join(roomFor(channels, tag));
  (socket.data as { channels?: Channel[] }).channels = channels;
  return channels;
}

export function channelsOf(socket: Socket): Channel[] {
  return (socket.data as { channels?: Channel[] }).channels ?? [];
}
