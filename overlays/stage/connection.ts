/**
 * The overlay's link to the server: Socket.IO namespace `/overlay`, read-only. Socket.IO
 * reconnects by itself; on every (re)connect the overlay subscribes again and the server answers
 * with a snapshot, so poll, goal and leaderboard show the current state at once.
 */
import { io, type Socket } from 'socket.io-client';
// Named modules, not the `shared/protocol` barrel: importing a value from the barrel put its
// zod schemas (~80 KB minified) into every page's boot bundle, though overlays parse none.
import type { Channel, StateSnapshot, UpdateBatch } from '../../shared/protocol/channels';
import type {
  OverlayClientToServer,
  OverlayServerToClient,
} from '../../shared/protocol/namespaces';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { isNumber, isRecord, isString } from './guards';

/** What the preview indicator shows. */
export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'offline'; reason: string }
  | { state: 'refused'; reason: string }
  | { state: 'demo' };

export interface OverlayConnectionOptions {
  /** Server origin, e.g. `http://127.0.0.1:4455`. */
  origin: string;
  token: string;
  /** Shown in the server's logs, e.g. `overlay:alerts`. */
  client: string;
  channels: readonly Channel[];
  onSnapshot(snapshot: StateSnapshot): void;
  onUpdates(batch: UpdateBatch): void;
  onStatus(status: ConnectionStatus): void;
}

/** A refused handshake stops Socket.IO's own retries; we retry slowly (the token may be fixed). */
const RETRY_REFUSED_MS = 5000;

export function connectOverlay(options: OverlayConnectionOptions): { close(): void } {
  const socket: Socket<OverlayServerToClient, OverlayClientToServer> = io(
    `${options.origin}/overlay`,
    {
      auth: { token: options.token, protocolVersion: PROTOCOL_VERSION, client: options.client },
      // OBS pages are served by the server itself: WebSocket straight away saves a round trip.
      transports: ['websocket', 'polling'],
    },
  );
  let retry: ReturnType<typeof setTimeout> | null = null;
  options.onStatus({ state: 'connecting' });

  socket.on('connect', () => {
    socket.emit('subscribe', [...options.channels], (ack) => {
      if (ack.ok) options.onStatus({ state: 'live' });
      else options.onStatus({ state: 'refused', reason: `${ack.code}: ${ack.message}` });
    });
  });
  socket.on('snapshot', (snapshot) => {
    if (isRecord(snapshot) && isRecord(snapshot.channels)) options.onSnapshot(snapshot);
  });
  socket.on('updates', (batch) => {
    if (isRecord(batch) && Array.isArray(batch.updates) && isNumber(batch.seq)) {
      options.onUpdates(batch);
    }
  });
  socket.on('disconnect', (reason) => options.onStatus({ state: 'offline', reason }));
  socket.on('connect_error', (error) => {
    const data: unknown = (error as Error & { data?: unknown }).data;
    const refusal =
      isRecord(data) && isString(data.code) ? `${data.code}: ${String(data.message)}` : null;
    if (refusal) options.onStatus({ state: 'refused', reason: refusal });
    else options.onStatus({ state: 'offline', reason: error.message });
    if (!socket.active && retry === null) {
      retry = setTimeout(() => {
        retry = null;
        socket.connect();
      }, RETRY_REFUSED_MS);
    }
  });

  return {
    close() {
      if (retry !== null) clearTimeout(retry);
      socket.close();
    },
  };
}
