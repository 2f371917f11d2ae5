/** `/overlay`: read-only pages in OBS subscribe to the channels they draw. */
import type { Namespace, Socket } from 'socket.io';
import type {
  OverlayClientToServer,
  OverlayServerToClient,
} from '../../shared/protocol/namespaces';
import type { SessionData } from '../auth/handshake';
import { createTokenBucket, RATE_BUDGETS } from '../pipeline/rate-limit';
import { refuseUnknownEvents } from './replies';
import { greet, serveSubscribe, type WatchDeps } from './watchers';

export type OverlayNamespace = Namespace<
  OverlayClientToServer,
  OverlayServerToClient,
  Record<never, never>,
  SessionData
>;

export function serveOverlay(nsp: OverlayNamespace, deps: WatchDeps): void {
  nsp.on('connection', (socket: Socket) => {
    refuseUnknownEvents(socket, ['subscribe']);
    serveSubscribe(socket, deps, createTokenBucket(RATE_BUDGETS.overlay));
    greet(socket, deps, []);
  });
}
