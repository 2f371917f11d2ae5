/**
 * The slice of the gift ledger (shared/ledger) the live room uses. Declared here structurally so
 * the engines depend on the ledger's behaviour, not on its internals.
 */
import type { EventSource } from '../events/base';
import type { GiftEvent, GiftInfo } from '../events/gift';

/** A sender as the ledger keeps them. */
export interface LedgerUser {
  id: string;
  handle: string;
  nickname: string;
  avatarUrl: string | null;
}

/** A streak as the ledger reports it (provisional part included in `coins`). */
export interface LedgerStreak {
  key: string;
  user: LedgerUser;
  gift: GiftInfo;
  toUser: GiftEvent['toUser'];
  count: number;
  committedCount: number;
  coins: number;
  ended: boolean;
  firstAt: number;
  lastAt: number;
  sources: EventSource[];
}

/** Units counted into the totals by one commit. */
export interface LedgerCommit {
  key: string;
  user: LedgerUser;
  gift: GiftInfo;
  toUser: GiftEvent['toUser'];
  units: number;
  coins: number;
  totalUnits: number;
  at: number;
  reason: string;
}

export type LedgerOutcome =
  | { status: 'duplicate'; reason: string }
  | { status: 'provisional'; streak: LedgerStreak }
  | { status: 'committed'; streak: LedgerStreak; commit: LedgerCommit };

export interface LedgerTotalsView {
  committedCoins: number;
  provisionalCoins: number;
  hostCoins: number;
  guestCoins: number;
  completedGifts: number;
  giftsByName: Record<string, { units: number; coins: number }>;
}

export interface LedgerTopGifter {
  userId: string;
  handle: string;
  nickname: string;
  avatarUrl: string | null;
  coins: number;
}

/** What the room needs from a gift ledger. */
export interface GiftLedgerPort {
  apply(event: GiftEvent): LedgerOutcome;
  advance(now: number): LedgerCommit[];
  closeAll(now: number): LedgerCommit[];
  totals(): LedgerTotalsView;
  topGifters(limit?: number): LedgerTopGifter[];
  openStreaks(): LedgerStreak[];
  exportState(): unknown;
}
