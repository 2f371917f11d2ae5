/** `/overlay`: read-only pages in OBS subscribe to the channels they draw. */
import type { Namespace } from 'socket.io';
import type {
  OverlayClientToServer,
  OverlayServerToClient,
} from '../../shared/protocol/namespaces';
import type { SessionData, SessionSocket } from '../auth/handshake';
import { bucketOf, type WatcherDeps } from './budgets';
import { refuseUnknownEvents } from './replies';
import { greet, serveSubscribe } from './watchers';

export type OverlayNamespace = Namespace<
  OverlayClientToServer,
  OverlayServerToClient,
  Record<never, never>,
  SessionData
>;

export function serveOverlay(nsp: OverlayNamespace, deps: WatcherDeps): void {
  nsp.on('connection', (socket: SessionSocket) => {
    refuseUnknownEvents(socket, ['subscribe']);
    serveSubscribe(socket, deps, bucketOf(socket, '/overlay', deps));
    greet(socket, deps, []);
  });
}
