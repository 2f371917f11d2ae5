/**
 * The overlay's link to the server: Socket.IO namespace `/overlay`, read-only. Socket.IO
 * reconnects by itself; on every (re)connect the overlay subscribes again and the server answers
 * with a snapshot, so poll, goal and leaderboard show the current state at once. Every payload is
 * read through the protocol's schemas (shared/protocol/wire/); what does not fit is left out and
 * logged, never drawn.
 */
import { io, type Socket } from 'socket.io-client';
import type { Channel } from '../../shared/protocol/channels';
import { clientConnection, readRefusal } from '../../shared/protocol/client-connection';
import type {
  OverlayClientToServer,
  OverlayServerToClient,
} from '../../shared/protocol/namespaces';
import {
  type BatchRead,
  parseSnapshot,
  parseUpdateBatch,
  type SnapshotRead,
} from '../../shared/protocol/wire/read-wire';

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
  /** The stream to show, one its token grants (`?stream=`); absent: the token's first. */
  streamer?: string | null;
  /** Shown in the server's logs, e.g. `overlay:alerts`. */
  client: string;
  channels: readonly Channel[];
  onSnapshot(snapshot: SnapshotRead): void;
  onUpdates(batch: BatchRead): void;
  onStatus(status: ConnectionStatus): void;
}

/** A refused handshake stops Socket.IO's own retries; we retry slowly (the token may be fixed). */
const RETRY_REFUSED_MS = 5000;

/** What did not fit the protocol goes to the console, where a streamer's helper can find it. */
const logProblems = (problems: readonly string[]) => {
  for (const problem of problems) console.warn(`limelight: left out ${problem}`);
};

export function connectOverlay(options: OverlayConnectionOptions): { close(): void } {
  const connection = clientConnection({
    origin: options.origin,
    namespace: '/overlay',
    token: options.token,
    client: options.client,
    streamer: options.streamer,
  });
  const socket: Socket<OverlayServerToClient, OverlayClientToServer> = io(connection.url, {
    auth: connection.auth,
    // OBS pages are served by the server itself: WebSocket straight away saves a round trip.
    transports: ['websocket', 'polling'],
  });
  let retry: ReturnType<typeof setTimeout> | null = null;
  options.onStatus({ state: 'connecting' });

  socket.on('connect', () => {
    socket.emit('subscribe', [...options.channels], (ack) => {
      if (ack.ok) options.onStatus({ state: 'live' });
      else options.onStatus({ state: 'refused', reason: `${ack.code}: ${ack.message}` });
    });
  });
  socket.on('snapshot', (snapshot) => {
    const read = parseSnapshot(snapshot);
    if (!read.ok) return logProblems([read.message]);
    logProblems(read.value.problems);
    options.onSnapshot(read.value);
  });
  socket.on('updates', (batch) => {
    const read = parseUpdateBatch(batch);
    if (!read.ok) return logProblems([read.message]);
    logProblems(read.value.problems);
    options.onUpdates(read.value);
  });
  socket.on('disconnect', (reason) => options.onStatus({ state: 'offline', reason }));
  socket.on('connect_error', (error) => {
    const refusal = readRefusal(error);
    if (refusal)
      options.onStatus({ state: 'refused', reason: `${refusal.code}: ${refusal.message}` });
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
