/**
 * The seam between the panel's models and the server. One implementation talks Socket.IO to
 * the real server; an in-memory fake drives unit tests and the dev preview.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { Ack, ErrorCode } from '../../shared/protocol/ack';
import type { Channel } from '../../shared/protocol/channels';
import type { BatchRead, SnapshotRead } from '../../shared/protocol/wire/read-wire';
import type { PanelCommand } from './commands';
import type { PairingTarget } from './pairing-link';

/** What the panel shows about its link to the server. */
export type ConnectionState =
  | { status: 'unpaired' }
  | { status: 'connecting' }
  | { status: 'connected' }
  /** Lost the server; the transport retries by itself. */
  | { status: 'disconnected'; reason: string }
  /**
   * The server refused the handshake (wrong token, version, origin, stream) or closed a live
   * connection whose token was revoked or expired: no retry until re-paired.
   */
  | { status: 'refused'; code: ErrorCode; message: string };

/** The roles that may use `/control`. */
export type PanelRole = 'owner' | 'moderator';

export interface ControlTransport {
  readonly state: ReadonlySignal<ConnectionState>;
  /** Known once subscribed; null before, or when the server does not say. */
  readonly role: ReadonlySignal<PanelRole | null>;
  /** Channels the server granted at the last subscribe. */
  readonly channels: ReadonlySignal<readonly Channel[]>;
  /** The stream this connection acts on, once subscribed (null before, or from an older server). */
  readonly streamer: ReadonlySignal<string | null>;
  /** Every stream the token grants: the panel offers to switch between them. */
  readonly streamers: ReadonlySignal<readonly string[]>;
  connect(target: PairingTarget): void;
  disconnect(): void;
  /** Snapshots and update batches as read through the protocol's schemas (what fits). */
  onSnapshot(listener: (snapshot: SnapshotRead) => void): () => void;
  onUpdates(listener: (batch: BatchRead) => void): () => void;
  /**
   * Sends one command. Never throws and never queues: while disconnected it resolves at once
   * to `{ok: false, code: 'DISCONNECTED'}` so the UI can say the command was not sent.
   */
  command(command: PanelCommand): Promise<Ack<unknown>>;
}

export const DISCONNECTED_ACK = {
  ok: false,
  code: 'DISCONNECTED',
  message: 'Not connected to the server: the command was not sent.',
} as const satisfies Ack<never>;

/** A tiny listener set shared by both transports. */
export function listenerSet<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(value: T) {
      for (const listener of listeners) listener(value);
    },
  };
}
