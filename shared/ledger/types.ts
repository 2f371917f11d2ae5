import type { EventSource } from '../events/base';
import type { GiftEvent, GiftInfo } from '../events/gift';

/** The sender as the ledger keeps them (what a leaderboard or alert draws). */
export interface LedgerUser {
  id: string;
  handle: string;
  nickname: string;
  avatarUrl: string | null;
}

/** The guest a gift went to in a multi-guest room; null for gifts to the host. */
export type GiftReceiver = GiftEvent['toUser'];

/** Why a streak (or part of it) was committed. */
export type CommitReason =
  /** The streak's `repeatEnd` frame arrived. */
  | 'end'
  /** No frame for `quietPeriodMs` of stream time: committed at its highest count. */
  | 'quiet'
  /** The stream ended with the streak still open. */
  | 'streamEnd'
  /** An end (or a higher count) arrived after an earlier commit: only the difference counts. */
  | 'lateEnd'
  /** A gift that does not streak (type ≠ 1), committed on arrival. */
  | 'single';

/** A streak as overlays and panels see it. */
export interface StreakView {
  /** user id + gift (id, else name) + group id, from the first source that reported it. */
  key: string;
  user: LedgerUser;
  gift: GiftInfo;
  toUser: GiftReceiver;
  /** Highest `repeatCount` seen from any source. */
  count: number;
  /** Units already committed (counted in the totals). */
  committedCount: number;
  /** `count × gift.coins`: what the streak stands for, provisional part included. */
  coins: number;
  /** True once a `repeatEnd` frame arrived (a quiet-period commit does not end a streak). */
  ended: boolean;
  /** Stream time of the first and the latest frame, epoch ms. */
  firstAt: number;
  lastAt: number;
  /** Every source that reported the streak, in order of first report. */
  sources: EventSource[];
}

/** Units counted into the totals by one commit. */
export interface StreakCommit {
  key: string;
  user: LedgerUser;
  gift: GiftInfo;
  toUser: GiftReceiver;
  /** Units committed by THIS commit: a late end adds only the difference. */
  units: number;
  /** `units × gift.coins`. */
  coins: number;
  /** Units committed for the streak so far, this commit included. */
  totalUnits: number;
  /** Stream time of the commit, epoch ms. */
  at: number;
  reason: CommitReason;
}

/** What one gift frame did to the ledger. */
export type GiftOutcome =
  | {
      status: 'duplicate';
      /**
       * `crossSource`: another source already reported this streak at this count;
       * `staleFrame`: an older or repeated frame of a known streak. (Replayed message ids never
       * reach the ledger: the relay drops them before the room.)
       */
      reason: 'crossSource' | 'staleFrame';
    }
  | { status: 'provisional'; streak: StreakView }
  | { status: 'committed'; streak: StreakView; commit: StreakCommit };

/** Per-gift committed totals, keyed by gift name. */
export interface GiftTally {
  units: number;
  coins: number;
}

export interface LedgerTotals {
  /** All committed coins: host and guests. */
  committedCoins: number;
  /** Coins of streak units seen but not yet committed. */
  provisionalCoins: number;
  /** Committed coins gifted to the host. */
  hostCoins: number;
  /** Committed coins gifted to guests (`toUser` set); included in `committedCoins`. */
  guestCoins: number;
  /** Completed sends: a Rose ×12 streak is one. */
  completedGifts: number;
  giftsByName: Record<string, GiftTally>;
}

/** One row of the top-gifters list. */
export interface TopGifter {
  userId: string;
  handle: string;
  nickname: string;
  avatarUrl: string | null;
  coins: number;
}
