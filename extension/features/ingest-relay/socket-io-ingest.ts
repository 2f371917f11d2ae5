/** The real `/ingest` connection: socket.io-client over WebSocket only (MV3 worker: no XHR). */
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../../shared/protocol/ack';
import { clientConnection } from '../../../shared/protocol/client-connection';
import type {
  IngestBatchResult,
  IngestClientToServer,
  IngestServerToClient,
} from '../../../shared/protocol/namespaces';
import type { PairingTarget } from '../../transport/pairing-link';
import type { IngestSocket } from './ingest-relay';

const ACK_TIMEOUT_MS = 10_000;

export function openIngestSocket(target: PairingTarget): IngestSocket {
  const connection = clientConnection({
    origin: target.origin,
    namespace: '/ingest',
    token: target.token,
    client: 'extension:page-capture',
  });
  const socket: Socket<IngestServerToClient, IngestClientToServer> = io(connection.url, {
    auth: connection.auth,
    transports: ['websocket'],
    reconnectionDelayMax: 10_000,
  });
  return {
    get connected() {
      return socket.connected;
    },
    on(event: string, listener: (...args: never[]) => void) {
      socket.on(event as 'connect', listener as () => void);
    },
    sendBatch(events, done) {
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit('events', events, (error: Error | null, ack: Ack<IngestBatchResult>) => {
          done(!error && batchTaken(ack));
        });
    },
    sendStatus(status) {
      socket.emit('status', status, () => {});
    },
    close: () => socket.close(),
  };
}

/**
 * Whether the server answered for the batch's events, so they leave the buffer. A batch refused
 * whole for now (the socket's rate budget, a failed journal write) is sent again; one refused for
 * what it is (too large, not a list) would be refused again, and per-event refusals are final.
 */
export function batchTaken(ack: Ack<IngestBatchResult> | undefined): boolean {
  if (!ack) return false;
  return ack.ok || (ack.code !== 'RATE_LIMITED' && ack.code !== 'INTERNAL');
}
