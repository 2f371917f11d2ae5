/**
 * The relay's current stream and its lifecycle: opened by the first event or command (or
 * `stream.start`), ended by a streamEnd event, `stream.end` or a clean stop, resumed after a
 * crash. Between streams watchers see the last stream's room, or an empty standby room.
 */
import type { Actor, LiveRoom } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import { type Ack, fail, ok } from '../../shared/protocol/ack';
import type { ChannelUpdate } from '../../shared/protocol/channels';
import type { CommandOfType } from '../../shared/protocol/commands';
import type { ActionStore } from '../actions/action-store';
import { recoverStream } from '../journal/recovery';
import { journalPathFor, listStreams } from '../journal/streams-dir';
import type { Logger } from '../log';
import type { LiveStream } from '../stream/live-stream';
import { continueStream, markTakeover, openNewStream, type StreamOpening } from './stream-opening';

/** Where a stream's lifecycle reports to the relay. */
export interface StreamLifecycleHooks {
  /** Updates of the previous stream, sent before a new stream's snapshots or its end. */
  flush(updates: ChannelUpdate[]): void;
  /** A new stream began: every watcher needs a fresh snapshot. */
  streamChanged(): void;
  /** An event the relay makes up (a streamEnd for a room without `stream.end`) was seen. */
  remember(eventId: string): void;
}

/** What a resume found: the stream a crash left running, continued. */
export interface ResumedStream {
  streamId: string;
  replayed: number;
  fromSnapshot: boolean;
  /** Stream time of its last entry, and its recent message ids, oldest first. */
  lastAt: number;
  recentIds: string[];
}

const moderatorsSeeEarningsIn = (room: LiveRoom): boolean =>
  room.snapshot(['earnings']).earnings?.moderatorsSeeEarnings === true;

export class CurrentStream {
  private stream: LiveStream | null = null;
  /** What watchers see: the running stream's room, else the last one, else an empty room. */
  private viewRoomValue: LiveRoom;

  constructor(
    private readonly opening: StreamOpening & { actions?: ActionStore; wall: () => number },
    private readonly log: Logger,
    private readonly hooks: StreamLifecycleHooks,
  ) {
    this.viewRoomValue = this.standbyRoom(opening.wall(), false);
  }

  get viewRoom(): LiveRoom {
    return this.viewRoomValue;
  }

  /** The running stream, or null between streams. */
  get running(): LiveStream | null {
    return this.stream && !this.stream.ended ? this.stream : null;
  }

  /** The running stream, else the last one (null before any stream). */
  get latest(): LiveStream | null {
    return this.stream;
  }

  get id(): string | null {
    return this.running?.streamId ?? null;
  }

  get seq(): number {
    return this.stream?.seq ?? 0;
  }

  /** The owner's `settings.moderatorsSeeEarnings` as the room watchers see holds it. */
  get moderatorsSeeEarnings(): boolean {
    return moderatorsSeeEarningsIn(this.viewRoomValue);
  }

  /** `stream.start` or `stream.end` (the owner's only); `source` sends a made-up streamEnd. */
  command(
    command: CommandOfType<'stream.start' | 'stream.end'>,
    actor: Actor,
    at: number,
    source: LiveEvent['source'],
  ): Ack<unknown> {
    if (actor.role !== 'owner') return fail('FORBIDDEN', `only the owner may ${command.type}`);
    const updates: ChannelUpdate[] = [];
    if (command.type === 'stream.start') {
      if (this.id) return fail('CONFLICT', `stream ${this.id} is running; end it first`);
      return ok({ streamId: this.ensure(at, updates).streamId });
    }
    const stream = this.running;
    if (!stream) return fail('CONFLICT', 'no stream is running');
    const refused = this.endThroughRoom(stream, actor, at, 'operator', source, updates);
    if (refused) return refused;
    this.hooks.flush(updates);
    return ok({ streamId: stream.streamId });
  }

  /** Resumes the last stream when it did not end (a crash); null when there is none to resume. */
  resume(): ResumedStream | null {
    const { dataDir, journalFence, createRoom } = this.opening;
    const last = listStreams(dataDir).at(-1);
    if (!last) return null;
    const path = journalPathFor(dataDir, last.streamId);
    if (!path) return null;
    // Marked before it is read: whatever the last writer appends after the mark is ignored by
    // every reader, and everything before it is read here (journal/fence.ts).
    if (journalFence && last.endedAt === null)
      markTakeover(path, journalFence, this.opening.wall());
    const recovered = recoverStream(path, createRoom);
    if (!recovered) return null;
    // A stream's end snapshot follows its streamEnd line, so recovery alone may not see the end.
    if (recovered.ended || last.endedAt !== null) {
      // The owner's settings outlive the stream: the next one starts from the last one's.
      const moderators = moderatorsSeeEarningsIn(recovered.room);
      this.viewRoomValue = this.standbyRoom(recovered.lastAt, moderators);
      return null;
    }
    this.stream = continueStream(this.opening, recovered, path);
    this.viewRoomValue = recovered.room;
    const { streamId, replayed, fromSnapshot, lastAt, recentIds } = recovered;
    return { streamId, replayed, fromSnapshot, lastAt, recentIds };
  }

  /** The running stream, or a new one opened at stream time `at`. */
  ensure(at: number, pendingUpdates: ChannelUpdate[]): LiveStream {
    const running = this.running;
    if (running) return running;
    // Updates of the previous stream go out before the new stream's snapshots.
    this.hooks.flush(pendingUpdates.splice(0));
    const stream = openNewStream(
      this.opening,
      at,
      this.moderatorsSeeEarnings,
      this.opening.actions?.load(),
    );
    this.stream = stream;
    this.viewRoomValue = stream.room;
    this.log.info('stream started', { streamId: stream.streamId });
    this.hooks.streamChanged();
    return stream;
  }

  /** Ends the running stream's journal (after the updates pending so far go out). */
  end(reason: string, at: number, pendingUpdates: ChannelUpdate[]): void {
    const running = this.running;
    if (!running) return;
    this.hooks.flush(pendingUpdates.splice(0));
    running.end(reason, at);
    this.log.info('stream ended', { streamId: running.streamId, reason });
  }

  /**
   * The room's own `stream.end`, then the journal's end; a refusal other than "unknown" is
   * returned. A room that does not know the command gets a streamEnd event from `source`.
   */
  endThroughRoom(
    stream: LiveStream,
    actor: Actor,
    at: number,
    reason: string,
    source: LiveEvent['source'],
    updates: ChannelUpdate[],
  ): Ack<unknown> | null {
    // The room closes polls and segments and commits open streaks on its own `stream.end`.
    const result = stream.applyCommand({ type: 'stream.end' }, actor, at);
    for (const update of result.updates) updates.push(update);
    if (!result.ack.ok && result.ack.code !== 'UNKNOWN_EVENT') return result.ack;
    if (!result.ack.ok) {
      const id = `end-${stream.streamId}`;
      this.hooks.remember(id);
      stream.applyEvents([{ kind: 'streamEnd', id, source, at, reason: 'operator' }], updates);
    }
    this.end(reason, at, updates);
    return null;
  }

  private standbyRoom(startedAt: number, moderatorsSeeEarnings: boolean): LiveRoom {
    return this.opening.createRoom({
      streamId: 'standby',
      startedAt,
      revenueModel: this.opening.revenueModel,
      ...(moderatorsSeeEarnings ? { moderatorsSeeEarnings } : {}),
      actions: this.opening.actions?.load(),
    });
  }
}
