/** `/control`: side panels run commands and watch every channel. */
import type { Namespace } from 'socket.io';
import { fail } from '../../shared/protocol/ack';
import { CHANNELS } from '../../shared/protocol/channels';
import type {
  ControlClientToServer,
  ControlServerToClient,
} from '../../shared/protocol/namespaces';
import type { SessionData, SessionSocket } from '../auth/handshake';
import { LIMITS } from '../pipeline/limits';
import { withinBudget } from '../pipeline/rate-limit';
import { bucketOf, type WatcherDeps } from './budgets';
import { payloadSizes } from './payload-size';
import { guarded, refuseUnknownEvents } from './replies';
import { greet, serveSubscribe } from './watchers';

export type ControlNamespace = Namespace<
  ControlClientToServer,
  ControlServerToClient,
  Record<never, never>,
  SessionData
>;

/** The size limit of one command: rule imports carry a whole rule set, the rest is small. */
const COMMANDS_LIMITED = fail('RATE_LIMITED', 'too many commands from this token; slow down');

const limitFor = (payload: unknown) =>
  (payload as { type?: unknown } | null)?.type === 'actions.importRules'
    ? LIMITS.maxImportBytes
    : LIMITS.maxEventBytes;

export function serveControl(nsp: ControlNamespace, deps: WatcherDeps): void {
  nsp.on('connection', (socket: SessionSocket) => {
    const session = socket.data;
    const bucket = bucketOf(socket, '/control', deps);
    const sizeOf = payloadSizes(socket);
    const actor = {
      role: session.role,
      name: session.role === 'owner' ? 'owner' : `${session.role}:${session.client}`,
    };
    refuseUnknownEvents(socket, ['command', 'subscribe']);
    serveSubscribe(socket, deps, bucket, () => ({
      role: session.role,
      streamer: session.streamer,
      streamers: session.streamers,
    }));

    socket.on(
      'command',
      guarded(deps.log, 'command', (payload, reply) =>
        withinBudget(bucket, 1, reply, COMMANDS_LIMITED, () => {
          const size = sizeOf(payload);
          const limit = limitFor(payload);
          if (size > limit) {
            return reply(fail('TOO_LARGE', `command is ${size} bytes, limit ${limit}`));
          }
          if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
            return reply(fail('BAD_PAYLOAD', 'a command is an object with a `type`'));
          }
          const type = (payload as { type?: unknown }).type;
          deps.streams.portFor(session.streamer).command(payload, actor, (ack) => {
            if (ack.ok)
              deps.log.info('command', { type, by: actor.name, streamer: session.streamer });
            reply(ack);
          });
        }),
      ),
    );

    greet(socket, deps, [...CHANNELS]);
  });
}
