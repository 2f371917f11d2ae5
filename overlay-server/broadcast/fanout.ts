/**
 * Sends a batch to every subscription room of the watching namespaces (`/overlay`, `/control`),
 * each room getting only the updates of its channels, encoded once per room.
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

export function createFanout(namespaces: readonly IoNamespace[]): Fanout {
  const subscriptionRooms = function* () {
    for (const nsp of namespaces) {
      for (const [room, members] of nsp.adapter.rooms) {
        if (members.size === 0) continue;
        const channels = channelsOfRoom(room);
        if (channels) yield { nsp, room, channels };
      }
    }
  };
  return {
    sendUpdates(updates, seq) {
      for (const { nsp, room, channels } of subscriptionRooms()) {
        const mine = updates.filter((update) => channels.has(update.channel));
        if (mine.length === 0) continue;
        const batch: UpdateBatch = { seq, updates: mine };
        nsp.to(room).emit('updates', batch);
      }
    },
    sendSnapshots(snapshotFor) {
      for (const { nsp, room, channels } of subscriptionRooms()) {
        nsp.to(room).emit('snapshot', snapshotFor([...channels]));
      }
    },
  };
}
