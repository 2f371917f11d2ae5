/**
 * An in-memory transport for unit tests and the dev preview: the test plays the server by
 * pushing snapshots and updates and by answering commands.
 */
import { signal } from '@preact/signals';
import type { Ack } from '../../shared/protocol/ack';
import {
  CHANNELS,
  type Channel,
  type ChannelUpdate,
  type StateSnapshot,
} from '../../shared/protocol/channels';
import {
  type BatchRead,
  parseSnapshot,
  parseUpdateBatch,
  type SnapshotRead,
  type WireRead,
} from '../../shared/protocol/wire/read-wire';
import type { PanelCommand } from './commands';
import type { PairingTarget } from './pairing-link';
import {
  type ConnectionState,
  type ControlTransport,
  DISCONNECTED_ACK,
  listenerSet,
  type PanelRole,
} from './transport';

export interface MemoryTransport extends ControlTransport {
  /** Commands that reached the "server", in order. */
  readonly sent: PanelCommand[];
  /** The last target passed to `connect`. */
  readonly target: PairingTarget | null;
  /** Answers commands; the default accepts everything with `data: null`. */
  answerWith(handler: (command: PanelCommand) => Ack<unknown>): void;
  /** Completes the handshake as `role` with the granted channels (and streams, if several). */
  accept(
    role: PanelRole,
    channels?: readonly Channel[],
    streams?: { streamer: string; streamers: readonly string[] },
  ): void;
  refuse(code: 'UNAUTHORIZED' | 'PROTOCOL_MISMATCH' | 'FORBIDDEN', message: string): void;
  drop(reason?: string): void;
  pushSnapshot(snapshot: Partial<StateSnapshot> & Pick<StateSnapshot, 'channels'>): void;
  pushUpdates(updates: ChannelUpdate[]): void;
}

/**
 * What the fake pushes goes through the schemas the real transport reads with; a payload the
 * server could not send fails the test that pushed it instead of being left out quietly.
 */
function fitting<T extends { problems: string[] }>(read: WireRead<T>): T {
  if (!read.ok) throw new Error(`memory transport: ${read.message}`);
  if (read.value.problems.length > 0) {
    throw new Error(`memory transport: ${read.value.problems.join('; ')}`);
  }
  return read.value;
}

export function createMemoryTransport(): MemoryTransport {
  const state = signal<ConnectionState>({ status: 'unpaired' });
  const role = signal<PanelRole | null>(null);
  const channels = signal<readonly Channel[]>([]);
  const streamer = signal<string | null>(null);
  const streamers = signal<readonly string[]>([]);
  const snapshots = listenerSet<SnapshotRead>();
  const updates = listenerSet<BatchRead>();
  const sent: PanelCommand[] = [];
  let handler: (command: PanelCommand) => Ack<unknown> = () => ({ ok: true, data: null });
  let seq = 0;

  const transport: MemoryTransport = {
    state,
    role,
    channels,
    streamer,
    streamers,
    sent,
    target: null,
    connect(target) {
      (transport as { target: PairingTarget | null }).target = target;
      state.value = { status: 'connecting' };
    },
    disconnect() {
      state.value = { status: 'unpaired' };
      role.value = null;
    },
    onSnapshot: snapshots.add,
    onUpdates: updates.add,
    async command(command) {
      if (state.peek().status !== 'connected') return DISCONNECTED_ACK;
      sent.push(command);
      return handler(command);
    },
    answerWith(next) {
      handler = next;
    },
    accept(nextRole, granted = CHANNELS, streams) {
      role.value = nextRole;
      channels.value = granted;
      streamer.value = streams?.streamer ?? null;
      streamers.value = streams?.streamers ?? [];
      state.value = { status: 'connected' };
    },
    refuse(code, message) {
      state.value = { status: 'refused', code, message };
    },
    drop(reason = 'transport close') {
      state.value = { status: 'disconnected', reason };
    },
    pushSnapshot(snapshot) {
      seq += 1;
      const read = parseSnapshot({
        streamId: snapshot.streamId ?? 'stream-1',
        seq,
        channels: snapshot.channels,
        ...(snapshot.withheld ? { withheld: snapshot.withheld } : {}),
      });
      snapshots.emit(fitting(read));
    },
    pushUpdates(list) {
      seq += 1;
      updates.emit(fitting(parseUpdateBatch({ seq, updates: list })));
    },
  };
  return transport;
}
