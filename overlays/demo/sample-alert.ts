/** A sample alert for demo mode (and the alert screens' tests); every field has a plain default. */
import type { AlertView } from '../../shared/protocol/channel-data';
import { tierForCoins } from '../screens/alerts/tiers';

export function sampleAlert(overrides: Partial<AlertView> & { id: string }): AlertView {
  const coins = overrides.coins ?? 1;
  return {
    kind: 'gift',
    tier: tierForCoins(coins),
    user: { id: 'u1', handle: 'ana_b', nickname: 'Ana', avatarUrl: null },
    gift: { name: 'Rose', imageUrl: null, coinsPerUnit: 1 },
    count: 1,
    coins,
    settled: true,
    merged: null,
    at: 0,
    ...overrides,
  };
}
