/**
 * Turns the room's updates into as few messages as possible without adding latency when it can.
 * The relay pushes once per event-loop turn (all the single events of that turn together) and
 * once per command or tick; a push goes out at once, before the events' acks. Only when sends are
 * costly — many overlays, so one send takes over `spaceAboveMs` — and updates arrive above
 * `loadPerSecond` are sends spaced: the next batch waits until sending has taken at most
 * `sendCostShare` of the time since the last (bounded by the 16 ms frame window), so 50 overlays
 * at 5,000 events/s get one message per ~8 ms each instead of one per event (docs/targets.md: no
 * unbatched relay keeps up there on 2 cores). A send to 10 overlays costs ~0.2 ms: spacing it
 * too (to 2–4 ms) saved ~10% of the server's CPU but put the gap into every event's latency, well
 * above a bare relay's p99. Sending on the next turn instead of at once added a trip round the
 * event loop (and the acks' writes) to every event: p50 at 1,000 × 10 went from 0.34 to 0.30 ms.
 * Within a batch, a channel's `<channel>.state` keeps only its last value and an alert's
 * upserts only the last frame of its streak.
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
   * Updates per second above which sends are spaced. Default 2,500/s: at 1,000 events/s every
   * turn's updates go out at once; at 5,000 the gap follows the send cost.
   */
  loadPerSecond?: number;
  /** Send cost (ms, smoothed) above which sends are spaced under load. Default 1. */
  spaceAboveMs?: number;
  /** Share of wall time spaced sending may take (sets the gap from the send cost). Default 0.2. */
  sendCostShare?: number;
  send: (updates: ChannelUpdate[]) => void;
  now?: () => number;
}

/** Updates per second, from the last 100 ms bucket and the one filling now. */
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
  const spaceAboveMs = options.spaceAboveMs ?? 1;
  const costShare = options.sendCostShare ?? 0.2;
  const loadPerSecond = options.loadPerSecond ?? 2_500;
  const now = options.now ?? (() => performance.now());
  const meter = createRateMeter(now);
  const underLoad = () => meter.rate() > loadPerSecond;
  // Smoothed cost of one send (encode + socket writes for every room), ms: measured, not guessed.
  let sendCostMs = 0;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  const gapMs = () => (sendCostMs < spaceAboveMs ? 0 : Math.min(windowMs, sendCostMs / costShare));
  let pending: Array<ChannelUpdate | undefined> = [];
  let live = 0;
  let latest = new Map<string, number>();
  let windowTimer: NodeJS.Timeout | null = null;
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
      meter.add(updates.length);
      if (live === 0 || windowTimer !== null) return;
      const wait = underLoad() ? lastSentAt + gapMs() - now() : 0;
      if (wait > 0) openWindow(wait);
      else send();
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
      windowTimer = null;
    },
  };
}
