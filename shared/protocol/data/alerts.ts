/**
 * Alerts: one alert per gift streak (upgraded live as its count grows), follows, shares and
 * subscriptions; storm mode merges small gifts into one.
 */
import type { ViewerBadge } from './viewer';

export type AlertKind = 'gift' | 'follow' | 'share' | 'subscribe' | 'test';

/** One alert. A gift streak is one alert that upgrades live (`count` grows) and then settles. */
export interface AlertView {
  id: string;
  kind: AlertKind;
  /** 1 (smallest) to 5 (largest), by coin value. */
  tier: 1 | 2 | 3 | 4 | 5;
  user: ViewerBadge;
  gift: { name: string; imageUrl: string | null; coinsPerUnit: number } | null;
  /** Current streak count (×N). */
  count: number;
  /** Coins the alert stands for (provisional until `settled`). */
  coins: number;
  /** True once the streak committed (or at once for non-streak alerts). */
  settled: boolean;
  /** Storm mode merged several small gifts into this alert. */
  merged: { alerts: number; viewers: number } | null;
  at: number;
  /** Subscribe alerts: a LIVE subscription or a new Super Fan (absent: a subscription). */
  plan?: 'subscription' | 'superFan';
  /** Subscribe alerts: months subscribed, when TikTok says. */
  months?: number | null;
}
export interface AlertsState {
  paused: boolean;
  storm: boolean;
  /** Alerts waiting or playing, highest tier first. */
  queue: AlertView[];
  /** The alert at the head that is playing now (it stays first until it finishes). */
  playingId?: string | null;
}
export type AlertsUpdate =
  | { channel: 'alerts'; type: 'alert.upsert'; data: AlertView }
  | { channel: 'alerts'; type: 'alert.skip'; data: { id: string } }
  | { channel: 'alerts'; type: 'alerts.state'; data: AlertsState };
