/**
 * One stream written by this process: its relay (live room, ledger, journal), its source board,
 * the batcher and the fan-out to its subscription rooms, its action rules, its video clips and
 * sounds and its link to the streamer's OBS (all kept in the stream's data folder). A single `npm start` has one, the
 * default stream; a deployment of many streams has one per stream this process writes.
 */
import { join } from 'node:path';
import { DEFAULT_STREAMER } from '../../shared/protocol/streamers';
import type { RevenueModel } from '../../shared/revenue/revenue-model';
import { ActionStore } from '../actions/action-store';
import { createMediaCheck } from '../actions/media-check';
import { createSourceBoard, type SourceBoard } from '../app/source-sink';
import type { SessionNamespace } from '../auth/handshake';
import { createUpdateBatcher, type UpdateBatcher } from '../broadcast/batcher';
import { createFanout, type Fanout } from '../broadcast/fanout';
import { withheldFromRoom } from '../broadcast/money-access';
import { ClipLibrary } from '../clips/clip-library';
import type { JournalFence } from '../journal/fence';
import type { RoomFactory } from '../journal/recovery';
import type { Logger } from '../log';
import { createObsService, type ObsService } from '../obs/obs-service';
import { Relay, type RelayOptions } from '../pipeline/relay';
import { SoundLibrary } from '../sounds/sound-library';
import type { BackoffOptions } from '../sources/connector/backoff';
import type { SnapshotPolicy } from '../stream/live-stream';

/**
 * A stream's data folder: the config folder itself for the default stream (where a single
 * server has always kept its `streams/`), `streamers/<id>/` for the others.
 */
export function streamerDataDir(home: string, streamer: string): string {
  return streamer === DEFAULT_STREAMER ? home : join(home, 'streamers', streamer);
}

export interface LocalStreamOptions {
  streamer: string;
  /** The deployment's data folder; the stream's own is `streamerDataDir(home, streamer)`. */
  home: string;
  createRoom: RoomFactory;
  revenueModel?: RevenueModel;
  log: Logger;
  snapshots?: SnapshotPolicy;
  batchWindowMs?: number;
  recoveryWindowMs: number;
  /** `/overlay` and `/control`, whose rooms the fan-out sends to. */
  watching: readonly SessionNamespace[];
  /** The writer's fence in a cluster. */
  journalFence?: JournalFence;
  /** How the OBS link waits between attempts (tests make it quick). */
  obsBackoff?: BackoffOptions;
  /** Opens each journal (default: the real writer; tests wrap it to count writes). */
  openJournal?: RelayOptions['openJournal'];
  /** The owner of `streamer` changed who sees money: every watcher of it must follow. */
  moneyAccessChanged(streamer: string, moderatorsSeeEarnings: boolean): void;
}

/** Source rates and last-event times go stale between status changes: republished this often. */
const SOURCES_EVERY_MS = 5_000;

export class LocalStream {
  readonly streamer: string;
  readonly dataDir: string;
  readonly relay: Relay;
  readonly sources: SourceBoard;
  readonly batcher: UpdateBatcher;
  readonly fanout: Fanout;
  /** The link to the streamer's OBS and the OBS actions. */
  readonly obs: ObsService;
  /** The owner's video clips for this stream's actions. */
  readonly clips: ClipLibrary;
  /** The owner's sounds and sound settings for this stream's alerts and actions. */
  readonly sounds: SoundLibrary;
  readonly resumed: ReturnType<Relay['resume']>;
  readonly moneyAccessChanged: (moderatorsSeeEarnings: boolean) => void;
  private sourcesPublishedAt = Date.now();
  private closed = false;

  constructor(options: LocalStreamOptions) {
    const log =
      options.streamer === DEFAULT_STREAMER
        ? options.log
        : options.log.child({ streamer: options.streamer });
    this.streamer = options.streamer;
    this.dataDir = streamerDataDir(options.home, options.streamer);
    this.moneyAccessChanged = (moderatorsSeeEarnings) =>
      options.moneyAccessChanged(options.streamer, moderatorsSeeEarnings);
    this.relay = new Relay({
      dataDir: this.dataDir,
      createRoom: options.createRoom,
      revenueModel: options.revenueModel,
      log,
      snapshots: options.snapshots,
      journalFence: options.journalFence,
      actions: new ActionStore(this.dataDir, log),
      openJournal: options.openJournal,
    });
    this.resumed = this.relay.resume();
    if (this.resumed) log.info('stream resumed', this.resumed);
    this.sources = createSourceBoard(this.relay, log);
    const relay = this.relay;
    this.clips = new ClipLibrary(
      this.dataDir,
      (state) => relay.setClips(state),
      (message) => log.warn(message),
    );
    relay.setClips(this.clips.state());
    this.sounds = new SoundLibrary(
      this.dataDir,
      (state) => relay.setSounds(state),
      (message) => log.warn(message),
    );
    relay.setSounds(this.sounds.state());
    const checkMedia = createMediaCheck(this.clips, this.sounds, (runId, succeeded, reason) =>
      relay.reportActionOutcome(runId, succeeded, reason),
    );
    this.fanout = createFanout(options.watching, {
      streamer: options.streamer,
      recoveryWindowMs: options.recoveryWindowMs,
      withheldFrom: (room) => withheldFromRoom(room, () => relay.moderatorsSeeEarnings),
    });
    const fanout = this.fanout;
    this.batcher = createUpdateBatcher({
      windowMs: options.batchWindowMs,
      send: (updates) => fanout.sendUpdates(updates, relay.seq),
    });
    const batcher = this.batcher;
    this.obs = createObsService({
      dataDir: this.dataDir,
      log,
      publish: (state) => relay.setObs(state),
      report: (runId, succeeded, reason) => relay.reportActionOutcome(runId, succeeded, reason),
      backoff: options.obsBackoff,
    });
    const obs = this.obs;
    relay.attach({
      updates: (updates) => {
        batcher.push(updates);
        obs.onUpdates(updates);
        checkMedia(updates);
      },
      streamChanged: () => this.sendSnapshots(),
    });
    obs.start();
  }

  /** Every watcher gets a fresh snapshot (a new stream began, or this process took it over). */
  sendSnapshots(): void {
    this.batcher.flushNow();
    this.fanout.sendSnapshots((channels) => this.relay.snapshot(channels));
  }

  /** The periodic work: time-driven room changes, and the sources channel kept fresh. */
  advance(): void {
    if (this.closed) return;
    this.relay.advance();
    if (
      Date.now() - this.sourcesPublishedAt >= SOURCES_EVERY_MS &&
      this.sources.state().sources.length > 0
    ) {
      this.sourcesPublishedAt = Date.now();
      this.relay.setSources(this.sources.state());
    }
  }

  /**
   * Flushes and closes the journal. With `endStream` (a clean stop of a single server) the
   * running stream ends first; returns the id of the stream it ended.
   */
  async close(endStream?: string): Promise<string | null> {
    if (this.closed) return null;
    this.closed = true;
    this.sources.flush();
    // No await between the end and the relay's close: nothing arriving in between could open
    // a new stream.
    const ended = endStream ? this.relay.endRunningStream(endStream) : null;
    this.batcher.flushNow();
    this.batcher.stop();
    this.relay.close();
    await this.obs.close();
    return ended;
  }

  /** Drops the stream without writing anything more: another process writes it now. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.batcher.stop();
    this.relay.abandon();
    void this.obs.close();
  }
}
