/**
 * Long-lived sockets are checked again: a token revoked or expired after its socket connected is
 * told why (`refused`) and disconnected, within a second of the change.
 */
import { NAMESPACE_ROLES, type Namespace } from '../../shared/protocol/roles';
import type { Logger } from '../log';
import { checkGrant } from './grant-check';
import type { SessionNamespace } from './handshake';
import type { TokenRegistry } from './token-registry';

/** Disconnects every socket whose token no longer grants what it connected for; returns how many. */
export function sweepSockets(
  namespaces: readonly SessionNamespace[],
  tokens: TokenRegistry,
  log: Logger,
  now: number = Date.now(),
): number {
  let closed = 0;
  for (const nsp of namespaces) {
    const roles = NAMESPACE_ROLES[nsp.name as Namespace];
    if (!roles) continue;
    for (const socket of nsp.sockets.values()) {
      const session = socket.data;
      if (!session.tokenId) continue;
      const grant = checkGrant(tokens.byId(session.tokenId), {
        roles,
        what: `use ${nsp.name}`,
        streamer: session.streamer,
        now,
      });
      if (grant.ok) continue;
      log.warn('token no longer good; socket closed', {
        ns: nsp.name,
        code: grant.code,
        holder: session.tokenId,
      });
      // Sent on this process alone and at once: with connection-state recovery a plain
      // `socket.emit` goes through the adapter, which in a cluster delivers it only after a round
      // trip to Redis, when the socket is already closed.
      nsp.local.to(socket.id).emit('refused', { code: grant.code, message: grant.message });
      socket.disconnect(true);
      closed += 1;
    }
  }
  return closed;
}
