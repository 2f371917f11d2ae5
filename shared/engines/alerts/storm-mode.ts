/**
 * Storm mode: past `stormThreshold` waiting alerts, small gifts (up to `stormMaxTier`) merge into
 * one storm alert instead of queueing one each; below half the threshold it ends. Works on the
 * queue's state in place (storm-merge.ts keeps the merged totals).
 */
import type { AlertView } from '../../protocol/channel-data';
import { clone } from '../json-state';
import type { AlertQueueState } from './alert-state';
import type { QueueChanges } from './queue-changes';
import { emptyGroup, memberOf, setMember } from './storm-merge';

/** What storm mode needs of the queue it works in. */
export interface StormQueue {
  s: AlertQueueState;
  changes: QueueChanges;
  place(alert: AlertView): void;
  tier(coins: number): AlertView['tier'];
  newId(prefix: string): string;
}

export function createStormMode(q: StormQueue) {
  const { s, changes } = q;
  const waitingCount = () => s.queue.length - (s.playingId ? 1 : 0);
  /** Waiting alerts, a merged one counting as the gifts inside it: storm mode ends on this. */
  const pressure = () =>
    s.queue.reduce((n, a) => n + (a.id === s.playingId ? 0 : (a.merged?.alerts ?? 1)), 0);

  /** The waiting storm alert small gifts merge into (created on demand). */
  const stormAlert = (first: AlertView): AlertView => {
    const existing = s.queue.find((a) => a.merged !== null && a.id !== s.playingId);
    if (existing) return existing;
    const alert: AlertView = {
      ...clone(first),
      id: q.newId('storm'),
      count: 0,
      coins: 0,
      merged: { alerts: 0, viewers: 0 },
    };
    s.merges[alert.id] = emptyGroup();
    q.place(alert);
    changes.reshaped();
    return alert;
  };

  const mergeInto = (storm: AlertView, key: string, alert: AlertView) => {
    const group = s.merges[storm.id] ?? emptyGroup();
    s.merges[storm.id] = group;
    setMember(storm, group, key, memberOf(alert));
    s.byStreak[key] = storm.id;
    storm.tier = q.tier(storm.coins);
    q.place(storm);
  };

  const isSmall = (alert: AlertView) =>
    alert.kind === 'gift' && alert.merged === null && alert.tier <= s.settings.stormMaxTier;

  return {
    /** Merges `alert` (of streak `key`) into the storm alert when storm mode takes it. */
    absorbs(alert: AlertView, key: string | null): boolean {
      if (key === null || !s.storm || !isSmall(alert)) return false;
      const storm = stormAlert(alert);
      mergeInto(storm, key, alert);
      changes.upsert(storm);
      return true;
    },

    /** Storm mode on past the threshold (merging the small gifts waiting), off below half. */
    update() {
      if (!s.storm && waitingCount() > s.settings.stormThreshold) {
        s.storm = true;
        changes.reshaped();
        const small = s.queue.filter((a) => a.id !== s.playingId && isSmall(a));
        const first = small[0];
        if (!first) return;
        const storm = stormAlert(first);
        for (const alert of small) {
          const key = s.streakOf[alert.id] ?? alert.id;
          delete s.streakOf[alert.id];
          s.queue.splice(s.queue.indexOf(alert), 1);
          changes.skipped(alert.id);
          mergeInto(storm, key, alert);
        }
        changes.upsert(storm);
      } else if (s.storm && pressure() <= Math.floor(s.settings.stormThreshold / 2)) {
        s.storm = false;
        changes.reshaped();
      }
    },
  };
}
