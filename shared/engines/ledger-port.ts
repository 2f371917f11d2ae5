/**
 * The slice of the gift ledger (shared/ledger) the live room uses. The types are the ledger's own
 * (one definition, so a field added there reaches the engines); the room treats the exported
 * state as opaque, passing it on to the journal without looking inside.
 */
import type { GiftLedger } from '../ledger/gift-ledger';
import type {
  GiftOutcome,
  LedgerTotals,
  LedgerUser,
  StreakCommit,
  StreakView,
  TopGifter,
} from '../ledger/types';

export type { LedgerUser };

/** A streak as the ledger reports it (provisional part included in `coins`). */
export type LedgerStreak = StreakView;

/** Units counted into the totals by one commit. */
export type LedgerCommit = StreakCommit;

/** What one gift frame did to the ledger. */
export type LedgerOutcome = GiftOutcome;

/** The ledger's running totals. */
export type LedgerTotalsView = LedgerTotals;

/** One row of the top-gifters list. */
export type LedgerTopGifter = TopGifter;

/** What the room needs from a gift ledger. */
export type GiftLedgerPort = Omit<GiftLedger, 'exportState'> & { exportState(): unknown };
