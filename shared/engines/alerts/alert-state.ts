/** The alert queue's exported state and the bookkeeping of which streak each alert draws. */
import type { AlertView } from '../../protocol/channel-data';
import type { AlertSettings } from '../../protocol/commands/alerts';
import type { MergeGroup } from './storm-merge';

/** Exported state of the alert queue. */
export interface AlertQueueState {
  seq: number;
  settings: AlertSettings;
  paused: boolean;
  storm: boolean;
  /** Playing alert first (when one plays), then waiting ones by tier, then arrival. */
  queue: AlertView[];
  playingId: string | null;
  playStartedAt: number | null;
  /** Which queued alert each live streak is drawn in. */
  byStreak: Record<string, string>;
  /** The streak a single (unmerged) gift alert draws. */
  streakOf: Record<string, string>;
  /** Streaks inside each storm-merged alert. */
  merges: Record<string, MergeGroup>;
  /** Finished alerts, newest last, for replay. */
  history: AlertView[];
  /** Streaks whose alert finished, so a late end does not alert twice (the latest 500). */
  finished: Record<string, 1>;
  finishedOrder: string[];
}

/** Streak keys remembered as finished (a late end after that does not alert twice). */
const FINISHED_STREAKS = 500;

export const emptyAlertState = (settings: AlertSettings): AlertQueueState => ({
  seq: 0,
  settings,
  paused: false,
  storm: false,
  queue: [],
  playingId: null,
  playStartedAt: null,
  byStreak: {},
  streakOf: {},
  merges: {},
  history: [],
  finished: {},
  finishedOrder: [],
});

/** Puts a waiting alert where its tier belongs: higher tiers first, then arrival (the playing head never moves). */
export function placeByTier(s: AlertQueueState, alert: AlertView) {
  const index = s.queue.indexOf(alert);
  if (index >= 0) s.queue.splice(index, 1);
  let at = s.playingId ? 1 : 0;
  while (at < s.queue.length) {
    const other = s.queue[at] as AlertView;
    if (other.tier < alert.tier || (other.tier === alert.tier && other.at > alert.at)) break;
    at++;
  }
  s.queue.splice(at, 0, alert);
}

/** An alert left the queue: its streaks are remembered as finished. */
export function forgetStreaks(s: AlertQueueState, alert: AlertView) {
  const group = s.merges[alert.id];
  const single = s.streakOf[alert.id];
  const keys = group ? Object.keys(group.members) : single ? [single] : [];
  for (const key of keys) {
    delete s.byStreak[key];
    if (s.finished[key]) continue;
    s.finished[key] = 1;
    s.finishedOrder.push(key);
  }
  while (s.finishedOrder.length > FINISHED_STREAKS) {
    delete s.finished[s.finishedOrder.shift() as string];
  }
  delete s.merges[alert.id];
  delete s.streakOf[alert.id];
}
