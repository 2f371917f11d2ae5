/**
 * A stream written in this process, as its handlers ask it (stream-port.ts): each request runs
 * through its relay at once. A journal write refused because another process took the stream
 * over (`FencedOut`) is answered WRITER_UNAVAILABLE and reported, so the stream is dropped here.
 */
import { type Ack, fail, ok } from '../../shared/protocol/ack';
import { isObsCommandType } from '../../shared/protocol/commands/obs';
import { channelAccess, roomTagFor } from '../broadcast/money-access';
import { roomFor, streamerTag } from '../broadcast/subscriptions';
import { FencedOut } from '../journal/fence';
import type { IngestOutcome } from '../pipeline/relay-contract';
import type { LocalStream } from './local-stream';
import type { StreamPort, WatchAnswer } from './stream-port';

const MONEY_SETTING = 'settings.moderatorsSeeEarnings';

export function createLocalPort(
  stream: LocalStream,
  /** Called when a write found the stream fenced out. */
  fencedOut: (stream: LocalStream) => void,
): StreamPort {
  const { relay, sources, batcher, fanout } = stream;
  const writeFailure = (error: unknown): Ack<never> => {
    if (error instanceof FencedOut) {
      fencedOut(stream);
      return fail('WRITER_UNAVAILABLE', error.message);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return fail('INTERNAL', `journal write failed: ${reason}`);
  };

  return {
    streamer: stream.streamer,

    ingestOne(event, done) {
      sources.observe([event]);
      if (!sources.admit(event)) return done(ok({ accepted: false, duplicate: true }));
      // Answered once the turn's journal write returned: nothing acknowledged is unwritten.
      relay.enqueue(event, (outcome, error) => {
        if (error) return done(writeFailure(error));
        if (outcome === 'failed')
          return done(fail('INTERNAL', 'the live room failed on this event'));
        done(
          ok({
            accepted: outcome === 'accepted',
            duplicate: outcome === 'duplicate',
            seq: relay.seq,
          }),
        );
      });
    },

    ingestMany(events, done) {
      const outcomes: IngestOutcome[] = new Array(events.length).fill('duplicate');
      const admitted = [];
      const indexes: number[] = [];
      for (const [index, event] of events.entries()) {
        if (!sources.admit(event)) continue;
        admitted.push(event);
        indexes.push(index);
      }
      let results: IngestOutcome[];
      try {
        results = relay.ingest(admitted);
      } catch (error) {
        return done(writeFailure(error));
      }
      sources.observe(events);
      results.forEach((outcome, i) => {
        outcomes[indexes[i] ?? 0] = outcome;
      });
      done(ok(outcomes));
    },

    reportStatus(source, status, done) {
      sources.reportStatus(source, status);
      done(ok(null));
    },

    command(payload, actor, done) {
      const type = (payload as { type?: unknown } | null)?.type;
      let ack: Ack<unknown>;
      try {
        // OBS settings are the stream's server side, not its room: never in the journal.
        ack = isObsCommandType(type)
          ? stream.obs.command(payload, actor.role)
          : relay.command(payload, actor);
      } catch (error) {
        return done(writeFailure(error));
      }
      done(ack);
      // After the ack, so the owner's panel hears the answer before any snapshot it causes.
      if (ack.ok && type === MONEY_SETTING) stream.moneyAccessChanged(relay.moderatorsSeeEarnings);
    },

    watch(target, request, done) {
      const access = channelAccess(target.role, request.wanted, relay.moderatorsSeeEarnings);
      const room =
        access.channels.length > 0
          ? roomFor(access.channels, streamerTag(stream.streamer), roomTagFor(target.role))
          : null;
      const narrower =
        request.following !== undefined && access.channels.length < request.following.length;
      // Taking channels away: out of the room first, so pending money never reaches it.
      if (narrower) target.moveTo(room);
      batcher.flushNow();
      if (!narrower) target.moveTo(room);
      if (room) fanout.note(target.namespace, room);
      const snapshot = relay.snapshot(access.channels);
      target.sendSnapshot(
        access.withheld.length > 0 ? { ...snapshot, withheld: access.withheld } : snapshot,
      );
      const answer: WatchAnswer = { ...access, room };
      done(ok(answer));
    },

    clipsChanged(done) {
      stream.clips.reload();
      done(ok(null));
    },

    soundsChanged(done) {
      stream.sounds.reload();
      done(ok(null));
    },

    moderatorsSeeEarnings(done) {
      done(ok(relay.moderatorsSeeEarnings));
    },

    report(done) {
      try {
        done(ok({ report: relay.report(), moderatorsSeeEarnings: relay.moderatorsSeeEarnings }));
      } catch (error) {
        done(writeFailure(error));
      }
    },
  };
}
