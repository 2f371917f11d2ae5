/**
 * The alert queue: one alert per gift streak, shown from its first (provisional) frame and
 * upgraded as the count grows until the streak commits. Higher tiers play first; the head plays
 * for its tier's time once settled. When too many wait, storm mode merges small gifts into one
 * alert, and the queue never exceeds `maxQueue`. Display only: money is counted by the ledger.
 */

import { type Ack, fail, ok } from '../../protocol/ack';
import type {
  AlertsState,
  AlertsUpdate,
  AlertView,
  ViewerBadge,
} from '../../protocol/channel-data';
import type { AlertSettings } from '../../protocol/commands/alerts';
import { clone } from '../json-state';
import { type AlertQueueState, emptyAlertState, forgetStreaks, placeByTier } from './alert-state';
import {
  DEFAULT_ALERT_SETTINGS,
  KIND_TIER,
  SUPER_FAN_TIER,
  type Tier,
  testAlert,
  tierFor,
} from './alert-tiers';
import { createQueueChanges } from './queue-changes';
import { createStormMode } from './storm-mode';
import { type StreakFrame, streakAlert, upgradeStreakAlert } from './streak-alerts';

const HISTORY = 50;
/** How long past its time an unsettled streak may keep playing (its frames stopped coming). */
const MAX_OVERTIME_MS = 10_000;

export function createAlertQueue(saved?: AlertQueueState, settings?: Partial<AlertSettings>) {
  const s: AlertQueueState = saved
    ? clone(saved)
    : emptyAlertState({ ...DEFAULT_ALERT_SETTINGS, ...settings });

  const changes = createQueueChanges();
  const upsert = changes.upsert;
  const tier = (coins: number) => tierFor(coins, s.settings.tierThresholds);
  const place = (alert: AlertView) => placeByTier(s, alert);
  const newId = (prefix: string) => `${prefix}-${++s.seq}`;
  const stormQueue = { s, changes, place, tier, newId };
  const storm = createStormMode(stormQueue);

  const remove = (alert: AlertView, kept: boolean) => {
    const index = s.queue.indexOf(alert);
    if (index >= 0) s.queue.splice(index, 1);
    if (s.playingId === alert.id) {
      s.playingId = null;
      s.playStartedAt = null;
    }
    forgetStreaks(s, alert);
    if (kept) {
      s.history.push(alert);
      if (s.history.length > HISTORY) s.history.shift();
    }
    changes.reshaped();
  };

  /** Drops the smallest, newest waiting alerts past `maxQueue`. */
  const bound = () => {
    while (s.queue.length > s.settings.maxQueue) {
      const victim = s.queue[s.queue.length - 1];
      if (!victim || victim.id === s.playingId) break;
      remove(victim, false);
      changes.skipped(victim.id);
    }
  };

  const enqueue = (alert: AlertView, key: string | null) => {
    if (!storm.absorbs(alert, key)) {
      if (key !== null) {
        s.byStreak[key] = alert.id;
        s.streakOf[alert.id] = key;
      }
      place(alert);
      upsert(alert);
    }
    storm.update();
    bound();
  };

  /** Starts the head, finishes it after its tier's time once settled, as of `now`. */
  const play = (now: number) => {
    for (let guard = 0; guard < 1000 && !s.paused; guard++) {
      const head = s.queue[0];
      if (!head) return;
      if (s.playingId !== head.id) {
        s.playingId = head.id;
        s.playStartedAt = now;
        changes.reshaped();
        return;
      }
      const seconds = s.settings.tierSeconds[head.tier - 1] ?? 5;
      const played = now - (s.playStartedAt ?? now);
      // A streak plays until it settles, but never holds the head longer than MAX_OVERTIME_MS.
      if (played < seconds * 1000 || (!head.settled && played < seconds * 1000 + MAX_OVERTIME_MS)) {
        return;
      }
      remove(head, true);
      storm.update();
    }
  };

  const drain = (): AlertsUpdate[] => changes.drain(view);

  const view = (): AlertsState => ({
    paused: s.paused,
    storm: s.storm,
    queue: clone(s.queue),
    playingId: s.playingId,
  });

  return {
    /** A streak frame or commit (settled) from the ledger. */
    onStreak(frame: StreakFrame, at: number): AlertsUpdate[] {
      const id = s.byStreak[frame.key];
      const alert = id ? s.queue.find((a) => a.id === id) : undefined;
      if (alert) upgradeStreakAlert(stormQueue, alert, frame);
      else if (!s.finished[frame.key]) {
        // A streak whose alert already finished (e.g. a late end) does not alert twice.
        const coins = frame.count * frame.gift.coins;
        enqueue(streakAlert(newId('alert'), frame, tier(coins), at), frame.key);
      }
      play(at);
      return drain();
    },

    /** A follow, share or subscription, when that kind is switched on (off during storms). */
    onSocial(
      kind: 'follow' | 'share' | 'subscribe',
      user: ViewerBadge,
      at: number,
      subscription?: { plan: 'subscription' | 'superFan'; months: number | null },
    ): AlertsUpdate[] {
      if (!s.settings.kinds[kind] || (s.storm && kind !== 'subscribe')) return [];
      const superFan = subscription?.plan === 'superFan';
      const tier: Tier = superFan ? SUPER_FAN_TIER : KIND_TIER[kind];
      enqueue(
        {
          id: newId(superFan ? 'superFan' : kind),
          kind,
          tier,
          user: { ...user },
          gift: null,
          count: 1,
          coins: 0,
          settled: true,
          merged: null,
          at,
          ...(subscription ? { plan: subscription.plan, months: subscription.months } : {}),
        },
        null,
      );
      play(at);
      return drain();
    },

    tick(now: number): AlertsUpdate[] {
      play(now);
      return drain();
    },

    pause(): Ack<AlertsState> {
      if (s.paused) return fail('CONFLICT', 'alerts are already paused');
      s.paused = true;
      changes.reshaped();
      return ok(view());
    },

    resume(now: number): Ack<AlertsState> {
      if (!s.paused) return fail('CONFLICT', 'alerts are not paused');
      s.paused = false;
      // The playing alert starts its time again.
      if (s.playingId) s.playStartedAt = now;
      changes.reshaped();
      play(now);
      return ok(view());
    },

    skip(alertId: string | undefined, now: number): Ack<{ id: string }> {
      const alert = alertId ? s.queue.find((a) => a.id === alertId) : s.queue[0];
      if (!alert)
        return fail(
          'NOT_FOUND',
          alertId ? `alertId: no queued alert ${alertId}` : 'the queue is empty',
        );
      remove(alert, true);
      changes.skipped(alert.id);
      storm.update();
      play(now);
      return ok({ id: alert.id });
    },

    replay(alertId: string, now: number): Ack<AlertView> {
      if (s.queue.some((a) => a.id === alertId))
        return fail('CONFLICT', `alert ${alertId} is still queued`);
      const past = s.history.find((a) => a.id === alertId);
      if (!past) return fail('NOT_FOUND', `alertId: no finished alert ${alertId}`);
      const again: AlertView = { ...clone(past), id: newId('replay'), settled: true, at: now };
      enqueue(again, null);
      play(now);
      return ok(clone(again));
    },

    test(
      tierWanted: Tier,
      kind: 'gift' | 'follow' | 'share' | 'subscribe',
      now: number,
    ): Ack<AlertView> {
      const alert = testAlert(newId('test'), tierWanted, kind, s.settings, now);
      enqueue(alert, null);
      play(now);
      return ok(clone(alert));
    },

    /**
     * An alert an action rule asked for: the viewer who fired the rule (or a sample viewer) in
     * the look of a gift tier, a follow, a share or a subscription. Display only: no coins.
     */
    fromAction(
      variant: 'gift' | 'follow' | 'share' | 'subscribe',
      tierWanted: Tier,
      user: ViewerBadge,
      giftName: string | null,
      now: number,
    ): AlertsUpdate[] {
      const sample = testAlert(newId('action'), tierWanted, variant, s.settings, now);
      const alert: AlertView = {
        ...sample,
        kind: variant,
        tier: variant === 'gift' ? tierWanted : KIND_TIER[variant],
        user: { ...user },
        gift: sample.gift && giftName ? { ...sample.gift, name: giftName } : sample.gift,
        coins: 0,
      };
      enqueue(alert, null);
      play(now);
      return drain();
    },

    configure(settings: Partial<AlertSettings>): AlertSettings {
      s.settings = { ...s.settings, ...settings };
      changes.reshaped();
      storm.update();
      bound();
      return clone(s.settings);
    },

    /** Updates made by the last command (upserts, skips, state). */
    drain,
    view,
    exportState: (): AlertQueueState => clone(s),
  };
}

export type AlertQueue = ReturnType<typeof createAlertQueue>;
