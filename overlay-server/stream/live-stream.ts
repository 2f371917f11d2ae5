/**
 * One running stream: its live room and its journal. Everything accepted is journaled before
 * the caller acks; everything the room changes is returned for broadcast.
 */
import type { Actor, LiveRoom } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import type { Ack } from '../../shared/protocol/ack';
import type { ChannelUpdate } from '../../shared/protocol/channels';
import type { JournalEntry } from '../journal/entries';
import { type RoomSnapshot, writeSnapshot } from '../journal/snapshots';
import type { JournalWriter } from '../journal/writer';

export interface SnapshotPolicy {
  /** Write a snapshot after this many journal entries… */
  everyEntries: number;
  /** …or this much wall time with at least one new entry… */
  everyMs: number;
  /** …but never closer than this: a snapshot of a long stream costs tens of ms of event loop. */
  minGapMs?: number;
}

/**
 * At the end of an 8-hour mid stream the room state is ~3 MB and a snapshot ~35 ms; a tail of
 * 20,000 entries replays in about a second. So: every 20,000 entries or 30 s, at most every 5 s.
 */
export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = {
  everyEntries: 20_000,
  everyMs: 30_000,
  minGapMs: 5_000,
};

export interface LiveStreamInit {
  room: LiveRoom;
  streamId: string;
  startedAt: number;
  journal: JournalWriter;
  /** Seq of the last entry already in the journal. */
  seq: number;
  snapshots?: SnapshotPolicy;
  /** Ids of recent events for the next snapshot (the deduper itself lives in the relay). */
  recentIds: () => string[];
}

export class LiveStream {
  readonly room: LiveRoom;
  readonly streamId: string;
  readonly startedAt: number;
  private readonly journal: JournalWriter;
  private seqValue: number;
  private lastAt: number;
  private readonly policy: SnapshotPolicy;
  private readonly recentIds: () => string[];
  private snapshotSeq: number;
  private snapshotWall = Date.now();
  private endedFlag = false;

  constructor(init: LiveStreamInit) {
    this.room = init.room;
    this.streamId = init.streamId;
    this.startedAt = init.startedAt;
    this.journal = init.journal;
    this.seqValue = init.seq;
    this.snapshotSeq = init.seq;
    this.lastAt = init.startedAt;
    this.policy = init.snapshots ?? DEFAULT_SNAPSHOT_POLICY;
    this.recentIds = init.recentIds;
  }

  get seq(): number {
    return this.seqValue;
  }

  get ended(): boolean {
    return this.endedFlag;
  }

  /**
   * Applies deduplicated events, journals them in one write and collects the room's updates in
   * `out`. Returns the indexes of events the room threw on (not journaled, so replay matches).
   */
  applyEvents(events: readonly LiveEvent[], out: ChannelUpdate[]): number[] {
    const failed: number[] = [];
    if (events.length === 0) return failed;
    const entries: JournalEntry[] = [];
    events.forEach((event, index) => {
      let updates: ChannelUpdate[];
      try {
        updates = this.room.applyEvent(event);
      } catch {
        failed.push(index);
        return;
      }
      pushAll(out, updates);
      entries.push({ seq: this.nextSeq(), at: event.at, type: 'event', event });
    });
    this.write(entries);
    return failed;
  }

  /** Runs a command through the room; only accepted commands are journaled. */
  applyCommand(
    command: unknown,
    actor: Actor,
    at: number,
  ): { ack: Ack<unknown>; updates: ChannelUpdate[] } {
    const result = this.room.applyCommand(command, { actor, at });
    if (result.ack.ok) this.write([{ seq: this.nextSeq(), at, type: 'command', command, actor }]);
    return result;
  }

  /** Time-driven changes; journaled as a tick only when something changed, so replay matches. */
  advance(now: number): ChannelUpdate[] {
    const updates = this.room.advance(now);
    if (updates.length > 0) this.write([{ seq: this.nextSeq(), at: now, type: 'tick' }]);
    return updates;
  }

  /** End of input: open streaks commit by the quiet rule; journaled as the tick it is. */
  settleOpenStreaks(): { updates: ChannelUpdate[]; committed: number; at: number } {
    const settled = this.room.settleOpenStreaks();
    if (settled.updates.length > 0) {
      this.write([{ seq: this.nextSeq(), at: settled.at, type: 'tick' }]);
    }
    return settled;
  }

  /** Journals the stream's end; the caller applied the streamEnd event first. */
  end(reason: string, at: number): void {
    if (this.endedFlag) return;
    this.write([{ seq: this.nextSeq(), at, type: 'streamEnd', reason }]);
    this.endedFlag = true;
    this.writeSnapshot();
    this.journal.close();
  }

  /** Called periodically: writes a snapshot when the policy says it is due. */
  snapshotIfDue(): void {
    if (this.endedFlag || this.seqValue === this.snapshotSeq) return;
    const entriesSince = this.seqValue - this.snapshotSeq;
    const sinceLast = Date.now() - this.snapshotWall;
    if (sinceLast < (this.policy.minGapMs ?? 0)) return;
    if (entriesSince >= this.policy.everyEntries || sinceLast >= this.policy.everyMs) {
      this.writeSnapshot(false);
    }
  }

  /** Flushes to disk (fsync) and writes a final snapshot: graceful shutdown. */
  close(): void {
    if (this.endedFlag) return;
    this.writeSnapshot();
    this.journal.close();
  }

  /** Closes the journal without a last snapshot: another process writes this stream now. */
  abandon(): void {
    this.endedFlag = true;
    this.journal.close();
  }

  /** `syncNow`: fsync the journal before returning (end, shutdown); else on the thread pool. */
  private writeSnapshot(syncNow = true): void {
    const snapshot: RoomSnapshot = {
      version: 1,
      streamId: this.streamId,
      startedAt: this.startedAt,
      seq: this.seqValue,
      at: this.lastAt,
      journalBytes: this.journal.bytes,
      state: this.room.exportState(),
      recentIds: this.recentIds(),
    };
    const fence = this.journal.fence;
    if (fence) snapshot.fence = fence.fence;
    if (syncNow) this.journal.flush();
    else this.journal.syncInBackground();
    writeSnapshot(this.journal.path, snapshot, () => fence?.check());
    this.snapshotSeq = this.seqValue;
    this.snapshotWall = Date.now();
  }

  private nextSeq(): number {
    this.seqValue += 1;
    return this.seqValue;
  }

  private write(entries: JournalEntry[]): void {
    for (const entry of entries) if (entry.at > this.lastAt) this.lastAt = entry.at;
    this.journal.append(entries);
  }
}

function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
