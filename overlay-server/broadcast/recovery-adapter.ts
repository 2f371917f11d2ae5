/**
 * Connection-state recovery with bounded, flat storage. Socket.IO's session-aware adapter keeps
 * every broadcast packet (the live objects) for the whole recovery window, pruned once a minute:
 * at 5,000 chat lines/s that held over half a million lines for up to three minutes, the heap
 * grew ~5 MB/s, and every young-generation collection had to copy the new packets' object graphs
 * (a dozen objects per chat line) into the old generation. This adapter keeps each packet as its
 * JSON bytes in a Buffer, outside the JavaScript heap, with its rooms as a plain array: a young
 * collection then copies a few small objects per broadcast, not kilobytes of text (at 5,000 × 10
 * the copied survivors fell from ~480 to ~160 KB per collection, its pause from ~1.4 to ~0.9 ms).
 * At most `maxPackets` are kept. A socket back from a blip within those is handed exactly what
 * it missed, as before; one whose last packet was dropped gets a new session and with it a fresh
 * snapshot (watchers.ts).
 */
import { Adapter, type BroadcastOptions, type Session } from 'socket.io-adapter';

type Packet = Parameters<Adapter['broadcast']>[0];
type SessionToPersist = Parameters<Adapter['persistSession']>[0];

interface StoredPacket {
  id: string;
  /** Copied from the broadcast's Sets, which would otherwise be kept alive with the packet. */
  rooms: readonly string[];
  except: readonly string[];
  /** The packet's data array (event name, arguments, offset) as UTF-8 JSON, off the JS heap. */
  json: Buffer;
  emittedAt: number;
}

const NO_ROOMS: readonly string[] = [];

/** Default cap: seconds of the heaviest load, minutes of a busy real stream. */
export const RECOVERY_MAX_PACKETS = 20_000;

/** A session-aware adapter class keeping at most `maxPackets` broadcasts, as JSON, for recovery. */
export function boundedRecoveryAdapter(maxPackets: number = RECOVERY_MAX_PACKETS) {
  let nextOffset = 0;
  // Offsets only need to be unique while this server runs: sessions do not outlive it.
  const offsetPrefix = `${Date.now().toString(36)}-`;

  return class BoundedRecoveryAdapter extends Adapter {
    private stored: StoredPacket[] = [];
    private head = 0;
    private readonly sessions = new Map<string, SessionToPersist & { disconnectedAt: number }>();
    private readonly maxDisconnectionDuration: number;

    // biome-ignore lint/suspicious/noExplicitAny: Socket.IO's Namespace, typed `any` by the adapter.
    constructor(nsp: any) {
      super(nsp);
      this.maxDisconnectionDuration =
        nsp.server.opts.connectionStateRecovery?.maxDisconnectionDuration ?? 2 * 60_000;
    }

    /** Packets kept for recovery now. */
    get keptPackets(): number {
      return this.stored.length - this.head;
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
      if (kept) {
        const id = `${offsetPrefix}${(nextOffset++).toString(36)}`;
        // The client learns the offset from the last element of the data array.
        packet.data.push(id);
        this.store({
          id,
          rooms: opts.rooms.size === 0 ? NO_ROOMS : [...opts.rooms],
          except: opts.except?.size ? [...opts.except] : NO_ROOMS,
          json: Buffer.from(JSON.stringify(packet.data)),
          emittedAt: Date.now(),
        });
      }
      super.broadcast(packet, opts);
    }

    override restoreSession(pid: string, offset: string): Promise<Session> {
      const session = this.sessions.get(pid);
      // Null tells Socket.IO there is nothing to restore (its own adapter does the same).
      const none = null as unknown as Promise<Session>;
      if (!session) return none;
      this.sessions.delete(pid);
      if (session.disconnectedAt + this.maxDisconnectionDuration < Date.now()) return none;
      let from = -1;
      for (let i = this.stored.length - 1; i >= this.head; i--) {
        if (this.stored[i]?.id === offset) {
          from = i + 1;
          break;
        }
      }
      // The offset was dropped (or never sent): a new session and a snapshot instead.
      if (from === -1) return none;
      const missedPackets: unknown[][] = [];
      for (let i = from; i < this.stored.length; i++) {
        const packet = this.stored[i];
        if (packet && includes(session.rooms, packet))
          missedPackets.push(JSON.parse(packet.json.toString('utf8')));
      }
      const { disconnectedAt: _, ...restored } = session;
      return Promise.resolve({ ...restored, missedPackets });
    }

    private store(packet: StoredPacket): void {
      this.stored.push(packet);
      const expired = Date.now() - this.maxDisconnectionDuration;
      while (
        this.head < this.stored.length &&
        (this.stored.length - this.head > maxPackets ||
          (this.stored[this.head]?.emittedAt ?? 0) < expired)
      ) {
        this.stored[this.head] = undefined as unknown as StoredPacket;
        this.head += 1;
      }
      // Cut the dropped front now and then, so the array does not grow without bound.
      if (this.head > 1024 && this.head * 2 > this.stored.length) {
        this.stored = this.stored.slice(this.head);
        this.head = 0;
      }
    }
  };
}

/** Whether a session in `rooms` was a recipient of the packet (Socket.IO's own rule). */
function includes(rooms: readonly string[], packet: StoredPacket): boolean {
  const included = packet.rooms.length === 0 || rooms.some((room) => packet.rooms.includes(room));
  return included && rooms.every((room) => !packet.except.includes(room));
}
