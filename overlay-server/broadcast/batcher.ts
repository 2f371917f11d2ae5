/**
 * Turns the room's updates into as few messages as possible without adding latency when quiet:
 * the first update after a quiet frame goes out on the next turn of the event loop; updates that
 * arrive while a frame window (16 ms) is open wait for its end, so a burst costs each client one
 * message per frame. Within a batch, a channel's `<channel>.state` keeps only its last value and
 * an alert's upserts keep only the last frame of its streak.
 */
import type { ChannelUpdate } from '../../shared/protocol/channels';

export interface UpdateBatcher {
  push(updates: readonly ChannelUpdate[]): void;
  /** Sends what is pending now (before a snapshot, so the two never disagree). */
  flushNow(): void;
  /** Updates waiting for the window to close. */
  readonly pending: number;
  stop(): void;
}

export interface BatcherOptions {
  windowMs?: number;
  send: (updates: ChannelUpdate[]) => void;
}

/** The key under which later updates replace earlier ones in the same batch, or null. */
function coalesceKey(update: ChannelUpdate): string | null {
  if (update.type.endsWith('.state')) return update.type;
  if (update.type === 'alert.upsert') {
    const id = (update.data as { id?: unknown } | null)?.id;
    if (typeof id === 'string') return `alert.upsert:${id}`;
  }
  return null;
}

export function createUpdateBatcher(options: BatcherOptions): UpdateBatcher {
  const windowMs = options.windowMs ?? 16;
  let pending: Array<ChannelUpdate | undefined> = [];
  let live = 0;
  let latest = new Map<string, number>();
  let windowTimer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Immediate | null = null;
  let stopped = false;

  const send = () => {
    if (live === 0) return false;
    const batch: ChannelUpdate[] = [];
    for (const update of pending) if (update) batch.push(update);
    pending = [];
    live = 0;
    latest = new Map();
    options.send(batch);
    return true;
  };

  const openWindow = () => {
    windowTimer = setTimeout(() => {
      windowTimer = null;
      if (send() && !stopped) openWindow();
    }, windowMs);
  };

  const flushSoon = () => {
    soon = null;
    if (send() && !stopped && windowTimer === null) openWindow();
  };

  return {
    push(updates) {
      if (stopped) return;
      for (const update of updates) {
        const key = coalesceKey(update);
        if (key !== null) {
          const earlier = latest.get(key);
          if (earlier !== undefined) {
            pending[earlier] = undefined;
            live -= 1;
          }
          latest.set(key, pending.length);
        }
        pending.push(update);
        live += 1;
      }
      if (live > 0 && windowTimer === null && soon === null) soon = setImmediate(flushSoon);
    },
    flushNow() {
      send();
    },
    get pending() {
      return live;
    },
    stop() {
      stopped = true;
      if (windowTimer) clearTimeout(windowTimer);
      if (soon) clearImmediate(soon);
      windowTimer = null;
      soon = null;
    },
  };
}
