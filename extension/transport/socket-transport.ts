/**
 * The real transport: Socket.IO to the server's `/control` namespace. Socket.IO's manager
 * reconnects by itself after a lost connection; a refused handshake (the server's middleware
 * said no) is final until the streamer pastes a new link.
 */
import { signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';
import { type Ack, isErrorCode } from '../../shared/protocol/ack';
import { CHANNELS, type Channel, isChannel } from '../../shared/protocol/channels';
import type {
  ControlClientToServer,
  ControlServerToClient,
  ControlSubscribeResult,
} from '../../shared/protocol/namespaces';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
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

export function createSocketTransport(options: SocketTransportOptions = {}): ControlTransport {
  const state = signal<ConnectionState>({ status: 'unpaired' });
  const role = signal<PanelRole | null>(null);
  const channels = signal<readonly Channel[]>([]);
  const streamer = signal<string | null>(null);
  const streamers = signal<readonly string[]>([]);
  const snapshots = listenerSet<Parameters<ControlServerToClient['snapshot']>[0]>();
  const updates = listenerSet<Parameters<ControlServerToClient['updates']>[0]>();
  let socket: ControlSocket | null = null;

  function subscribe(current: ControlSocket) {
    current.emit('subscribe', [...CHANNELS], (ack: Ack<ControlSubscribeResult>) => {
      if (current !== socket) return;
      if (!ack.ok) {
        state.value = { status: 'refused', code: ack.code, message: ack.message };
        return;
      }
      channels.value = ack.data.channels.filter(isChannel);
      role.value =
        ack.data.role === 'owner' || ack.data.role === 'moderator' ? ack.data.role : null;
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
    const current: ControlSocket = io(`${target.origin}/control`, {
      auth: {
        token: target.token,
        protocolVersion: PROTOCOL_VERSION,
        client: options.client ?? 'extension:sidepanel',
        ...(target.streamer ? { streamer: target.streamer } : {}),
      },
      // WebSocket only: an MV3 worker has no XMLHttpRequest, and one transport is simpler to reason about.
      transports: ['websocket'],
      reconnectionDelayMax: 5_000,
    });
    socket = current;
    current.on('connect', () => subscribe(current));
    current.on('snapshot', (snapshot) => snapshots.emit(snapshot));
    current.on('updates', (batch) => updates.emit(batch));
    // The token was revoked or expired while connected: the server says so, then closes.
    current.on('refused', (notice) => {
      if (current !== socket) return;
      current.removeAllListeners();
      current.disconnect();
      state.value = {
        status: 'refused',
        code: isErrorCode(notice.code) ? notice.code : 'UNAUTHORIZED',
        message: notice.message,
      };
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
    current.on('connect_error', (error: Error & { data?: unknown }) => {
      if (current.active) {
        state.value = { status: 'disconnected', reason: `${error.message}; retrying…` };
        return;
      }
      // The server's middleware refused us: it says why in `data`.
      const data = error.data as { code?: unknown; message?: unknown } | undefined;
      state.value = {
        status: 'refused',
        code: isErrorCode(data?.code) ? data.code : 'UNAUTHORIZED',
        message: typeof data?.message === 'string' ? data.message : error.message,
      };
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
