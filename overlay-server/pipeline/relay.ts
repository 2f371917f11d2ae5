/**
 * The relay's core, past validation: dedupe → live room → journal → updates out. Every path that
 * changes the running stream (events, commands, ticks, outputs' reports, start, end, resume) goes
 * through this one class, so the journal's order is the order things happened. The stream's
 * lifecycle is current-stream.ts, the server's own channels server-channels.ts. Sockets, sources
 * and HTTP call into it; it knows nothing of Socket.IO.
 */
import type { Actor, StreamReport } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import { createMessageDeduper } from '../../shared/events/message-dedupe';
import { type Ack, fail } from '../../shared/protocol/ack';
import type { ClipsState, ObsState } from '../../shared/protocol/actions/actions-data';
import type { SoundsState, SourcesState } from '../../shared/protocol/channel-data';
import type { Channel, ChannelUpdate, StateSnapshot } from '../../shared/protocol/channels';
import { checkCommand, SERVER_ONLY_COMMANDS } from '../../shared/protocol/commands';
import { openJournalWriter } from '../journal/writer';
import { CurrentStream } from './current-stream';
import { createEventStats, type EventStats } from './event-stats';
import type { IngestDone, IngestOutcome, RelayOptions, RelayOutput } from './relay-contract';
import { ServerChannels } from './server-channels';
import { createStreamClock, type StreamClock } from './stream-clock';
import { createTurnQueue, type TurnQueue } from './turn-queue';

export type { IngestDone, IngestOutcome, RelayOptions, RelayOutput } from './relay-contract';

const RECENT_IDS_IN_SNAPSHOT = 10_000;

/**
 * The server acting on its own: it ends the stream when it stops cleanly, and its outputs (OBS)
 * report on action runs (recorded in the room's audit log).
 */
const SERVER_ACTOR: Actor = { role: 'owner', name: 'server' };

export class Relay {
  readonly stats: EventStats;
  private readonly options: RelayOptions;
  private readonly clock: StreamClock;
  private readonly deduper = createMessageDeduper();
  private readonly current: CurrentStream;
  private readonly serverChannels = new ServerChannels();
  private output: RelayOutput = { updates: () => {}, streamChanged: () => {} };
  private lastSourceName: LiveEvent['source'] = 'simulator';
  private readonly queue: TurnQueue<LiveEvent, IngestOutcome>;

  constructor(options: RelayOptions) {
    this.options = options;
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
    this.current = new CurrentStream(
      {
        ...options,
        wall,
        openJournal: options.openJournal ?? openJournalWriter,
        recentIds: () => this.recentIds(),
      },
      options.log,
      {
        flush: (updates) => this.send(updates),
        streamChanged: () => this.output.streamChanged(),
        remember: (id) => this.deduper.seen(id),
      },
    );
  }

  attach(output: RelayOutput): void {
    this.output = output;
  }

  /** Resumes the last stream when it did not end (a crash); call once before serving. */
  resume(): { streamId: string; replayed: number; fromSnapshot: boolean } | null {
    const resumed = this.current.resume();
    if (!resumed) return null;
    for (const id of resumed.recentIds) this.deduper.seen(id);
    this.clock.observe(resumed.lastAt);
    const { streamId, replayed, fromSnapshot } = resumed;
    return { streamId, replayed, fromSnapshot };
  }

  get currentStreamId(): string | null {
    return this.current.id;
  }

  /** The owner's `settings.moderatorsSeeEarnings` as the room watchers see holds it. */
  get moderatorsSeeEarnings(): boolean {
    return this.current.moderatorsSeeEarnings;
  }

  get seq(): number {
    return this.current.seq;
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
    // Parsed once here with every other command (shared/protocol/commands/): a stream's start
    // and end are the relay's, everything else the room's.
    const check = checkCommand(payload, actor.role);
    if (
      check.ok &&
      (check.command.type === 'stream.start' || check.command.type === 'stream.end')
    ) {
      return this.current.command(check.command, actor, at, this.lastSourceName);
    }
    const type = (payload as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && SERVER_ONLY_COMMANDS.has(type)) {
      return fail('FORBIDDEN', `${type} is reported by the server's own outputs only`);
    }
    const updates: ChannelUpdate[] = [];
    // A bad command after a stream ended must not open an empty new one.
    if (!this.currentStreamId && !check.ok) return fail(check.code, check.message);
    const stream = this.current.ensure(at, updates);
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
    const stream = this.current.running;
    if (!stream) return;
    const command = { type: 'actions.outcome', runId, ok: succeeded, reason };
    const result = stream.applyCommand(command, SERVER_ACTOR, this.clock.now());
    this.send(result.updates);
  }

  /** How the link to OBS stands (the OBS link sets it; panels watch the `obs` channel). */
  setObs(obs: ObsState): void {
    this.send([this.serverChannels.setObs(obs)]);
  }

  /** The owner's clips, and sounds with their settings (each library sets them, on each change). */
  setClips(clips: ClipsState): void {
    this.send([this.serverChannels.setClips(clips)]);
  }
  setSounds(sounds: SoundsState): void {
    this.send([this.serverChannels.setSounds(sounds)]);
  }

  /** Time-driven changes (streak quiet periods, poll deadlines), from the stream clock. */
  advance(): void {
    this.queue.drain();
    const stream = this.current.running;
    if (!stream) return;
    this.send(stream.advance(this.clock.now()));
    stream.snapshotIfDue();
  }

  /**
   * A source read all its input (a replayed file's last line): streaks whose end never came
   * commit now by the quiet-period rule, as a report of the same file commits them. Returns how
   * many streaks that committed.
   */
  settleOpenStreaks(): number {
    this.queue.drain();
    const stream = this.current.running;
    if (!stream) return 0;
    const settled = stream.settleOpenStreaks();
    this.clock.observe(settled.at);
    this.send(settled.updates);
    return settled.committed;
  }

  snapshot(channels: readonly Channel[]): StateSnapshot {
    const states: StateSnapshot['channels'] = { ...this.current.viewRoom.snapshot(channels) };
    this.serverChannels.fill(channels, states);
    return { streamId: this.currentStreamId, seq: this.seq, channels: states };
  }

  /** The running stream's report, else the last stream's (null before any stream). */
  report(): StreamReport | null {
    this.queue.drain();
    return this.current.latest?.room.report() ?? null;
  }

  setSources(sources: SourcesState): void {
    this.send([this.serverChannels.setSources(sources)]);
  }

  /**
   * Flushes for a stop: fsync the journal and snapshot the room. A stream still running stays
   * resumable (as after a crash); the CLI ends it first on a clean stop (`endRunningStream`).
   */
  close(): void {
    this.queue.drain();
    this.current.latest?.close();
  }

  /**
   * Another process writes this stream now (it fenced this one out): answers what is queued
   * (with the error its write meets) and closes the journal without writing to it again.
   */
  abandon(): void {
    this.queue.drain();
    this.current.latest?.abandon();
  }

  private ingestNow(events: readonly LiveEvent[]): IngestOutcome[] {
    const outcomes: IngestOutcome[] = new Array(events.length);
    const updates: ChannelUpdate[] = [];
    let run: LiveEvent[] = [];
    let runIndexes: number[] = [];
    const applyRun = () => {
      if (run.length === 0) return;
      const stream = this.current.ensure(run[0]?.at ?? this.clock.now(), updates);
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
        this.current.end(event.reason, event.at, updates);
      }
    });
    applyRun();
    this.send(updates);
    return outcomes;
  }

  /**
   * Ends the running stream as the server stops cleanly (`reason`, e.g. `stopped`): open
   * streaks commit, polls and segments close, the journal ends with a streamEnd, so the next
   * start begins a new stream instead of resuming this one. Returns its id, or null if none ran.
   */
  endRunningStream(reason: string): string | null {
    this.queue.drain();
    const stream = this.current.running;
    if (!stream) return null;
    const updates: ChannelUpdate[] = [];
    this.current.endThroughRoom(
      stream,
      SERVER_ACTOR,
      this.clock.now(),
      reason,
      this.lastSourceName,
      updates,
    );
    this.send(updates);
    return stream.streamId;
  }

  private recentIds(): string[] {
    return this.deduper.ids().slice(-RECENT_IDS_IN_SNAPSHOT);
  }

  private send(updates: ChannelUpdate[]): void {
    if (updates.length > 0) this.output.updates(updates, this.seq);
  }
}
