/** The live room's options and its exported state (journal snapshots). */
import type { RevenueModel } from '../revenue/revenue-model';
import type { ActionSetup } from './actions/action-engine';
import { ALWAYS_SAVED, type EngineStates } from './engine-registry';
import { clone } from './json-state';
import type { LiveRoomConfig, RoomFacts } from './room-facts';

export type { LiveRoomConfig, RoomFacts } from './room-facts';

export interface LiveRoomOptions {
  streamId: string;
  /** Stream time the stream started, epoch ms. */
  startedAt: number;
  /** Defaults to the shipped `brief-20` model (20% platform share). */
  revenueModel?: RevenueModel;
  /** Whether moderators may see earnings (default false); carried from stream to stream. */
  moderatorsSeeEarnings?: boolean;
  config?: LiveRoomConfig;
  /** The owner's action rules and settings, stored by the server across streams. */
  actions?: ActionSetup;
  /** A state from `exportState()` (journal snapshot) to continue from; wins over the rest. */
  state?: unknown;
}

/** What `exportState()` returns: everything needed to rebuild the room. */
export interface LiveRoomState extends RoomFacts, EngineStates {
  version: 1;
  ledger: unknown;
}

/** A saved state, checked for shape; throws with a reason when it is not one. */
export function readSavedState(state: unknown): LiveRoomState | null {
  if (state === undefined || state === null) return null;
  const saved = state as Partial<LiveRoomState>;
  if (typeof state !== 'object' || saved.version !== 1) {
    throw new Error('createLiveRoom: state is not a LiveRoomState of version 1');
  }
  const missing = ALWAYS_SAVED.filter(
    (key) => typeof (saved as Record<string, unknown>)[key] !== 'object',
  );
  if (missing.length > 0) throw new Error(`createLiveRoom: state lacks ${missing.join(', ')}`);
  return clone(saved as LiveRoomState);
}

/**
 * The message ids a room state written before the relay alone dropped replayed messages keeps
 * in its gift ledger (`ledger.messageIds`, gift ids only, oldest first); none in a newer state.
 * Recovery hands them to the relay's deduper beside the snapshot's own `recentIds`.
 */
export function legacyMessageIds(state: unknown): string[] {
  const ids = (state as { ledger?: { messageIds?: unknown } } | null)?.ledger?.messageIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
