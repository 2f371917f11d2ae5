/**
 * Turns the room's updates into as few messages as possible without adding latency when quiet.
 * Below `loadPerSecond` pushes, what arrived in one turn of the event loop goes out on the next
 * turn (a burst that arrives together is already one message). Above it, sends are spaced: the
 * next batch goes out once a gap has passed since the last one, so each client gets a bounded
 * number of messages per second however heavy the load (TOOLCHAIN.md: one emit per event per
 * client is what costs the CPU). The gap follows what a send costs: `sendCostShare` of the time
 * at most goes to sending (a send to 10 overlays takes ~0.2 ms → the 4 ms floor; to 50, ~1.5 ms →
 * the whole 16 ms frame window), bounded by `minGapMs` and `windowMs`. A fixed 16 ms window made
 * every event wait ~10 ms at 5,000 events/s, far above a bare relay's p99. Within a batch, a
 * channel's `<channel>.state` keeps only its last value and an alert's upserts only the last
 * frame of its streak.
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
  /**
   * Pushes per second (one per ingested event or batch, whatever updates it made) above which
   * updates wait for the frame window. Default 2,500/s: 1,000 events/s go out at once, 5,000 batch.
   */
  loadPerSecond?: number;
  /**
   * Shortest gap between sends under load, ms. Default 4: at most 250 messages a second per
   * overlay (2 ms cost ~5% more server CPU at 5,000 × 10 for ~1.5 ms less p50).
   */
  minGapMs?: number;
  /** Share of wall time sending may take under load (sets the gap from the send cost). Default 0.1. */
  sendCostShare?: number;
  send: (updates: ChannelUpdate[]) => void;
  now?: () => number;
}

/** Pushes per second, from the last 100 ms bucket and the one filling now. */
function createRateMeter(now: () => number) {
  const bucketMs = 100;
  let bucketStart = now();
  let count = 0;
  let lastRate = 0;
  return {
    add(n: number) {
      count += n;
    },
    rate() {
      const t = now();
      const elapsed = t - bucketStart;
      if (elapsed >= bucketMs) {
        lastRate = elapsed >= 2 * bucketMs ? 0 : (count * 1000) / elapsed;
        bucketStart = t;
        count = 0;
        return lastRate;
      }
      return Math.max(lastRate, (count * 1000) / Math.max(elapsed, 16));
    },
  };
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
  const minGapMs = Math.min(options.minGapMs ?? 4, windowMs);
  const costShare = options.sendCostShare ?? 0.1;
  const loadPerSecond = options.loadPerSecond ?? 2_500;
  const now = options.now ?? (() => performance.now());
  const meter = createRateMeter(now);
  const underLoad = () => meter.rate() > loadPerSecond;
  // Smoothed cost of one send (encode + socket writes for every room), ms: measured, not guessed.
  let sendCostMs = 0;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  const gapMs = () => Math.min(windowMs, Math.max(minGapMs, sendCostMs / costShare));
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
    const started = now();
    options.send(batch);
    lastSentAt = now();
    sendCostMs += (lastSentAt - started - sendCostMs) * 0.2;
    return true;
  };

  /** Under load: the next send waits for the rest of the gap since the last one. */
  const openWindow = (wait: number) => {
    windowTimer = setTimeout(() => {
      windowTimer = null;
      send();
    }, wait);
  };

  const flushSoon = () => {
    soon = null;
    send();
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
      meter.add(1);
      if (live === 0 || windowTimer !== null) return;
      const wait = underLoad() ? lastSentAt + gapMs() - now() : 0;
      if (wait > 0) {
        if (soon !== null) clearImmediate(soon);
        soon = null;
        openWindow(wait);
      } else soon ??= setImmediate(flushSoon);
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
