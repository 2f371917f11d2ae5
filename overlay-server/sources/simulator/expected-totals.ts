/**
 * What a list of events must add up to, computed independently of the server's ledger, so tests
 * and the bench can check that nothing was lost or double-counted. Streak rule (docs/domain-rules.md): only
 * type 1 streaks; its `repeatEnd` frame commits the final count; a streak left open is committed
 * at its highest count when the stream ends (or the list does). Replayed duplicates (same id)
 * count once, as at ingest. The quiet-period commit is not modelled: every streak the simulator
 * starts, it ends.
 */
import { STREAKABLE_GIFT_TYPE } from '../../../shared/events/gift';
import type { LiveEvent, LiveEventKind } from '../../../shared/events/live-event';
import { createMessageDeduper } from '../../../shared/events/message-dedupe';

export interface StreamTotals {
  /** Committed coins, host and guests. */
  coins: number;
  /** Of which to guests in multi-guest rooms. */
  guestCoins: number;
  /** Completed sends: a Rose ×12 streak is one. */
  gifts: number;
  giftsByName: Record<string, { units: number; coins: number }>;
  /** The last room like total (sampled, never summed). */
  likes: number;
  peakViewers: number;
  chatMessages: number;
  uniqueChatters: number;
  joins: number;
  followers: number;
  shares: number;
  subscribers: number;
  /** TikTok question events. */
  questions: number;
  /** Treasure-chest coins: handed to viewers, never revenue. */
  chestCoins: number;
  /** Events per kind. */
  byKind: Partial<Record<LiveEventKind, number>>;
}

/** What the simulator itself sent, counted as it sent it: the ground truth for tests. */
export type SimulatorTruth = Omit<StreamTotals, 'giftsByName' | 'byKind' | 'uniqueChatters'>;

interface OpenStreak {
  highest: number;
  committed: number;
  coins: number;
  name: string;
  guest: boolean;
}

export function expectedTotals(events: Iterable<LiveEvent>): StreamTotals {
  const totals: StreamTotals = {
    coins: 0,
    guestCoins: 0,
    gifts: 0,
    giftsByName: {},
    likes: 0,
    peakViewers: 0,
    chatMessages: 0,
    uniqueChatters: 0,
    joins: 0,
    followers: 0,
    shares: 0,
    subscribers: 0,
    questions: 0,
    chestCoins: 0,
    byKind: {},
  };
  const chatters = new Set<string>();
  const streaks = new Map<string, OpenStreak>();
  const commit = (streak: OpenStreak, upTo: number) => {
    const units = upTo - streak.committed;
    if (units <= 0) return;
    if (streak.committed === 0) totals.gifts++;
    streak.committed = upTo;
    const coins = units * streak.coins;
    totals.coins += coins;
    if (streak.guest) totals.guestCoins += coins;
    const byName = totals.giftsByName[streak.name] ?? { units: 0, coins: 0 };
    byName.units += units;
    byName.coins += coins;
    totals.giftsByName[streak.name] = byName;
  };
  const closeAll = () => {
    for (const streak of streaks.values()) commit(streak, streak.highest);
    streaks.clear();
  };

  const deduper = createMessageDeduper();
  for (const event of events) {
    if (deduper.seen(event.id)) continue;
    totals.byKind[event.kind] = (totals.byKind[event.kind] ?? 0) + 1;
    switch (event.kind) {
      case 'gift': {
        const streak: OpenStreak = {
          highest: event.repeatCount,
          committed: 0,
          coins: event.gift.coins,
          name: event.gift.name,
          guest: event.toUser !== null,
        };
        if (event.gift.type !== STREAKABLE_GIFT_TYPE) {
          commit(streak, event.repeatCount);
          break;
        }
        const key = `${event.user.id}|${event.gift.id ?? event.gift.name}|${event.groupId}`;
        const open = streaks.get(key) ?? streak;
        streaks.set(key, open);
        open.highest = Math.max(open.highest, event.repeatCount);
        if (event.repeatEnd) commit(open, open.highest);
        break;
      }
      case 'like':
        if (event.roomTotal !== null) totals.likes = Math.max(totals.likes, event.roomTotal);
        break;
      case 'viewers':
        totals.peakViewers = Math.max(totals.peakViewers, event.count);
        break;
      case 'chat':
        totals.chatMessages++;
        chatters.add(event.user.id);
        break;
      case 'join':
        totals.joins++;
        break;
      case 'follow':
        totals.followers++;
        break;
      case 'share':
        totals.shares++;
        break;
      case 'subscribe':
        totals.subscribers++;
        break;
      case 'question':
        totals.questions++;
        break;
      case 'chest':
        totals.chestCoins += event.coins;
        break;
      case 'streamEnd':
        closeAll();
        break;
    }
  }
  closeAll();
  totals.uniqueChatters = chatters.size;
  return totals;
}
