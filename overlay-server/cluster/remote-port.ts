/**
 * A stream written by another process of the cluster, as this process's handlers ask it: each
 * request is forwarded over the cluster bus and answered by the stream's writer. When no process
 * answers (the writer died; its lease has not expired yet) or the writer was just fenced out, the
 * request waits for a writer — this process claims the stream when its lease is free — and is
 * sent again, until `patienceMs` has passed; then it is answered WRITER_UNAVAILABLE, with
 * nothing recorded. An acknowledged event is therefore always in the journal of the writer that
 * acknowledged it, and a retried one is deduplicated by its message id.
 */
import { type Ack, fail } from '../../shared/protocol/ack';
import type { IngestResult } from '../../shared/protocol/namespaces';
import type { IngestOutcome } from '../pipeline/relay-contract';
import type { Done, StreamPort, WatchAnswer } from '../streams/stream-port';
import type { BusRequest, ClusterBus } from './cluster-bus';

export interface WriterFinder {
  /**
   * Resolves with the local port once this process writes the stream (it claimed the free
   * lease), or null while another process holds it.
   */
  claim(streamer: string): Promise<StreamPort | null>;
}

export interface RemotePortOptions {
  streamer: string;
  bus: ClusterBus;
  writers: WriterFinder;
  /** How long a request waits for a writer before WRITER_UNAVAILABLE. */
  patienceMs: number;
  /** Pause between attempts while no writer answers. */
  retryMs?: number;
}

type Forwarded = BusRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;

export function createRemotePort(options: RemotePortOptions): StreamPort {
  const { streamer, bus, writers } = options;
  const retryMs = options.retryMs ?? 100;

  /**
   * Sends `request` to the writer; `local` runs it here once this process became the writer.
   * `idempotent` requests (events carry message ids; reads) are sent again after a writer died
   * mid-request; a command is not, as it may have run: its sender hears so and decides.
   */
  function forward<T>(
    request: BusRequest,
    local: (port: StreamPort, done: Done<Ack<T>>) => void,
    done: Done<Ack<T>>,
    idempotent = true,
  ): void {
    const deadline = Date.now() + options.patienceMs;
    const attempt = () => {
      bus.request(request, (answers, complete) => {
        const answered = answers.find((answer) => answer !== null) ?? null;
        const fencedOut = answered?.ok === false && answered.code === 'WRITER_UNAVAILABLE';
        if (answered && !(fencedOut && idempotent)) return done(answered as Ack<T>);
        if (!answered && !complete && !idempotent)
          return done(
            fail(
              'WRITER_UNAVAILABLE',
              `the writer of stream ${streamer} stopped while handling this; it may not have run`,
            ),
          );
        writers.claim(streamer).then(
          (port) => {
            if (port) return local(port, done);
            if (Date.now() >= deadline)
              return done(
                fail(
                  'WRITER_UNAVAILABLE',
                  `no server process writes stream ${streamer} now; retry`,
                ),
              );
            setTimeout(attempt, retryMs);
          },
          (error: unknown) => done(fail('WRITER_UNAVAILABLE', String(error))),
        );
      });
    };
    attempt();
  }

  const op = <O extends Forwarded>(name: O) => name;
  return {
    streamer,
    ingestOne(event, done) {
      forward<IngestResult>(
        { streamer, op: op('ingestOne'), event },
        (port, d) => port.ingestOne(event, d),
        done,
      );
    },
    ingestMany(events, done) {
      forward<IngestOutcome[]>(
        { streamer, op: op('ingestMany'), events },
        (port, d) => port.ingestMany(events, d),
        done,
      );
    },
    reportStatus(source, status, done) {
      forward<null>(
        { streamer, op: op('status'), source, status },
        (port, d) => port.reportStatus(source, status, d),
        done,
      );
    },
    command(payload, actor, done) {
      forward<unknown>(
        { streamer, op: op('command'), payload, actor },
        (port, d) => port.command(payload, actor, d),
        done,
        false,
      );
    },
    watch(target, request, done) {
      const socket = {
        namespace: target.namespace,
        id: target.id,
        role: target.role,
        room: target.room,
      };
      forward<WatchAnswer>(
        { streamer, op: op('watch'), socket, request },
        (port, d) => port.watch(target, request, d),
        done,
      );
    },
    moderatorsSeeEarnings(done) {
      forward<boolean>(
        { streamer, op: op('moderatorsSeeEarnings') },
        (port, d) => port.moderatorsSeeEarnings(d),
        done,
      );
    },
    clipsChanged(done) {
      forward<null>({ streamer, op: op('clipsChanged') }, (port, d) => port.clipsChanged(d), done);
    },
    soundsChanged(done) {
      forward<null>(
        { streamer, op: op('soundsChanged') },
        (port, d) => port.soundsChanged(d),
        done,
      );
    },
    report(done) {
      forward({ streamer, op: op('report') }, (port, d) => port.report(d), done);
    },
  };
}
