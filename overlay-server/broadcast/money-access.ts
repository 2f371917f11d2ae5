/**
 * Money is the owner's: a moderator sees earnings only if the owner allows it. The
 * server, not the panel, enforces it: a moderator token's subscription leaves out the money
 * channels unless the owner's `settings.moderatorsSeeEarnings` is on. Sockets remember what
 * they asked for, so when the owner flips the setting their subscriptions follow at once.
 */
import type { Channel } from '../../shared/protocol/channels';
import type { Role } from '../../shared/protocol/roles';
import type { SessionSocket } from '../auth/handshake';

/** Channels that carry revenue figures (diamonds, USD, the revenue model). */
const MONEY_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['earnings']);

/** What a socket receives of what it asked for, and what the server holds back. */
export interface ChannelAccess {
  channels: Channel[];
  /** Asked for but held back from this role right now (empty when nothing is). */
  withheld: Channel[];
}

/** Whether this role sees money given the owner's setting. */
export const roleSeesMoney = (role: Role, moderatorsSeeEarnings: boolean): boolean =>
  role !== 'moderator' || moderatorsSeeEarnings;

export function channelAccess(
  role: Role,
  wanted: readonly Channel[],
  moderatorsSeeEarnings: boolean,
): ChannelAccess {
  if (roleSeesMoney(role, moderatorsSeeEarnings)) return { channels: [...wanted], withheld: [] };
  return {
    channels: wanted.filter((channel) => !MONEY_CHANNELS.has(channel)),
    withheld: wanted.filter((channel) => MONEY_CHANNELS.has(channel)),
  };
}

/** The channels a socket asked for (before any were withheld). */
export function wantedBy(socket: SessionSocket): Channel[] {
  return socket.data.wanted ?? [];
}

export function rememberWanted(socket: SessionSocket, wanted: readonly Channel[]): void {
  socket.data.wanted = [...wanted];
}

/**
 * Moderators' sockets get rooms of their own (`ch:…,@moderator`), so the fan-out can keep money
 * from them even in a room whose sockets dropped: Socket.IO replays what a room received to a
 * socket that recovers, and the owner may have revoked the setting meanwhile.
 */
const MODERATOR_ROOM_TAG = '@moderator';

export const roomTagFor = (role: Role): string | undefined =>
  role === 'moderator' ? MODERATOR_ROOM_TAG : undefined;

const NOTHING: ReadonlySet<Channel> = new Set();

/**
 * The channels a subscription room must not be sent now (for the fan-out). The setting is read
 * only for moderators' rooms: overlays' rooms, the hot path, never pay for it.
 */
export function withheldFromRoom(
  room: string,
  moderatorsSeeEarnings: () => boolean,
): ReadonlySet<Channel> {
  return room.endsWith(`,${MODERATOR_ROOM_TAG}`) && !moderatorsSeeEarnings()
    ? MONEY_CHANNELS
    : NOTHING;
}
