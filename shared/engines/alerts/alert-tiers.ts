/** Alert tiers, defaults and the alerts a panel's "test" button makes. */
import type { AlertKind, AlertView } from '../../protocol/channel-data';
import type { AlertSettings } from '../../protocol/commands/alerts';

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  // Tier 1 under 10 coins, 2 under 100, 3 under 1,000, 4 under 10,000, 5 from 10,000.
  tierThresholds: [10, 100, 1000, 10_000],
  stormThreshold: 20,
  stormMaxTier: 2,
  maxQueue: 100,
  tierSeconds: [3, 4, 5, 7, 10],
  kinds: { follow: true, share: false, subscribe: true },
};

export type Tier = AlertView['tier'];

export function tierFor(coins: number, thresholds: readonly number[]): Tier {
  let tier = 1;
  for (const threshold of thresholds) if (coins >= threshold) tier++;
  return Math.min(5, tier) as Tier;
}

/** Tiers of alerts that are not gifts. */
export const KIND_TIER: Record<Exclude<AlertKind, 'gift' | 'test'>, Tier> = {
  follow: 1,
  share: 1,
  subscribe: 3,
};

/** A new Super Fan pays more than a subscription: its alert plays a tier higher. */
export const SUPER_FAN_TIER: Tier = 4;

/** A sample alert of the given tier, clearly marked as a test. */
export function testAlert(
  id: string,
  tier: Tier,
  kind: 'gift' | 'follow' | 'share' | 'subscribe',
  settings: AlertSettings,
  at: number,
): AlertView {
  const thresholds = settings.tierThresholds;
  const coins = tier === 1 ? 1 : (thresholds[tier - 2] ?? 1);
  return {
    id,
    kind: 'test',
    tier,
    user: { id: 'test', handle: 'limelight.test', nickname: 'Test alert', avatarUrl: null },
    gift: kind === 'gift' ? { name: 'Test gift', imageUrl: null, coinsPerUnit: coins } : null,
    count: 1,
    coins: kind === 'gift' ? coins : 0,
    settled: true,
    merged: null,
    at,
  };
}
