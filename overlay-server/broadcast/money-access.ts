/**
 * Money is the owner's (issue 6: a moderator sees earnings only if the owner allows it). The
 * server, not the panel, enforces it: a moderator token's subscription leaves out the money
 * channels unless the owner's `settings.moderatorsSeeEarnings` is on. Sockets remember what
 * they asked for, so when the owner flips the setting their subscriptions follow at once.
 */
import type { Socket } from 'socket.io';
import type { Channel } from '../../shared/protocol/channels';
import type { Role } from '../../shared/protocol/roles';

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
export function wantedBy(socket: Socket): Channel[] {
  return (socket.data as { wanted?: Channel[] }).wanted ?? [];
}

export function rememberWanted(socket: Socket, wanted: readonly Channel[]): void {
  (socket.data as { wanted?: Channel[] }).wanted = [...wanted];
}
