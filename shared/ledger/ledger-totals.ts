import { normalizeHandle } from './cross-source';
import type { GiftTally, LedgerUser, StreakCommit, TopGifter } from './types';

/** Committed totals in JSON form (part of `LedgerState`). */
export interface TotalsState {
  hostCoins: number;
  guestCoins: number;
  completedGifts: number;
  giftsByName: Record<string, GiftTally>;
  /** Per viewer, in order of their first committed gift (the tie order of `topGifters`). */
  gifters: Array<{ user: LedgerUser; coins: number }>;
}

export interface TotalsRecorder {
  /** Counts one commit into the totals. */
  record(commit: StreakCommit): void;
  topGifters(limit?: number): TopGifter[];
  exportState(): TotalsState;
  readonly hostCoins: number;
  readonly guestCoins: number;
  readonly completedGifts: number;
  giftsByName(): Record<string, GiftTally>;
}

/**
 * Committed coins, per gift and per viewer. Viewers are keyed by @handle, not by id: sources
 * disagree on ids (page capture only sees handles), and a merged streak carries the first
 * source's user. Top gifters count every committed coin a viewer gave, to the host or a guest.
 */
export function createTotals(state?: TotalsState): TotalsRecorder {
  let hostCoins = state?.hostCoins ?? 0;
  let guestCoins = state?.guestCoins ?? 0;
  let completedGifts = state?.completedGifts ?? 0;
  const giftsByName = new Map<string, GiftTally>(
    Object.entries(state?.giftsByName ?? {}).map(([name, tally]) => [name, { ...tally }]),
  );
  /** By @handle, in order of first committed gift (what `exportState` keeps). */
  const gifters = new Map<string, RankedGifter>();
  for (const gifter of state?.gifters ?? []) {
    gifters.set(normalizeHandle(gifter.user.handle), {
      user: { ...gifter.user },
      coins: gifter.coins,
      order: gifters.size,
    });
  }
  /**
   * The same gifters kept sorted (most coins first, then first-gift order), so `topGifters` is a
   * slice instead of a sort of every viewer who ever gave on each leaderboard send. Coins only
   * grow, so a commit moves one gifter towards the front.
   */
  const ranked = [...gifters.values()].sort(byRank);

  /** Moves a gifter up past those they now outrank: work in proportion to the distance moved. */
  function rankGifter(gifter: RankedGifter, addCoins: number, isNew: boolean): void {
    const from = isNew ? ranked.push(gifter) - 1 : positionOf(ranked, gifter, ranked.length);
    gifter.coins += addCoins;
    // Everyone behind stays behind (coins only grow): look for the new place in front only.
    const to = positionOf(ranked, gifter, from);
    for (let i = from; i > to; i -= 1) ranked[i] = ranked[i - 1] as RankedGifter;
    ranked[to] = gifter;
  }

  function record(commit: StreakCommit): void {
    if (commit.toUser === null) hostCoins += commit.coins;
    else guestCoins += commit.coins;
    // The first commit of a streak completes a send; a late end only adds units to it.
    if (commit.totalUnits === commit.units) completedGifts += 1;
    const tally = giftsByName.get(commit.gift.name) ?? { units: 0, coins: 0 };
    tally.units += commit.units;
    tally.coins += commit.coins;
    giftsByName.set(commit.gift.name, tally);
    const handle = normalizeHandle(commit.user.handle);
    const known = gifters.get(handle);
    const gifter = known ?? { user: { ...commit.user }, coins: 0, order: gifters.size };
    if (!known) gifters.set(handle, gifter);
    rankGifter(gifter, commit.coins, !known);
  }

  function topGifters(limit = 10): TopGifter[] {
    return ranked.slice(0, Math.max(0, limit)).map(({ user, coins }) => ({
      userId: user.id,
      handle: user.handle,
      nickname: user.nickname,
      avatarUrl: user.avatarUrl,
      coins,
    }));
  }

  return {
    record,
    topGifters,
    get hostCoins() {
      return hostCoins;
    },
    get guestCoins() {
      return guestCoins;
    },
    get completedGifts() {
      return completedGifts;
    },
    giftsByName: () => Object.fromEntries([...giftsByName].map(([name, t]) => [name, { ...t }])),
    exportState: () => ({
      hostCoins,
      guestCoins,
      completedGifts,
      giftsByName: Object.fromEntries([...giftsByName].map(([name, t]) => [name, { ...t }])),
      gifters: [...gifters.values()].map(({ user, coins }) => ({ user: { ...user }, coins })),
    }),
  };
}

/** A gifter with the index of their first committed gift (the tie order). */
interface RankedGifter {
  user: LedgerUser;
  coins: number;
  order: number;
}

/** Most coins first; equal coins keep first-gift order. */
const byRank = (a: RankedGifter, b: RankedGifter): number => b.coins - a.coins || a.order - b.order;

/** Where `gifter` stands (or would stand) in `ranked[0, end)`: binary search on (coins, order). */
function positionOf(ranked: readonly RankedGifter[], gifter: RankedGifter, end: number): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = ranked[middle];
    if (other !== undefined && byRank(other, gifter) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
