/**
 * The journal's line format (JSON Lines, one file per stream in `<dataDir>/streams/`). Every
 * accepted event and command is a line, written before it is acknowledged; replaying the lines
 * through a fresh live room rebuilds the stream exactly.
 */
import type { ActionSetup } from '../../shared/engines/actions/action-engine';
import type { Actor } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import type { RevenueModel } from '../../shared/revenue/revenue-model';

interface EntryBase {
  /** Position in the stream, from 0 (the streamStart line). */
  seq: number;
  /** Stream time, epoch ms. */
  at: number;
  /** The writer's fence when server processes share the journal (journal/fence.ts); else absent. */
  fence?: number;
}

export type JournalEntry =
  | (EntryBase & {
      type: 'streamStart';
      streamId: string;
      startedAt: number;
      revenueModel?: RevenueModel;
      /** The owner's setting carried over from the stream before (absent: false). */
      moderatorsSeeEarnings?: boolean;
      /** The owner's action rules and settings the stream started with (absent: none). */
      actions?: ActionSetup;
    })
  | (EntryBase & { type: 'event'; event: LiveEvent })
  | (EntryBase & { type: 'command'; command: unknown; actor: Actor })
  /** `room.advance(at)` changed something (a streak committed after its quiet period, a poll closed). */
  | (EntryBase & { type: 'tick' })
  | (EntryBase & { type: 'streamEnd'; reason: string })
  /**
   * Another server process took the stream over (journal/fence.ts): lines with a lower fence
   * after this one are a stale writer's and are ignored. Its seq is -1: it changes no state.
   */
  | (EntryBase & { type: 'writer'; fence: number; holder: string });

export type JournalEntryType = JournalEntry['type'];

/** Stream ids name files and URL segments, so they are kept to a safe alphabet. */
export const STREAM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isJournalEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as { seq?: unknown; at?: unknown; type?: unknown };
  return (
    typeof entry.seq === 'number' &&
    typeof entry.at === 'number' &&
    (entry.type === 'streamStart' ||
      entry.type === 'event' ||
      entry.type === 'command' ||
      entry.type === 'tick' ||
      entry.type === 'streamEnd' ||
      entry.type === 'writer')
  );
}

/** `s-20261126T054800Z-3fa1`: sorts by start time, safe as a file name. */
export function newStreamId(startedAt: number, random: () => number = Math.random): string {
  const stamp = new Date(startedAt)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const suffix = Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `s-${stamp}-${suffix}`;
}
