/** Narrows inbound alerts-channel payloads (unknown on the wire) to the shapes drawn. */
import type { AlertKind, AlertsState, AlertView } from '../../../shared/protocol/channel-data';
import { isBoolean, isNumber, isRecord, isString, readList, readViewer } from '../../stage/guards';
import { type Tier, tierForCoins } from './tiers';

const KINDS: readonly AlertKind[] = ['gift', 'follow', 'share', 'subscribe', 'test'];

export function readAlertView(value: unknown): AlertView | null {
  if (!isRecord(value) || !isString(value.id)) return null;
  const user = readViewer(value.user);
  const kind = KINDS.find((known) => known === value.kind);
  if (!user || !kind) return null;
  const coins = isNumber(value.coins) ? value.coins : 0;
  const tier =
    isNumber(value.tier) && value.tier >= 1 && value.tier <= 5
      ? (Math.round(value.tier) as Tier)
      : tierForCoins(coins);
  const gift = isRecord(value.gift) && isString(value.gift.name) ? value.gift : null;
  const merged = isRecord(value.merged) ? value.merged : null;
  return {
    id: value.id,
    kind,
    tier,
    user,
    gift: gift
      ? {
          name: gift.name as string,
          imageUrl: isString(gift.imageUrl) ? gift.imageUrl : null,
          coinsPerUnit: isNumber(gift.coinsPerUnit) ? gift.coinsPerUnit : 0,
        }
      : null,
    count: isNumber(value.count) ? Math.max(1, Math.round(value.count)) : 1,
    coins,
    settled: isBoolean(value.settled) ? value.settled : true,
    merged: merged
      ? {
          alerts: isNumber(merged.alerts) ? merged.alerts : 0,
          viewers: isNumber(merged.viewers) ? merged.viewers : 0,
        }
      : null,
    at: isNumber(value.at) ? value.at : 0,
    ...(value.plan === 'superFan' || value.plan === 'subscription' ? { plan: value.plan } : {}),
    ...(isNumber(value.months) ? { months: value.months } : {}),
  };
}

export function readAlertsState(value: unknown): AlertsState | null {
  if (!isRecord(value)) return null;
  return {
    paused: value.paused === true,
    storm: value.storm === true,
    queue: readList(value.queue, readAlertView),
  };
}

export function readSkip(value: unknown): string | null {
  return isRecord(value) && isString(value.id) ? value.id : null;
}
