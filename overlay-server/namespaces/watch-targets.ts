/**
 * How a stream subscribes a socket and sends it a snapshot (streams/stream-port.ts). A single
 * server does it on the socket itself. In a cluster it goes through Socket.IO's adapter, by
 * socket id: the adapter carries room joins, leaves and broadcasts in one ordered Redis stream,
 * so a socket on another process joins its room, then gets its snapshot, then the updates after
 * it, in the order the stream's writer sent them; and a local socket is served the same way so
 * that a snapshot never overtakes updates still on their way through Redis.
 */
import type { Role } from '../../shared/protocol/roles';
import type { SessionNamespace, SessionSocket } from '../auth/handshake';
import { isSubscriptionRoom } from '../broadcast/subscriptions';
import type { WatchTarget } from '../streams/stream-port';

/** The subscription room a socket is in now, if any. */
export function subscriptionRoomOf(socket: SessionSocket): string | null {
  for (const room of socket.rooms) if (isSubscriptionRoom(room)) return room;
  return null;
}

export function directTarget(socket: SessionSocket): WatchTarget {
  return {
    namespace: socket.nsp.name,
    id: socket.id,
    role: socket.data.role,
    room: subscriptionRoomOf(socket),
    moveTo(room) {
      for (const current of [...socket.rooms]) {
        if (isSubscriptionRoom(current) && current !== room) void socket.leave(current);
      }
      if (room) void socket.join(room);
    },
    sendSnapshot(snapshot) {
      socket.emit('snapshot', snapshot);
    },
  };
}

/** A socket, here or on another process, reached through the adapter by its id. */
export function adapterTarget(
  nsp: SessionNamespace,
  socket: { id: string; role: Role; room: string | null },
): WatchTarget {
  return {
    namespace: nsp.name,
    id: socket.id,
    role: socket.role,
    room: socket.room,
    moveTo(room) {
      if (socket.room && socket.room !== room) nsp.in(socket.id).socketsLeave(socket.room);
      if (room && room !== socket.room) nsp.in(socket.id).socketsJoin(room);
    },
    sendSnapshot(snapshot) {
      nsp.to(socket.id).emit('snapshot', snapshot);
    },
  };
}

export function socketAdapterTarget(socket: SessionSocket): WatchTarget {
  return adapterTarget(socket.nsp, {
    id: socket.id,
    role: socket.data.role,
    room: subscriptionRoomOf(socket),
  });
}
