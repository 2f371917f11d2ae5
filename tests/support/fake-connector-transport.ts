/**
 * A scripted `ConnectorTransport` for tests: each `open()` takes the next step of the script —
 * a failure, or a session that delivers raw events (as TikTok does right after connecting,
 * replays included) and then ends. When the script runs out, `onExhausted` is called (tests abort
 * there) and the session stays open until closed.
 */
import {
  ConnectorFailure,
  type ConnectorFailureKind,
  type ConnectorSession,
  type ConnectorTransport,
  type SessionEnd,
} from '../../overlay-server/sources/connector/transport';

export type ScriptStep =
  | { fail: ConnectorFailureKind; retryAfterMs?: number; message?: string }
  | {
      roomId?: string;
      hostUserId?: string;
      /** What the session's `giftList()` gives: the list, or `fail` to reject. */
      giftList?: unknown;
      events: Array<{ event: string; data: unknown }>;
      /** How the session ends after its events; `open` keeps it open until closed. */
      end: SessionEnd | 'open';
    };

export interface FakeTransport extends ConnectorTransport {
  /** How many times `open` was called. */
  readonly opens: number;
  /** Sessions closed by the source. */
  readonly closed: number;
}

export function createFakeTransport(
  script: readonly ScriptStep[],
  onExhausted: () => void,
): FakeTransport {
  let opens = 0;
  let closed = 0;
  return {
    get opens() {
      return opens;
    },
    get closed() {
      return closed;
    },
    async open(listener) {
      const step = script[opens];
      opens += 1;
      if (!step) {
        onExhausted();
        return openSession(null, 'open');
      }
      if ('fail' in step) {
        throw new ConnectorFailure(step.fail, step.message ?? step.fail, step.retryAfterMs ?? 0);
      }
      for (const { event, data } of step.events) listener(event, data);
      // A session left open at the end of the script is where the test stops the source: as
      // soon as the source starts waiting on it.
      const last = opens === script.length;
      const session = openSession(
        step.roomId ?? null,
        step.end,
        last ? onExhausted : undefined,
        step.hostUserId,
      );
      if (!('giftList' in step)) return session;
      const list = step.giftList;
      return {
        ...session,
        giftList: () =>
          list === 'fail'
            ? Promise.reject(new Error('gift list unavailable'))
            : Promise.resolve(list),
      };
    },
  };

  function openSession(
    roomId: string | null,
    end: SessionEnd | 'open',
    onAwaited?: () => void,
    hostUserId?: string,
  ): ConnectorSession {
    const never: PromiseLike<SessionEnd> = {
      // biome-ignore lint/suspicious/noThenProperty: a thenable that tells when it is awaited
      then() {
        onAwaited?.();
        return new Promise<never>(() => {});
      },
    };
    return {
      roomId,
      title: null,
      hostUserId: hostUserId ?? null,
      ended: end === 'open' ? never : Promise.resolve(end),
      close: async () => {
        closed += 1;
      },
    };
  }
}
