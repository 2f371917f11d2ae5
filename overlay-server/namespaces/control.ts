/** `/control`: side panels run commands and watch every channel. */
import type { Namespace, Socket } from 'socket.io';
import { fail } from '../../shared/protocol/ack';
import { CHANNELS } from '../../shared/protocol/channels';
import { isObsCommandType } from '../../shared/protocol/commands/obs';
import type {
  ControlClientToServer,
  ControlServerToClient,
} from '../../shared/protocol/namespaces';
import type { SessionData } from '../auth/handshake';
import type { ObsService } from '../obs/obs-service';
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

/** The size limit of one command: rule imports carry a whole rule set, the rest is small. */
const limitFor = (payload: unknown) =>
  (payload as { type?: unknown } | null)?.type === 'actions.importRules'
    ? LIMITS.maxImportBytes
    : LIMITS.maxEventBytes;

export function serveControl(nsp: ControlNamespace, deps: WatchDeps & { obs: ObsService }): void {
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
        const limit = limitFor(payload);
        if (size > limit) {
          return reply(fail('TOO_LARGE', `command is ${size} bytes, limit ${limit}`));
        }
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          return reply(fail('BAD_PAYLOAD', 'a command is an object with a `type`'));
        }
        const type = (payload as { type?: unknown }).type;
        // OBS settings are the server's, not the stream's: they never reach a room or the journal.
        const ack = isObsCommandType(type)
          ? deps.obs.command(payload, session.role)
          : deps.relay.command(payload, actor);
        if (ack.ok) deps.log.info('command', { type, by: actor.name });
        reply(ack);
        // After the ack, so the owner's panel hears the answer before any snapshot it causes.
        if (ack.ok && type === 'settings.moderatorsSeeEarnings') deps.moneyAccessChanged?.();
      }),
    );

    greet(socket, deps, [...CHANNELS]);
  });
}
