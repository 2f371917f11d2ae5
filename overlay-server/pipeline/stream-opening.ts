/**
 * How the relay gets a running stream: a new one (room, journal with its streamStart line) or
 * the one a crash left open (recovered room, its journal reopened), and the takeover mark a
 * cluster process writes before it reads a journal another process may still append to.
 */
import type { ActionSetup } from '../../shared/engines/actions/action-engine';
import type { RevenueModel } from '../../shared/revenue/revenue-model';
import { newStreamId } from '../journal/entries';
import type { JournalFence } from '../journal/fence';
import type { RecoveredStream, RoomFactory } from '../journal/recovery';
import { journalPathFor } from '../journal/streams-dir';
import { type JournalWriter, openJournalWriter } from '../journal/writer';
import { LiveStream, type SnapshotPolicy } from '../stream/live-stream';

/** What opening a stream needs from the relay's options. */
export interface StreamOpening {
  dataDir: string;
  createRoom: RoomFactory;
  revenueModel?: RevenueModel;
  snapshots?: SnapshotPolicy;
  journalFence?: JournalFence;
  openJournal: (path: string, fence: JournalFence | null) => JournalWriter;
  /** Ids of recent events for each snapshot (the relay's deduper). */
  recentIds: () => string[];
}

/** A new stream at stream time `at`: its room, and a journal that starts with `streamStart`. */
export function openNewStream(
  opening: StreamOpening,
  at: number,
  moderatorsSeeEarnings: boolean,
  actions: ActionSetup | undefined,
): LiveStream {
  const streamId = newStreamId(at);
  const path = journalPathFor(opening.dataDir, streamId);
  if (!path) throw new Error(`bad stream id ${streamId}`);
  const { revenueModel } = opening;
  const room = opening.createRoom({
    streamId,
    startedAt: at,
    revenueModel,
    moderatorsSeeEarnings,
    actions,
  });
  const journal = opening.openJournal(path, opening.journalFence ?? null);
  journal.append([
    {
      seq: 0,
      at,
      type: 'streamStart',
      streamId,
      startedAt: at,
      revenueModel,
      moderatorsSeeEarnings,
      actions,
    },
  ]);
  return new LiveStream({
    room,
    streamId,
    startedAt: at,
    journal,
    seq: 0,
    snapshots: opening.snapshots,
    recentIds: opening.recentIds,
  });
}

/** The stream a crash left running, continued in its own journal at `path`. */
export function continueStream(
  opening: StreamOpening,
  recovered: RecoveredStream,
  path: string,
): LiveStream {
  return new LiveStream({
    room: recovered.room,
    streamId: recovered.streamId,
    startedAt: recovered.startedAt,
    journal: opening.openJournal(path, opening.journalFence ?? null),
    seq: recovered.seq,
    snapshots: opening.snapshots,
    recentIds: opening.recentIds,
  });
}

/**
 * Marks the journal at `path` as taken over by `fence` (wall time `at`): whatever the last writer
 * appends after the mark is ignored by every reader (journal/fence.ts).
 */
export function markTakeover(path: string, fence: JournalFence, at: number): void {
  const marker = openJournalWriter(path, fence);
  try {
    marker.append([{ seq: -1, at, type: 'writer', fence: fence.fence, holder: fence.holder }]);
  } finally {
    marker.close();
  }
}
