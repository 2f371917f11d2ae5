/** `/control`: side panels run commands and watch every channel. */
import type { Namespace, Socket } from 'socket.io';
import { fail } from '../../shared/protocol/ack';
import { CHANNELS } from '../../shared/protocol/channels';
import type {
  ControlClientToServer,
  ControlServerToClient,
} from '../../shared/protocol/namespaces';
import type { SessionData } from '../auth/handshake';
import { jsonSize, LIMITS } from '../pipeline/limits';
import { createTokenBucket, RATE_BUDGETS } from '../pipeline/rate-limit';
import { guarded, refuseUnknownEvents } from './replies';
import { greet, serveSubscribe, type WatchDeps } from './watchers';

export type ControlNamespace = Namespace<
  ControlClientToServer,
  ControlServerToClient,
  Record<never, never>,
  SessionData
>;

export function serveControl(nsp: ControlNamespace, deps: WatchDeps): void {
  nsp.on('connection', (socket: Socket) => {
    const session = socket.data as SessionData;
    const bucket = createTokenBucket(RATE_BUDGETS.control);
    const actor = {
      role: session.role,
      name: session.role === 'owner' ? 'owner' : `${session.role}:${session.client}`,
    };
    refuseUnknownEvents(socket, ['command', 'subscribe']);
    serveSubscribe(socket, deps, bucket, () => ({ role: session.role }));

    socket.on(
      'command',
      guarded(deps.log, 'command', (payload, reply) => {
        if (!bucket.take(1))
          return reply(fail('RATE_LIMITED', 'too many commands from this socket; slow down'));
        const size = jsonSize(payload);
        if (size > LIMITS.maxEventBytes) {
          return reply(
            fail('TOO_LARGE', `command is ${size} bytes, limit ${LIMITS.maxEventBytes}`),
          );
        }
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          return reply(fail('BAD_PAYLOAD', 'a command is an object with a `type`'));
        }
        const ack = deps.relay.command(payload, actor);
        const type = (payload as { type?: unknown }).type;
        if (ack.ok) deps.log.info('command', { type, by: actor.name });
        reply(ack);
        // After the ack, so the owner's panel hears the answer before any snapshot it causes.
        if (ack.ok && type === 'settings.moderatorsSeeEarnings') deps.moneyAccessChanged?.();
      }),
    );

    greet(socket, deps, [...CHANNELS]);
  });
}
