/**
 * Sends a batch to every subscription room of one stream in the watching namespaces (`/overlay`,
 * `/control`), each room getting only the updates of its channels, encoded once per room. A room
 * whose sockets all dropped keeps receiving for the recovery window: Socket.IO stores those
 * packets, and a socket that comes back within the window is handed exactly what it missed.
 *
 * The rooms are those with members in this process and, in a cluster, those other processes
 * reported (`note`): the Redis adapter delivers a room's packets to its members on every process.
 */
import type { Namespace as IoNamespace } from 'socket.io';
import type {
  Channel,
  ChannelUpdate,
  StateSnapshot,
  UpdateBatch,
} from '../../shared/protocol/channels';
import { channelsOfRoom, streamerOfRoom } from './subscriptions';

export interface Fanout {
  sendUpdates(updates: readonly ChannelUpdate[], seq: number): void;
  /** Sends each subscription room a fresh snapshot of its channels (a new stream began). */
  sendSnapshots(snapshotFor: (channels: Channel[]) => StateSnapshot): void;
  /**
   * A room of this stream seen now, by name of its namespace: one just joined, or one with
   * members in another server process of a cluster.
   */
  note(namespace: string, room: string): void;
}

export interface FanoutOptions {
  /** The stream whose rooms this fan-out serves. */
  streamer: string;
  recoveryWindowMs: number;
  wall?: () => number;
  /** Channels a room must not be sent right now, whatever it subscribed (money-access.ts). */
  withheldFrom?: (room: string) => ReadonlySet<Channel>;
}

interface KnownRoom {
  nsp: IoNamespace;
  room: string;
  channels: ReadonlySet<Channel>;
  /** Wall time the room last had a member. */
  occupiedAt: number;
}

const NOTHING: ReadonlySet<Channel> = new Set();

export function createFanout(namespaces: readonly IoNamespace[], options: FanoutOptions): Fanout {
  const wall = options.wall ?? Date.now;
  const withheldFrom = options.withheldFrom ?? (() => NOTHING);
  const known = new Map<string, KnownRoom>();
  const remember = (nsp: IoNamespace, room: string, now: number) => {
    const key = `${nsp.name}|${room}`;
    const entry = known.get(key);
    if (entry) {
      entry.occupiedAt = now;
      return;
    }
    const channels = channelsOfRoom(room);
    if (channels && streamerOfRoom(room) === options.streamer)
      known.set(key, { nsp, room, channels, occupiedAt: now });
  };
  const rooms = () => {
    const now = wall();
    for (const nsp of namespaces) {
      for (const [room, members] of nsp.adapter.rooms) {
        if (members.size > 0) remember(nsp, room, now);
      }
    }
    for (const [key, entry] of known) {
      if (now - entry.occupiedAt > options.recoveryWindowMs) known.delete(key);
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
    note(namespace, room) {
      const nsp = namespaces.find((candidate) => candidate.name === namespace);
      if (nsp) remember(nsp, room, wall());
    },
  };
}
