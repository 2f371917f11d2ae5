/**
 * The real transport: Socket.IO to the server's `/control` namespace. Socket.IO's manager
 * reconnects by itself after a lost connection; a refused handshake (the server's middleware
 * said no) is final until the streamer pastes a new link.
 */
import { signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/protocol/ack';
import { CHANNELS, type Channel } from '../../shared/protocol/channels';
import {
  clientConnection,
  readRefusal,
  readRefusedNotice,
} from '../../shared/protocol/client-connection';
import type {
  ControlClientToServer,
  ControlServerToClient,
  ControlSubscribeResult,
} from '../../shared/protocol/namespaces';
import {
  type BatchRead,
  parseSnapshot,
  parseUpdateBatch,
  type SnapshotRead,
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

type ControlSocket = Socket<ControlServerToClient, ControlClientToServer>;

/** How long a command waits for its acknowledgement before the panel calls it lost. */
const COMMAND_TIMEOUT_MS = 10_000;
/** Pause before reconnecting when the server closed the socket on purpose (shutdown). */
const SERVER_CLOSED_RETRY_MS = 2_000;

export interface SocketTransportOptions {
  /** Shown in the server's logs and health page. */
  client?: string;
}

const logProblems = (problems: readonly string[]) => {
  for (const problem of problems) console.warn(`limelight: left out ${problem}`);
};

export function createSocketTransport(options: SocketTransportOptions = {}): ControlTransport {
  const state = signal<ConnectionState>({ status: 'unpaired' });
  const role = signal<PanelRole | null>(null);
  const channels = signal<readonly Channel[]>([]);
  const streamer = signal<string | null>(null);
  const streamers = signal<readonly string[]>([]);
  const snapshots = listenerSet<SnapshotRead>();
  const updates = listenerSet<BatchRead>();
  let socket: ControlSocket | null = null;

  function subscribe(current: ControlSocket) {
    current.emit('subscribe', [...CHANNELS], (ack: Ack<ControlSubscribeResult>) => {
      if (current !== socket) return;
      if (!ack.ok) {
        state.value = { status: 'refused', code: ack.code, message: ack.message };
        return;
      }
      channels.value = ack.data.channels;
      role.value = ack.data.role ?? null;
      streamer.value = ack.data.streamer ?? null;
      streamers.value = ack.data.streamers ?? [];
      state.value = { status: 'connected' };
    });
  }

  function disconnect() {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    state.value = { status: 'unpaired' };
    role.value = null;
    channels.value = [];
    streamer.value = null;
    streamers.value = [];
  }

  function connect(target: PairingTarget) {
    disconnect();
    state.value = { status: 'connecting' };
    const connection = clientConnection({
      origin: target.origin,
      namespace: '/control',
      token: target.token,
      client: options.client ?? 'extension:sidepanel',
      streamer: target.streamer,
    });
    const current: ControlSocket = io(connection.url, {
      auth: connection.auth,
      // WebSocket only: an MV3 worker has no XMLHttpRequest, and one transport is simpler to reason about.
      transports: ['websocket'],
      reconnectionDelayMax: 5_000,
    });
    socket = current;
    current.on('connect', () => subscribe(current));
    // Read through the protocol's schemas; what does not fit is left out and logged.
    current.on('snapshot', (snapshot) => {
      const read = parseSnapshot(snapshot);
      if (!read.ok) return logProblems([read.message]);
      logProblems(read.value.problems);
      snapshots.emit(read.value);
    });
    current.on('updates', (batch) => {
      const read = parseUpdateBatch(batch);
      if (!read.ok) return logProblems([read.message]);
      logProblems(read.value.problems);
      updates.emit(read.value);
    });
    // The token was revoked or expired while connected: the server says so, then closes.
    current.on('refused', (notice) => {
      if (current !== socket) return;
      current.removeAllListeners();
      current.disconnect();
      const read = readRefusedNotice(notice);
      state.value = read
        ? { status: 'refused', ...read }
        : { status: 'refused', code: 'UNAUTHORIZED', message: 'the server closed this connection' };
    });
    current.on('disconnect', (reason) => {
      state.value = {
        status: 'disconnected',
        reason: `Lost the server (${reason}); reconnecting…`,
      };
      // Socket.IO does not retry after the server closed the socket itself (a restart does
      // that); the panel still wants its server back, so it retries after a pause.
      if (reason === 'io server disconnect') {
        setTimeout(() => {
          if (socket === current && !current.connected) current.connect();
        }, SERVER_CLOSED_RETRY_MS);
      }
    });
    current.on('connect_error', (error) => {
      // The server's handshake check refused us with its code; anything else Socket.IO retries.
      const refusal = readRefusal(error);
      if (refusal) state.value = { status: 'refused', ...refusal };
      else state.value = { status: 'disconnected', reason: `${error.message}; retrying…` };
    });
  }

  async function command(cmd: PanelCommand): Promise<Ack<unknown>> {
    const current = socket;
    if (!current?.connected) return DISCONNECTED_ACK;
    try {
      return await current.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', cmd);
    } catch {
      return {
        ok: false,
        code: 'DISCONNECTED',
        message: 'The server did not answer in time; the command may not have run.',
      };
    }
  }

  return {
    state,
    role,
    channels,
    streamer,
    streamers,
    connect,
    disconnect,
    onSnapshot: snapshots.add,
    onUpdates: updates.add,
    command,
  };
}
