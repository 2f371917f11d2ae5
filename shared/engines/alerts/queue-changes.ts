/**
 * What the alert queue changed since its last drain: alert upserts and skips in order, and
 * whether the queue's shape changed (then one `alerts.state` closes the batch).
 */
import type { AlertsState, AlertsUpdate, AlertView } from '../../protocol/channel-data';
import { clone } from '../json-state';

export interface QueueChanges {
  upsert(alert: AlertView): void;
  skipped(id: string): void;
  /** The queue's order, its pause or its storm mode changed. */
  reshaped(): void;
  /** The updates since the last drain, ended by the state when the queue was reshaped. */
  drain(view: () => AlertsState): AlertsUpdate[];
}

export function createQueueChanges(): QueueChanges {
  const out: AlertsUpdate[] = [];
  let structural = false;
  return {
    upsert: (alert) => out.push({ channel: 'alerts', type: 'alert.upsert', data: clone(alert) }),
    skipped: (id) => out.push({ channel: 'alerts', type: 'alert.skip', data: { id } }),
    reshaped: () => {
      structural = true;
    },
    drain(view) {
      if (structural) out.push({ channel: 'alerts', type: 'alerts.state', data: view() });
      structural = false;
      return out.splice(0, out.length);
    },
  };
}
