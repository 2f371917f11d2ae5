/**
 * Storm mode's merged alerts: many small streaks drawn as one alert. Totals are kept
 * incrementally (a storm alert can hold thousands of streaks, and each frame updates one).
 */
import type { AlertView } from '../../protocol/channel-data';

export interface MergedMember {
  userId: string;
  giftName: string;
  count: number;
  coinsPerUnit: number;
  settled: boolean;
}

/** The streaks inside one merged alert, with running totals. */
export interface MergeGroup {
  members: Record<string, MergedMember>;
  size: number;
  unsettled: number;
  /** Streaks per viewer, for the distinct-viewer count. */
  viewers: Record<string, number>;
  viewerCount: number;
}

export const emptyGroup = (): MergeGroup => ({
  members: {},
  size: 0,
  unsettled: 0,
  viewers: {},
  viewerCount: 0,
});

/** Adds or updates one streak inside a merged alert, keeping its totals exact. */
export function setMember(alert: AlertView, group: MergeGroup, key: string, next: MergedMember) {
  const prev = group.members[key];
  if (prev) {
    alert.count -= prev.count;
    alert.coins -= prev.count * prev.coinsPerUnit;
    if (!prev.settled) group.unsettled--;
  } else {
    group.size++;
    const seen = (group.viewers[next.userId] ?? 0) + 1;
    group.viewers[next.userId] = seen;
    if (seen === 1) group.viewerCount++;
  }
  group.members[key] = next;
  alert.count += next.count;
  alert.coins += next.count * next.coinsPerUnit;
  if (!next.settled) group.unsettled++;
  alert.settled = group.unsettled === 0;
  alert.merged = { alerts: group.size, viewers: group.viewerCount };
  // Mixed gifts show no single gift picture.
  if (alert.gift && next.giftName !== alert.gift.name) alert.gift = null;
}

export function memberOf(alert: AlertView): MergedMember {
  return {
    userId: alert.user.id,
    giftName: alert.gift?.name ?? '',
    count: alert.count,
    coinsPerUnit: alert.gift?.coinsPerUnit ?? 0,
    settled: alert.settled,
  };
}
