/**
 * Acknowledgement plumbing shared by the namespaces: a client may omit the ack or pass something
 * that is not a function (then there is no one to answer and nothing breaks), and a handler that
 * throws answers INTERNAL instead of taking the server down.
 */
import { type Ack, fail } from '../../shared/protocol/ack';
import type { SessionSocket } from '../auth/handshake';
import type { Logger } from '../log';

export type Reply = (ack: Ack<unknown>) => void;

export function replyTo(ack: unknown): Reply {
  if (typeof ack !== 'function') return () => {};
  let answered = false;
  return (value) => {
    if (answered) return;
    answered = true;
    (ack as Reply)(value);
  };
}

/** Wraps a handler: an exception becomes an INTERNAL ack and a log line. */
export function guarded(
  log: Logger,
  name: string,
  handler: (payload: unknown, reply: Reply) => void,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    const reply = replyTo(ack);
    try {
      handler(payload, reply);
    } catch (error) {
      log.error('handler failed', { event: name, error: String(error) });
      reply(fail('INTERNAL', 'the server failed on this request; it keeps serving, retry'));
    }
  };
}

/** Answers events the namespace does not know with UNKNOWN_EVENT (when they carry an ack). */
export function refuseUnknownEvents(socket: SessionSocket, known: readonly string[]): void {
  socket.onAny((name: unknown, ...args: unknown[]) => {
    if (typeof name === 'string' && known.includes(name)) return;
    const last = args[args.length - 1];
    replyTo(last)(
      fail(
        'UNKNOWN_EVENT',
        `unknown event ${JSON.stringify(name)}; this namespace takes ${known.join(', ')}`,
      ),
    );
  });
}
