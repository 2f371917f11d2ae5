/**
 * Channel subscriptions. Each socket joins one Socket.IO room named by its exact set of
 * channels (`ch:alerts,chat`), so a batch is filtered once per distinct set and encoded once per
 * room, not once per socket. Socket.IO's connection-state recovery restores the room with the
 * socket, and replays what was broadcast to it while the socket was away.
 */
import {
  CHANNELS,
  type Channel,
  isChannel,
  PANEL_ONLY_CHANNELS,
} from '../../shared/protocol/channels';
import type { Role } from '../../shared/protocol/roles';
import { DEFAULT_STREAMER } from '../../shared/protocol/streamers';
import type { SessionSocket } from '../auth/handshake';

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

/**
 * The room of a channel set; each tag (not a channel name) keeps a group of sockets apart: the
 * stream's (`streamerTag`) and a role's (money-access.ts).
 */
export function roomFor(channels: readonly Channel[], ...tags: Array<string | undefined>): string {
  let room = `${ROOM_PREFIX}${channels.join(',')}`;
  for (const tag of tags) if (tag) room += `,${tag}`;
  return room;
}

const STREAMER_TAG = '~';

/**
 * The tag of a stream's rooms: none for the default stream (its rooms keep their single-stream
 * names), `~<id>` for the others, so each stream's fan-out finds its own rooms.
 */
export const streamerTag = (streamer: string): string | undefined =>
  streamer === DEFAULT_STREAMER ? undefined : `${STREAMER_TAG}${streamer}`;

const roomStreamers = new Map<string, string>();

/** The stream a subscription room belongs to. */
export function streamerOfRoom(room: string): string {
  let streamer = roomStreamers.get(room);
  if (streamer === undefined) {
    const tag = room.split(',').find((part) => part.startsWith(STREAMER_TAG));
    streamer = tag ? tag.slice(STREAMER_TAG.length) : DEFAULT_STREAMER;
    roomStreamers.set(room, streamer);
  }
  return streamer;
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

export const isSubscriptionRoom = (room: string): boolean => room.startsWith(ROOM_PREFIX);

export function channelsOf(socket: SessionSocket): Channel[] {
  return socket.data.channels ?? [];
}
