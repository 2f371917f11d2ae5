/**
 * Connection-state recovery with bounded, flat storage. Socket.IO's session-aware adapter keeps
 * every broadcast packet (the live objects) for the whole recovery window, pruned once a minute:
 * at 5,000 chat lines/s that held over half a million lines for up to three minutes, the heap
 * grew ~5 MB/s, and every young-generation collection had to copy the new packets' object graphs
 * (a dozen objects per chat line) into the old generation. This adapter keeps each packet's JSON
 * in a byte ring outside the heap (packet-ring.ts) and its rooms as shared arrays, at most
 * `maxPackets` of them within `ringBytes`. A socket back from a blip within those is handed
 * exactly what it missed, as before; one whose last packet was dropped gets a new session and
 * with it a fresh snapshot (watchers.ts). The JSON kept is the text Socket.IO encoded the
 * broadcast into for its sockets, not a second serialization of the packet.
 */
import { Adapter, type BroadcastOptions, type Session } from 'socket.io-adapter';
import { PacketRing } from './packet-ring';

type Packet = Parameters<Adapter['broadcast']>[0];
type SessionToPersist = Parameters<Adapter['persistSession']>[0];
/** Socket.IO's packet encoder, which the adapter holds (declared private by socket.io-adapter). */
type Encoder = { encode(packet: Packet): unknown[] };

/** Who a kept packet went to, copied from the broadcast's Sets (kept alive otherwise). */
interface Recipients {
  rooms: readonly string[];
  except: readonly string[];
}

const NO_ROOMS: readonly string[] = [];

/** Default caps: seconds of the heaviest load (5,000 lines/s), minutes of a busy real stream. */
export const RECOVERY_MAX_PACKETS = 20_000;
export const RECOVERY_RING_BYTES = 16 * 1024 * 1024;

/** A session-aware adapter class keeping at most `maxPackets` broadcasts, as JSON, for recovery. */
export function boundedRecoveryAdapter(
  maxPackets: number = RECOVERY_MAX_PACKETS,
  ringBytes: number = RECOVERY_RING_BYTES,
) {
  let nextOffset = 0;
  // Offsets only need to be unique while this server runs: sessions do not outlive it.
  const offsetPrefix = `${Date.now().toString(36)}-`;
  const offsetNumber = (offset: string) =>
    offset.startsWith(offsetPrefix) ? Number.parseInt(offset.slice(offsetPrefix.length), 36) : -1;
  // One array per room name, shared by every packet sent to it.
  const roomLists = new Map<string, readonly string[]>();
  const listOf = (rooms: ReadonlySet<string>): readonly string[] => {
    if (rooms.size === 0) return NO_ROOMS;
    if (rooms.size > 1) return [...rooms];
    const [room = ''] = rooms;
    let list = roomLists.get(room);
    if (!list) {
      list = [room];
      roomLists.set(room, list);
    }
    return list;
  };

  return class BoundedRecoveryAdapter extends Adapter {
    private readonly ring = new PacketRing<Recipients>(ringBytes, maxPackets);
    private readonly sessions = new Map<string, SessionToPersist & { disconnectedAt: number }>();
    private readonly maxDisconnectionDuration: number;
    /** What the namespace's packets start with when encoded: `2/overlay,`. */
    private readonly eventPrefix: string;
    /** The text of the last packet the adapter encoded (once, for all of a broadcast's sockets). */
    private lastEncoded: unknown[] = [];

    // biome-ignore lint/suspicious/noExplicitAny: Socket.IO's Namespace, typed `any` by the adapter.
    constructor(nsp: any) {
      super(nsp);
      this.maxDisconnectionDuration =
        nsp.server.opts.connectionStateRecovery?.maxDisconnectionDuration ?? 2 * 60_000;
      this.eventPrefix = `2${nsp.name === '/' ? '' : `${nsp.name},`}`;
      const adapter = this as unknown as { encoder: Encoder };
      const encoder = adapter.encoder;
      adapter.encoder = {
        encode: (packet) => {
          this.lastEncoded = encoder.encode(packet);
          return this.lastEncoded;
        },
      };
    }

    /** Packets kept for recovery now. */
    get keptPackets(): number {
      return this.ring.size;
    }

    override persistSession(session: SessionToPersist): void {
      const now = Date.now();
      for (const [pid, kept] of this.sessions) {
        if (kept.disconnectedAt + this.maxDisconnectionDuration < now) this.sessions.delete(pid);
      }
      this.sessions.set(session.pid, { ...session, disconnectedAt: now });
    }

    override broadcast(packet: Packet, opts: BroadcastOptions): void {
      // As Socket.IO decides what to keep: events without an ack that are not volatile.
      const kept =
        packet.type === 2 && packet.id === undefined && opts.flags?.volatile === undefined;
      if (!kept) {
        super.broadcast(packet, opts);
        return;
      }
      const number = nextOffset++;
      // The client learns the offset from the last element of the data array.
      packet.data.push(`${offsetPrefix}${number.toString(36)}`);
      this.lastEncoded = [];
      super.broadcast(packet, opts);
      const emittedAt = Date.now();
      this.ring.dropEmittedBefore(emittedAt - this.maxDisconnectionDuration);
      const meta = {
        rooms: listOf(opts.rooms),
        except: opts.except?.size ? [...opts.except] : NO_ROOMS,
      };
      this.ring.push({ number, emittedAt, meta }, this.dataJson(packet));
    }

    /** The packet's data array as JSON: cut from its encoding, or serialized when not text. */
    private dataJson(packet: Packet): string {
      const [encoded, ...attachments] = this.lastEncoded;
      if (typeof encoded === 'string' && attachments.length === 0) {
        if (encoded.startsWith(this.eventPrefix)) return encoded.slice(this.eventPrefix.length);
      }
      return JSON.stringify(packet.data);
    }

    override restoreSession(pid: string, offset: string): Promise<Session> {
      const session = this.sessions.get(pid);
      // Null tells Socket.IO there is nothing to restore (its own adapter does the same).
      const none = null as unknown as Promise<Session>;
      if (!session) return none;
      this.sessions.delete(pid);
      if (session.disconnectedAt + this.maxDisconnectionDuration < Date.now()) return none;
      const kept = this.ring.after(offsetNumber(offset));
      // The offset was dropped (or never sent): a new session and a snapshot instead.
      if (kept === null) return none;
      const missedPackets: unknown[][] = [];
      for (const { packet, json } of kept) {
        if (includes(session.rooms, packet.meta)) missedPackets.push(JSON.parse(json));
      }
      const { disconnectedAt: _, ...restored } = session;
      return Promise.resolve({ ...restored, missedPackets });
    }
  };
}

/** Whether a session in `rooms` was a recipient of the packet (Socket.IO's own rule). */
function includes(rooms: readonly string[], packet: Recipients): boolean {
  const included = packet.rooms.length === 0 || rooms.some((room) => packet.rooms.includes(room));
  return included && rooms.every((room) => !packet.except.includes(room));
}
