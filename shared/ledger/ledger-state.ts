import type { TotalsState } from './ledger-totals';
import type { StreakRecord } from './streak';

/** Bumped when the shape of `LedgerState` changes; a mismatch is refused, not half-read. */
export const LEDGER_STATE_VERSION = 1;

/** Everything a ledger needs to continue after a restart (journal snapshot). JSON-serializable. */
export interface LedgerState {
  version: number;
  /** Open streaks and recently settled ones (kept for late ends and other sources). */
  streaks: StreakRecord[];
  totals: TotalsState;
  /** Recently seen message ids, oldest first. */
  messageIds: string[];
}
