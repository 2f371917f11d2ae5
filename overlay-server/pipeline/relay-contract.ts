/**
 * What the relay is made with and answers: its options, where its updates go, and what became
 * of each ingested event. Apart from relay.ts so ports and namespaces can name them without it.
 */

import type { ChannelUpdate } from '../../shared/protocol/channels';
import type { RevenueModel } from '../../shared/revenue/revenue-model';
import type { ActionStore } from '../actions/action-store';
import type { JournalFence } from '../journal/fence';
import type { RoomFactory } from '../journal/recovery';
import type { JournalWriter } from '../journal/writer';
import type { Logger } from '../log';
import type { SnapshotPolicy } from '../stream/live-stream';

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
