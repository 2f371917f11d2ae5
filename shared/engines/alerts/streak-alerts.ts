/**
 * A gift streak's alert: made from the streak's first frame, then upgraded by each later frame
 * (alone, or inside a storm alert) until the streak commits. Counts only grow.
 */
import type { GiftInfo } from '../../events/gift';
import type { AlertView, ViewerBadge } from '../../protocol/channel-data';
import { setMember } from './storm-merge';
import type { StormQueue } from './storm-mode';

/** A streak as the queue needs it (from a ledger outcome or commit). */
export interface StreakFrame {
  key: string;
  user: ViewerBadge;
  gift: GiftInfo;
  count: number;
  settled: boolean;
}

/** The alert of a streak's first frame, at stream time `at`. */
export function streakAlert(id: string, frame: StreakFrame, tier: AlertView['tier'], at: number) {
  const alert: AlertView = {
    id,
    kind: 'gift',
    tier,
    user: { ...frame.user },
    gift: { name: frame.gift.name, imageUrl: frame.gift.imageUrl, coinsPerUnit: frame.gift.coins },
    count: frame.count,
    coins: frame.count * frame.gift.coins,
    settled: frame.settled,
    merged: null,
    at,
  };
  return alert;
}

/** A later frame of the streak `alert` draws: its count, coins and tier (and place) follow. */
export function upgradeStreakAlert(q: StormQueue, alert: AlertView, frame: StreakFrame): void {
  const group = q.s.merges[alert.id];
  if (group) {
    const member = group.members[frame.key];
    if (member) {
      setMember(alert, group, frame.key, {
        ...member,
        count: Math.max(member.count, frame.count),
        settled: member.settled || frame.settled,
      });
    }
  } else {
    alert.count = Math.max(alert.count, frame.count);
    alert.coins = alert.count * frame.gift.coins;
    alert.settled ||= frame.settled;
  }
  const before = alert.tier;
  alert.tier = q.tier(alert.coins);
  if (alert.tier !== before && alert.id !== q.s.playingId) q.place(alert);
  q.changes.upsert(alert);
}
