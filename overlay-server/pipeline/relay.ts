/**
 * The relay's core, past validation: dedupe → live room → journal → updates out. It owns the
 * current stream (start, end, resume after a crash) and the stream clock. Sockets, sources and
 * HTTP call into it; it knows nothing of Socket.IO.
 *
 * Longer than most files: every path that changes the running stream (events, commands, ticks,
 * outputs' reports, start, end, resume) goes through this one class, so the journal's order is
 * the order things happened. What is not about that order lives beside it (turn queue, clock,
 * stream, action store).
 */
import type { Actor, LiveRoom, StreamReport } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import { createMessageDeduper } from '../../shared/ledger/message-dedupe';
import { type Ack, fail, ok } from '../../shared/protocol/ack';
import type { ClipsState, ObsState } from '../../shared/protocol/actions/actions-data';
import type { SourcesState } from '../../shared/protocol/channel-data';
import type { Channel, ChannelUpdate, StateSnapshot } from '../../shared/protocol/channels';
import { checkCommand, SERVER_ONLY_COMMANDS } from '../../shared/protocol/commands';
import type { RevenueModel } from '../../shared/revenue/revenue-model';
import type { ActionStore } from '../actions/action-store';
import { newStreamId } from '../journal/entries';
import type { JournalFence } from '../journal/fence';
import { type RoomFactory, recoverStream } from '../journal/recovery';
import { journalPathFor, listStreams } from '../journal/streams-dir';
import { type JournalWriter, openJournalWriter } from '../journal/writer';
import type { Logger } from '../log';
import { LiveStream, type SnapshotPolicy } from '../stream/live-stream';
import { createEventStats, type EventStats } from './event-stats';
import { createStreamClock, type StreamClock } from './stream-clock';
import { parseStreamCommand, type StreamCommand } from './stream-commands';
import { createTurnQueue, type TurnQueue } from './turn-queue';

export type IngestOutcome = 'accepted' | 'duplicate' | 'failed';

/** Answers one queued event once its journal write returned (with the error when it failed). */
export type IngestDone = (outcome: IngestOutcome, error?: Error) => void;

export interface RelayOptions {
  dataDir: string;
  createRoom: RoomFactory;
  revenueModel?: RevenueModel;
  log: Logger;
  snapshots?: SnapshotPolicy;
  wall?: () => number;
  /** Where the owner's action rules are kept between streams (none: each stream starts empty). */
  actions?: ActionStore;
  /**
   * The writer's fence when server processes share the journals (a cluster): every write is
   * checked against it, and resuming marks the journal as taken over before reading it.
   */
  journalFence?: JournalFence;
  /** Opens a stream's journal (with the fence, if any); tests wrap the real writer to count writes. */
  openJournal?: (path: string, fence: JournalFence | null) => JournalWriter;
}

/** Where the relay's output goes (the broadcaster). */
export interface RelayOutput {
  updates(updates: ChannelUpdate[], seq: number): void;
  /** A new stream began: every watcher needs a fresh snapshot. */
  streamChanged(): void;
}

const RECENT_IDS_IN_SNAPSHOT = 10_000;

/**
 * The server acting on its own: it ends the stream when it stops cleanly, and its outputs (OBS)
 * report on action runs (recorded in the room's audit log).
 */
const SERVER_ACTOR: Actor = { role: 'owner', name: 'server' };

const moderatorsSeeEarningsIn = (room: LiveRoom): boolean =>
  room.snapshot(['earnings']).earnings?.moderatorsSeeEarnings === true;

export class Relay {
  readonly stats: EventStats;
  private readonly options: RelayOptions;
  private readonly clock: StreamClock;
  private readonly deduper = createMessageDeduper();
  private stream: LiveStream | null = null;
  /** What watchers see: the running stream's room, else the last one, else an empty room. */
  private viewRoom: LiveRoom;
  private sources: SourcesState = { sources: [] };
  private clips: ClipsState = { clips: [] };
  private obs: ObsState = {
    status: 'off',
    enabled: false,
    address: null,
    passwordSet: false,
    detail: null,
    retryAt: null,
    scenes: [],
    inputs: [],
  };
  private output: RelayOutput = { updates: () => {}, streamChanged: () => {} };
  private lastSourceName: LiveEvent['source'] = 'simulator';
  private readonly queue: TurnQueue<LiveEvent, IngestOutcome>;
  private readonly openJournal: (path: string, fence: JournalFence | null) => JournalWriter;

  constructor(options: RelayOptions) {
    this.options = options;
    this.openJournal = options.openJournal ?? openJournalWriter;
    const wall = options.wall ?? Date.now;
    this.clock = createStreamClock(wall);
    this.stats = createEventStats(10, wall);
    this.queue = createTurnQueue(
      (events) => {
        try {
          return this.ingestNow(events);
        } catch (error) {
          options.log.error('ingest failed', { events: events.length, error: String(error) });
          throw error;
        }
      },
      (error) => options.log.error('ingest answer failed', { error: String(error) }),
    );
    this.viewRoom = options.createRoom({
      streamId: 'standby',
      startedAt: wall(),
      revenueModel: options.revenueModel,
      actions: options.actions?.load(),
    });
  }

  attach(output: RelayOutput): void {
    this.output = output;
  }

  /** Resumes the last stream when it did not end (a crash); call once before serving. */
  resume(): { streamId: string; replayed: number; fromSnapshot: boolean } | null {
    const last = listStreams(this.options.dataDir).at(-1);
    if (!last) return null;
    const path = journalPathFor(this.options.dataDir, last.streamId);
    if (!path) return null;
    const fence = this.options.journalFence ?? null;
    // Marked before it is read: whatever the last writer appends after the mark is ignored by
    // every reader, and everything before it is read here (journal/fence.ts).
    if (fence && last.endedAt === null) this.markTakeover(path, fence);
    const recovered = recoverStream(path, this.options.createRoom);
    if (!recovered) return null;
    // A stream's end snapshot follows its streamEnd line, so recovery alone may not see the end.
    if (recovered.ended || last.endedAt !== null) {
      // The owner's settings outlive the stream: the next one starts from the last one's.
      this.viewRoom = this.options.createRoom({
        streamId: 'standby',
        startedAt: recovered.lastAt,
        revenueModel: this.options.revenueModel,
        moderatorsSeeEarnings: moderatorsSeeEarningsIn(recovered.room),
        actions: this.options.actions?.load(),
      });
      return null;
    }
    for (const id of recovered.recentIds) this.deduper.seen(id);
    this.clock.observe(recovered.lastAt);
    this.stream = new LiveStream({
      room: recovered.room,
      streamId: recovered.streamId,
      startedAt: recovered.startedAt,
      journal: this.openJournal(path, fence),
      seq: recovered.seq,
      snapshots: this.options.snapshots,
      recentIds: () => this.recentIds(),
    });
    this.viewRoom = recovered.room;
    return {
      streamId: recovered.streamId,
      replayed: recovered.replayed,
      fromSnapshot: recovered.fromSnapshot,
    };
  }

  get currentStreamId(): string | null {
    return this.stream && !this.stream.ended ? this.stream.streamId : null;
  }

  /** The owner's `settings.moderatorsSeeEarnings` as the room watchers see holds it. */
  get moderatorsSeeEarnings(): boolean {
    return moderatorsSeeEarningsIn(this.viewRoom);
  }

  get seq(): number {
    return this.stream?.seq ?? 0;
  }

  /**
   * One event of a source that sends one per message. The events of one event-loop turn are
   * ingested together at its end: one journal write and one push to the broadcaster for all of
   * them (a write per event was the relay's largest per-event cost). `done` runs after the
   * write, so an ack sent from it never acknowledges an unwritten event.
   */
  enqueue(event: LiveEvent, done: IngestDone): void {
    this.queue.add(event, (outcome, error) => done(outcome ?? 'failed', error));
  }

  /**
   * Events already validated: dedupe, apply, journal (one write per run), then send updates.
   * Queued single events go first, so the journal keeps the order things arrived in.
   */
  ingest(events: readonly LiveEvent[]): IngestOutcome[] {
    this.queue.drain();
    return this.ingestNow(events);
  }

  /** A control command: stream start/end here, everything else through the room. */
  command(payload: unknown, actor: Actor): Ack<unknown> {
    this.queue.drain();
    const at = this.clock.now();
    const streamCommand = parseStreamCommand(payload);
    if (streamCommand) return this.streamCommand(streamCommand, actor, at);
    const type = (payload as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && SERVER_ONLY_COMMANDS.has(type)) {
      return fail('FORBIDDEN', `${type} is reported by the server's own outputs only`);
    }
    const updates: ChannelUpdate[] = [];
    // A bad command after a stream ended must not open an empty new one.
    if (!this.currentStreamId) {
      const check = checkCommand(payload, actor.role);
      if (!check.ok) return fail(check.code, check.message);
    }
    const stream = this.ensureStream(at, updates);
    const result = stream.applyCommand(payload, actor, at);
    for (const update of result.updates) updates.push(update);
    this.send(updates);
    if (result.ack.ok) this.options.actions?.afterCommand(type, stream.room);
    return result.ack;
  }

  /**
   * An output's report on an action run (OBS refused, a sound is gone): journaled like a
   * command, so a replay ends the run where the live stream did.
   */
  reportActionOutcome(runId: string, succeeded: boolean, reason: string | null): void {
    this.queue.drain();
    const stream = this.stream;
    if (!stream || stream.ended) return;
    const command = { type: 'actions.outcome', runId, ok: succeeded, reason };
    const result = stream.applyCommand(command, SERVER_ACTOR, this.clock.now());
    this.send(result.updates);
  }

  /** How the link to OBS stands (the OBS link sets it; panels watch the `obs` channel). */
  setObs(obs: ObsState): void {
    this.obs = obs;
    this.send([{ channel: 'obs', type: 'obs.state', data: obs }]);
  }

  /** The owner's video clips (the clip library sets them at start and on each change). */
  setClips(clips: ClipsState): void {
    this.clips = clips;
    this.send([{ channel: 'clips', type: 'clips.state', data: clips }]);
  }

  /** Time-driven changes (streak quiet periods, poll deadlines), from the stream clock. */
  advance(): void {
    this.queue.drain();
    if (!this.stream || this.stream.ended) return;
    this.send(this.stream.advance(this.clock.now()));
    this.stream.snapshotIfDue();
  }

  /**
   * A source read all its input (a replayed file's last line): streaks whose end never came
   * commit now by the quiet-period rule, as a report of the same file commits them. Returns how
   * many streaks that committed.
   */
  settleOpenStreaks(): number {
    this.queue.drain();
    if (!this.stream || this.stream.ended) return 0;
    const settled = this.stream.settleOpenStreaks();
    this.clock.observe(settled.at);
    this.send(settled.updates);
    return settled.committed;
  }

  snapshot(channels: readonly Channel[]): StateSnapshot {
    const states: StateSnapshot['channels'] = { ...this.viewRoom.snapshot(channels) };
    if (channels.includes('sources')) states.sources = this.sources;
    if (channels.includes('obs')) states.obs = this.obs;
    if (channels.includes('clips')) states.clips = this.clips;
    return { streamId: this.currentStreamId, seq: this.seq, channels: states };
  }

  /** The running stream's report, else the last stream's (null before any stream). */
  report(): StreamReport | null {
    this.queue.drain();
    return this.stream ? this.stream.room.report() : null;
  }

  setSources(sources: SourcesState): void {
    this.sources = sources;
    this.send([{ channel: 'sources', type: 'sources.state', data: sources }]);
  }

  /**
   * Flushes for a stop: fsync the journal and snapshot the room. A stream still running stays
   * resumable (as after a crash); the CLI ends it first on a clean stop (`endRunningStream`).
   */
  close(): void {
    this.queue.drain();
    this.stream?.close();
  }

  /**
   * Another process writes this stream now (it fenced this one out): answers what is queued
   * (with the error its write meets) and closes the journal without writing to it again.
   */
  abandon(): void {
    this.queue.drain();
    this.stream?.abandon();
  }

  private ingestNow(events: readonly LiveEvent[]): IngestOutcome[] {
    const outcomes: IngestOutcome[] = new Array(events.length);
    const updates: ChannelUpdate[] = [];
    let run: LiveEvent[] = [];
    let runIndexes: number[] = [];
    const applyRun = () => {
      if (run.length === 0) return;
      const stream = this.ensureStream(run[0]?.at ?? this.clock.now(), updates);
      for (const failed of stream.applyEvents(run, updates))
        outcomes[runIndexes[failed] ?? 0] = 'failed';
      run = [];
      runIndexes = [];
    };
    events.forEach((event, index) => {
      if (this.deduper.seen(event.id)) {
        outcomes[index] = 'duplicate';
        return;
      }
      outcomes[index] = 'accepted';
      // The end of a stream that is not running (a recording that starts with one): nothing to end.
      if (event.kind === 'streamEnd' && run.length === 0 && !this.currentStreamId) return;
      this.stats.record(event.kind);
      this.clock.observe(event.at);
      this.lastSourceName = event.source;
      run.push(event);
      runIndexes.push(index);
      if (event.kind === 'streamEnd') {
        applyRun();
        this.endStream(event.reason, event.at, updates);
      }
    });
    applyRun();
    this.send(updates);
    return outcomes;
  }

  private streamCommand(command: StreamCommand, actor: Actor, at: number): Ack<unknown> {
    if (actor.role !== 'owner') return fail('FORBIDDEN', `only the owner may ${command.type}`);
    const updates: ChannelUpdate[] = [];
    if (command.type === 'stream.start') {
      if (this.currentStreamId)
        return fail('CONFLICT', `stream ${this.currentStreamId} is running; end it first`);
      const stream = this.ensureStream(at, updates);
      return ok({ streamId: stream.streamId });
    }
    const stream = this.stream;
    if (!stream || stream.ended) return fail('CONFLICT', 'no stream is running');
    const refused = this.endThroughRoom(stream, actor, at, 'operator', updates);
    if (refused) return refused;
    this.send(updates);
    return ok({ streamId: stream.streamId });
  }

  /**
   * Ends the running stream as the server stops cleanly (`reason`, e.g. `stopped`): open
   * streaks commit, polls and segments close, the journal ends with a streamEnd, so the next
   * start begins a new stream instead of resuming this one. Returns its id, or null if none ran.
   */
  endRunningStream(reason: string): string | null {
    this.queue.drain();
    const stream = this.stream;
    if (!stream || stream.ended) return null;
    const updates: ChannelUpdate[] = [];
    this.endThroughRoom(stream, SERVER_ACTOR, this.clock.now(), reason, updates);
    this.send(updates);
    return stream.streamId;
  }

  /** The room's own `stream.end`, then the journal's end; a refusal other than "unknown" is returned. */
  private endThroughRoom(
    stream: LiveStream,
    actor: Actor,
    at: number,
    reason: string,
    updates: ChannelUpdate[],
  ): Ack<unknown> | null {
    // The room closes polls and segments and commits open streaks on its own `stream.end`;
    // a room that does not know the command gets the stream-end event instead.
    const result = stream.applyCommand({ type: 'stream.end' }, actor, at);
    for (const update of result.updates) updates.push(update);
    if (!result.ack.ok && result.ack.code !== 'UNKNOWN_EVENT') return result.ack;
    if (!result.ack.ok) {
      const end: LiveEvent = {
        kind: 'streamEnd',
        id: `end-${stream.streamId}`,
        source: this.lastSourceName,
        at,
        reason: 'operator',
      };
      this.deduper.seen(end.id);
      stream.applyEvents([end], updates);
    }
    this.endStream(reason, at, updates);
    return null;
  }

  private ensureStream(at: number, pendingUpdates: ChannelUpdate[]): LiveStream {
    if (this.stream && !this.stream.ended) return this.stream;
    // Updates of the previous stream go out before the new stream's snapshots.
    this.send(pendingUpdates.splice(0));
    const streamId = newStreamId(at);
    const path = journalPathFor(this.options.dataDir, streamId);
    if (!path) throw new Error(`bad stream id ${streamId}`);
    const moderatorsSeeEarnings = this.moderatorsSeeEarnings;
    const actions = this.options.actions?.load();
    const room = this.options.createRoom({
      streamId,
      startedAt: at,
      revenueModel: this.options.revenueModel,
      moderatorsSeeEarnings,
      actions,
    });
    const journal = this.openJournal(path, this.options.journalFence ?? null);
    journal.append([
      {
        seq: 0,
        at,
        type: 'streamStart',
        streamId,
        startedAt: at,
        revenueModel: this.options.revenueModel,
        moderatorsSeeEarnings,
        actions,
      },
    ]);
    this.stream = new LiveStream({
      room,
      streamId,
      startedAt: at,
      journal,
      seq: 0,
      snapshots: this.options.snapshots,
      recentIds: () => this.recentIds(),
    });
    this.viewRoom = room;
    this.options.log.info('stream started', { streamId });
    this.output.streamChanged();
    return this.stream;
  }

  private endStream(reason: string, at: number, pendingUpdates: ChannelUpdate[]): void {
    if (!this.stream || this.stream.ended) return;
    this.send(pendingUpdates.splice(0));
    this.stream.end(reason, at);
    this.options.log.info('stream ended', { streamId: this.stream.streamId, reason });
  }

  private markTakeover(path: string, fence: JournalFence): void {
    const marker = openJournalWriter(path, fence);
    try {
      marker.append([
        {
          seq: -1,
          at: this.options.wall?.() ?? Date.now(),
          type: 'writer',
          fence: fence.fence,
          holder: fence.holder,
        },
      ]);
    } finally {
      marker.close();
    }
  }

  private recentIds(): string[] {
    return this.deduper.ids().slice(-RECENT_IDS_IN_SNAPSHOT);
  }

  private send(updates: ChannelUpdate[]): void {
    if (updates.length > 0) this.output.updates(updates, this.seq);
  }
}
