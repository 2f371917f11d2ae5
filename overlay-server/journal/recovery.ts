/**
 * Rebuilds a live room from a journal: the latest snapshot, then the entries after it. Used on
 * start to resume a stream that did not end (after a crash or kill -9), and by reports.
 */
import type { ActionSetup } from '../../shared/engines/actions/action-engine';
import type { LiveRoom } from '../../shared/engines/live-room-contract';
import { legacyMessageIds } from '../../shared/engines/room-state';
import type { LiveEvent } from '../../shared/events/live-event';
import { parseLiveEvent } from '../../shared/events/parse';
import type { RevenueModel } from '../../shared/revenue/revenue-model';
import type { JournalEntry } from './entries';
import { readJournal } from './reader';
import { type RoomSnapshot, readSnapshot } from './snapshots';

/** How a room is made; `state` restores an exported one. */
export type RoomFactory = (options: {
  streamId: string;
  startedAt: number;
  revenueModel?: RevenueModel;
  moderatorsSeeEarnings?: boolean;
  /** The owner's action rules and settings the stream starts with. */
  actions?: ActionSetup;
  state?: unknown;
}) => LiveRoom;

export interface RecoveredStream {
  room: LiveRoom;
  streamId: string;
  startedAt: number;
  /** Seq of the last entry; the next append uses seq + 1. */
  seq: number;
  /** Stream time of the last entry. */
  lastAt: number;
  /**
   * Ids of recent events, oldest first, for the relay's deduper (the one place replayed message
   * ids are dropped); from a snapshot written before that, its ledger's ids come first.
   */
  recentIds: string[];
  ended: boolean;
  /** Entries replayed after the snapshot (or from the start). */
  replayed: number;
  fromSnapshot: boolean;
  /** Lines skipped as unreadable. */
  problems: number;
}

/** Applies one journal entry to a room, the way the live pipeline did. */
export function applyEntry(room: LiveRoom, entry: JournalEntry): void {
  switch (entry.type) {
    case 'event':
      room.applyEvent(journaledEvent(entry.event));
      break;
    case 'command':
      room.applyCommand(entry.command, { actor: entry.actor, at: entry.at });
      break;
    case 'tick':
      room.advance(entry.at);
      break;
    default:
      break;
  }
}

/**
 * A journaled event as the current event model has it: lines written before a field existed get
 * its default (e.g. a join's `via`), so engines never meet a half-filled event. The server
 * validated every line before writing it; one this model refuses is applied as written.
 */
function journaledEvent(event: unknown): LiveEvent {
  const parsed = parseLiveEvent(event);
  return parsed.ok ? parsed.value : (event as LiveEvent);
}

const RECENT_IDS = 10_000;

/**
 * Returns null when the file holds no streamStart entry. A snapshot the room cannot restore
 * (written by an older engine) is set aside and the whole journal replays instead.
 */
export function recoverStream(
  journalPath: string,
  createRoom: RoomFactory,
): RecoveredStream | null {
  const snapshot = readSnapshot(journalPath);
  if (snapshot) {
    try {
      return replayJournal(journalPath, createRoom, snapshot);
    } catch {
      // fall through to a full replay
    }
  }
  return replayJournal(journalPath, createRoom, null);
}

function replayJournal(
  journalPath: string,
  createRoom: RoomFactory,
  snapshot: RoomSnapshot | null,
): RecoveredStream | null {
  let room: LiveRoom | null = null;
  let streamId = '';
  let startedAt = 0;
  let seq = -1;
  let lastAt = 0;
  let ended = false;
  let replayed = 0;
  let problems = 0;
  // The highest writer fence seen: a line under it is a stale writer's (journal/fence.ts).
  let fence = snapshot?.fence ?? 0;
  const recentIds: string[] = [];
  if (snapshot) {
    room = createRoom({
      streamId: snapshot.streamId,
      startedAt: snapshot.startedAt,
      state: snapshot.state,
    });
    ({ streamId, startedAt, seq, at: lastAt } = snapshot);
    recentIds.push(...snapshot.recentIds);
  }
  const entries = readJournal(journalPath, snapshot?.journalBytes ?? 0, () => {
    problems += 1;
  });
  for (const { entry } of entries) {
    if ((entry.fence ?? 0) < fence) continue;
    if (entry.type === 'writer') {
      fence = Math.max(fence, entry.fence);
      continue;
    }
    if (entry.seq <= seq) continue;
    if (entry.type === 'streamStart') {
      if (room) continue;
      streamId = entry.streamId;
      startedAt = entry.startedAt;
      room = createRoom({
        streamId,
        startedAt,
        revenueModel: entry.revenueModel,
        moderatorsSeeEarnings: entry.moderatorsSeeEarnings,
        actions: entry.actions,
      });
    } else if (room) {
      applyEntry(room, entry);
      if (entry.type === 'event') recentIds.push(entry.event.id);
    }
    if (entry.type === 'streamEnd') ended = true;
    seq = entry.seq;
    lastAt = Math.max(lastAt, entry.at);
    replayed += 1;
  }
  if (!room) return null;
  return {
    room,
    streamId,
    startedAt,
    seq,
    lastAt,
    // An older snapshot's ledger list first (oldest), then the recent ids of every kind.
    recentIds: [
      ...(snapshot ? legacyMessageIds(snapshot.state) : []),
      ...recentIds.slice(-RECENT_IDS),
    ],
    ended,
    replayed,
    fromSnapshot: snapshot !== null,
    problems,
  };
}
