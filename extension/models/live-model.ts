/**
 * The live view's figures: committed and provisional coins apart, money with the revenue
 * model's name, coins per hour, the per-minute series, top gifters, goals, and progress to the
 * payout threshold across streams. Moderators see earnings only when the owner allows it: the
 * server decides and withholds them; this model shows what it was sent.
 */
import { computed, createModel } from '@preact/signals';
import { payoutProgress, revenueFor } from '../../shared/revenue/revenue-model';
import type { ControlTransport } from '../transport/transport';
import type { AnalyticsModel } from './analytics-model';
import type { RoomModel } from './room-model';
import type { SettingsModel } from './settings-model';

export const LiveModel = createModel(
  (
    transport: ControlTransport,
    room: RoomModel,
    settings: SettingsModel,
    analytics: AnalyticsModel,
  ) => {
    /** False while the server withholds earnings from this panel (a moderator, not allowed). */
    const earningsVisible = computed(
      () => transport.role.value === 'owner' || !room.withheld.value.includes('earnings'),
    );
    const earnings = computed(() => (earningsVisible.value ? room.earnings.value : null));
    const provisional = computed(() => {
      const live = earnings.value;
      return live ? revenueFor(live.provisionalCoins, live.figures.model) : null;
    });
    const metrics = computed(() => room.metrics.value);
    const topGifters = computed(() => room.leaderboard.value?.top ?? []);
    const goals = computed(() => room.goals.value?.goals ?? []);
    /** The running (or just ended) link-mic battle and this stream's earlier ones. */
    const battle = computed(() => room.battle.value);

    /** Earnings of earlier streams since the last cash-out, plus this stream's so far. */
    const payout = computed(() => {
      const live = earnings.value;
      if (!live) return null;
      const currentStream = room.streamId.value;
      const since = settings.lastCashOutAt.value ?? 0;
      const earlier = analytics.earnings.value
        .filter((entry) => entry.streamId !== currentStream && entry.at >= since)
        .reduce((sum, entry) => sum + entry.estimatedPayoutUsd, 0);
      return payoutProgress(earlier + live.figures.estimatedPayoutUsd, live.figures.model);
    });

    return { earningsVisible, earnings, provisional, metrics, topGifters, goals, battle, payout };
  },
);
export type LiveModel = InstanceType<typeof LiveModel>;
