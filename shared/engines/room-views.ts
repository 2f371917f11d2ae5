/** Views of ledger-backed channels: earnings and the top-gifters leaderboard. */
import type { EarningsState, LeaderboardState } from '../protocol/channel-data';
import { type RevenueModel, revenueFor } from '../revenue/revenue-model';
import type { GiftLedgerPort } from './ledger-port';
import type { ViewerRoles } from './viewer-roles';

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
 * Top gifters for the overlay: viewers muted from the overlays are left out (they still count),
 * filtered words in names are starred out, and each carries the badges their latest message
 * showed (moderator, subscriber, top-gifter rank, gifter level).
 */
export function leaderboardView(
  ledger: GiftLedgerPort,
  size: number,
  moderation: { isMuted(userId: string): boolean; cleanName(name: string): string },
  roles: ViewerRoles,
): LeaderboardState {
  const top = ledger
    .topGifters(size + 20)
    .filter((row) => !moderation.isMuted(row.userId))
    .slice(0, size)
    .map((row) => ({
      id: row.userId,
      handle: moderation.cleanName(row.handle),
      nickname: moderation.cleanName(row.nickname),
      avatarUrl: row.avatarUrl,
      ...roles.of(row.userId),
      coins: row.coins,
    }));
  return { top };
}
