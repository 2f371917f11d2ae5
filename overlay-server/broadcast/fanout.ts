/**
 * Sends a batch to every subscription room of the watching namespaces (`/overlay`, `/control`),
 * each room getting only the updates of its channels, encoded once per room. A room whose
 * sockets all dropped keeps receiving for the recovery window: Socket.IO stores those packets,
 * and a socket that comes back within the window is handed exactly what it missed.
 */
import type { Namespace as IoNamespace } from 'socket.io';
import type {
  Channel,
  ChannelUpdate,
  StateSnapshot,
  UpdateBatch,
} from '../../shared/protocol/channels';
import { channelsOfRoom } from './subscriptions';

export interface Fanout {
  sendUpdates(updates: readonly ChannelUpdate[], seq: number): void;
  /** Sends each subscription room a fresh snapshot of its channels (a new stream began). */
  sendSnapshots(snapshotFor: (channels: Channel[]) => StateSnapshot): void;
}

interface KnownRoom {
  nsp: IoNamespace;
  room: string;
  channels: ReadonlySet<Channel>;
  /** Wall time the room last had a member. */
  occupiedAt: number;
}

export function createFanout(
  namespaces: readonly IoNamespace[],
  recoveryWindowMs: number,
  wall: () => number = Date.now,
  /** Channels a room must not be sent right now, whatever it subscribed (money-access.ts). */
  withheldFrom: (room: string) => ReadonlySet<Channel> = () => new Set(),
): Fanout {
  const known = new Map<string, KnownRoom>();
  const rooms = () => {
    const now = wall();
    for (const nsp of namespaces) {
      for (const [room, members] of nsp.adapter.rooms) {
        if (members.size === 0) continue;
        const channels = channelsOfRoom(room);
        if (!channels) continue;
        const key = `${nsp.name}|${room}`;
        const entry = known.get(key);
        if (entry) entry.occupiedAt = now;
        else known.set(key, { nsp, room, channels, occupiedAt: now });
      }
    }
    for (const [key, entry] of known) {
      if (now - entry.occupiedAt > recoveryWindowMs) known.delete(key);
    }
    return known.values();
  };
  return {
    sendUpdates(updates, seq) {
      for (const { nsp, room, channels } of rooms()) {
        const withheld = withheldFrom(room);
        const mine = updates.filter(
          (update) => channels.has(update.channel) && !withheld.has(update.channel),
        );
        if (mine.length === 0) continue;
        const batch: UpdateBatch = { seq, updates: mine };
        nsp.to(room).emit('updates', batch);
      }
    },
    sendSnapshots(snapshotFor) {
      for (const { nsp, room, channels } of rooms()) {
        const withheld = withheldFrom(room);
        nsp.to(room).emit('snapshot', snapshotFor([...channels].filter((c) => !withheld.has(c))));
      }
    },
  };
}
