/** Views of ledger-backed channels: earnings and the top-gifters leaderboard. */
import type { EarningsState, LeaderboardState } from '../protocol/channel-data';
import { type RevenueModel, revenueFor } from '../revenue/revenue-model';
import type { GiftLedgerPort } from './ledger-port';

export function earningsView(
  ledger: GiftLedgerPort,
  model: RevenueModel,
  coinsPerHour: number,
): EarningsState {
  const totals = ledger.totals();
  return {
    committedCoins: totals.committedCoins,
    provisionalCoins: totals.provisionalCoins,
    guestCoins: totals.guestCoins,
    figures: revenueFor(totals.committedCoins, model),
    coinsPerHour,
  };
}

/**
 * Top gifters for the overlay: viewers muted from the overlays are left out (they still count)
 * and filtered words in names are starred out.
 */
export function leaderboardView(
  ledger: GiftLedgerPort,
  size: number,
  isMuted: (userId: string) => boolean,
  cleanName: (name: string) => string,
): LeaderboardState {
  const top = ledger
    .topGifters(size + 20)
    .filter((row) => !isMuted(row.userId))
    .slice(0, size)
    .map((row) => ({
      id: row.userId,
      handle: cleanName(row.handle),
      nickname: cleanName(row.nickname),
      avatarUrl: row.avatarUrl,
      coins: row.coins,
    }));
  return { top };
}
