/**
 * Requests between the server processes of a cluster, on Socket.IO's own server-side messages
 * (`serverSideEmit`, carried by the Redis adapter): a process asks every other one, the
 * stream's writer answers and the others answer null. Notices need no answer (rooms a process
 * has for a stream, a change of who sees money). Payloads travel as JSON text, as the socket
 * payloads they came from did (the adapter's MessagePack would turn an absent field into null).
 */
import type { Server } from 'socket.io';
import type { Actor } from '../../shared/engines/live-room-contract';
import type { EventSource } from '../../shared/events/base';
import type { LiveEvent } from '../../shared/events/live-event';
import type { Ack } from '../../shared/protocol/ack';
import type { Role } from '../../shared/protocol/roles';
import type { SourceStatus } from '../sources/source';
import type { WatchRequest } from '../streams/stream-port';

/** What the writer of `streamer` is asked. */
export type BusRequest = { streamer: string } & (
  | { op: 'ingestOne'; event: LiveEvent }
  | { op: 'ingestMany'; events: LiveEvent[] }
  | { op: 'status'; source: EventSource; status: SourceStatus }
  | { op: 'command'; payload: unknown; actor: Actor }
  | {
      op: 'watch';
      socket: { namespace: string; id: string; role: Role; room: string | null };
      request: WatchRequest;
    }
  | { op: 'moderatorsSeeEarnings' }
  | { op: 'report' }
  | { op: 'clipsChanged' }
  | { op: 'soundsChanged' }
);

/** What every process is told, or asked about its own sockets. */
export type BusNotice =
  /** Subscription rooms of `streamer` with members in the sender: its writer sends to them. */
  | { op: 'rooms'; streamer: string; rooms: Array<{ namespace: string; room: string }> }
  /** The owner of `streamer` changed who sees money: moderators' sockets follow. */
  | { op: 'moneyAccess'; streamer: string; moderatorsSeeEarnings: boolean };

export interface ClusterBus {
  /**
   * Every other process's answer (null from those that do not write the stream). `complete` is
   * false when some process did not answer in time (it may have died while handling it).
   */
  request(
    request: BusRequest,
    done: (answers: Array<Ack<unknown> | null>, complete: boolean) => void,
  ): void;
  notify(notice: BusNotice): void;
  /** Asks every other process which rooms it has for `streamer` (a new writer's first question). */
  roomsOf(
    streamer: string,
    done: (rooms: Array<{ namespace: string; room: string }>) => void,
  ): void;
  onRequest(
    handler: (request: BusRequest, answer: (ack: Ack<unknown> | null) => void) => void,
  ): void;
  onNotice(handler: (notice: BusNotice) => void): void;
  onRoomsAsked(handler: (streamer: string) => Array<{ namespace: string; room: string }>): void;
}

const REQUEST = 'limelight:request';
const NOTICE = 'limelight:notice';
const ROOMS = 'limelight:rooms';

type Emitter = {
  serverSideEmit(event: string, ...args: unknown[]): boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
};

export function createClusterBus(io: Server): ClusterBus {
  const main = io.of('/') as unknown as Emitter;
  const decode = (text: unknown) => (typeof text === 'string' ? JSON.parse(text) : null);
  return {
    request(request, done) {
      main.serverSideEmit(REQUEST, JSON.stringify(request), (error: unknown, answers: unknown) => {
        const decoded = Array.isArray(answers) ? answers.map((answer) => decode(answer)) : [];
        done(decoded, !error);
      });
    },
    notify(notice) {
      main.serverSideEmit(NOTICE, JSON.stringify(notice));
    },
    roomsOf(streamer, done) {
      main.serverSideEmit(ROOMS, streamer, (_error: unknown, answers: unknown) => {
        const rooms = Array.isArray(answers) ? answers.flatMap((text) => decode(text) ?? []) : [];
        done(rooms);
      });
    },
    onRequest(handler) {
      main.on(REQUEST, (text, ack) => {
        const reply = typeof ack === 'function' ? ack : () => {};
        handler(decode(text) as BusRequest, (answer) =>
          reply(answer === null ? null : JSON.stringify(answer)),
        );
      });
    },
    onNotice(handler) {
      main.on(NOTICE, (text) => handler(decode(text) as BusNotice));
    },
    onRoomsAsked(handler) {
      main.on(ROOMS, (streamer, ack) => {
        if (typeof ack === 'function' && typeof streamer === 'string')
          ack(JSON.stringify(handler(streamer)));
      });
    },
  };
}
