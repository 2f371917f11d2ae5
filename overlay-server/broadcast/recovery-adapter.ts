/**
 * Socket.IO's connection-state recovery keeps every broadcast packet for the whole recovery
 * window (pruned once a minute), so a socket back from a network blip is handed exactly what it
 * missed. At 5,000 chat lines/s that held over half a million lines for up to three minutes: the
 * heap grew ~5 MB/s and the garbage collector paid for it. This adapter also caps the packets
 * kept. A socket back within them still recovers; one whose last packet was dropped gets a new
 * session, and with it a fresh snapshot of its channels (watchers.ts), as after a page reload.
 */
import { SessionAwareAdapter } from 'socket.io-adapter';

/** What the session-aware adapter keeps per broadcast (its `packets` field is private in the types). */
interface StoredPackets {
  packets: unknown[];
}

/** Default cap: a few seconds of the heaviest load, minutes of a busy real stream. */
export const RECOVERY_MAX_PACKETS = 20_000;

/** A session-aware adapter class keeping at most `maxPackets` broadcasts for recovery. */
export function boundedRecoveryAdapter(maxPackets: number = RECOVERY_MAX_PACKETS) {
  return class BoundedRecoveryAdapter extends SessionAwareAdapter {
    override broadcast(...args: Parameters<SessionAwareAdapter['broadcast']>): void {
      super.broadcast(...args);
      const { packets } = this as unknown as StoredPackets;
      // Trimmed in steps of a quarter, so the cut's copying is spread over many broadcasts.
      if (packets.length > maxPackets + Math.ceil(maxPackets / 4)) {
        packets.splice(0, packets.length - maxPackets);
      }
    }
  };
}
