/**
 * Decides which alert is on screen and when the next one starts: one at a time, so alerts never
 * overlap. Pure and clock-free (callers pass `now` in ms), so tests drive it frame by frame.
 *
 * - An alert arriving while nothing plays starts in the same call: it is drawn on the next frame.
 * - A streak is one alert: upserts with the same id update it live (×1 → ×99) and keep it on
 *   screen until it settles, then it shows the final count a moment before leaving.
 * - Waiting alerts play highest tier first, then oldest first; a backlog shortens every hold,
 *   and the waiting list is capped (the lowest, newest are dropped) so a flood cannot grow it.
 */
import type { AlertsState, AlertView } from '../../../shared/protocol/channel-data';
import { TIER_STYLES, type Tier } from './tiers';

export interface SequencerOptions {
  minTier: Tier;
  /** Time multiplier: 2 plays everything twice as fast. */
  speed: number;
  /** Waiting alerts kept at most. */
  maxWaiting?: number;
  /** How long a streak stays up after it settles, ms at speed 1. */
  settleMs?: number;
  /**
   * Longest an unsettled streak holds the screen, ms (the server commits by then). Not scaled by
   * `speed`: it waits for data from the server, it is not an animation.
   */
  maxStreakHoldMs?: number;
}

/** What the screen must do after a call. */
export type SequencerEvent =
  | { type: 'start'; alert: AlertView }
  | { type: 'update'; alert: AlertView }
  | { type: 'end'; id: string };

export type AlertPhase = 'in' | 'hold' | 'out';

interface Playing {
  view: AlertView;
  startedAt: number;
  settledAt: number | null;
  outroAt: number | null;
}

/** Counters for the debug hook and tests. */
export interface SequencerStats {
  started: number;
  ended: number;
  updated: number;
  filtered: number;
  dropped: number;
  skipped: number;
}

/** More than the server's largest queue (1,000), so a snapshot never replays a played alert. */
const RECENT_CAP = 2048;

export class AlertSequencer {
  private readonly options: Required<SequencerOptions>;
  private waiting: Array<{ view: AlertView; order: number }> = [];
  private playing: Playing | null = null;
  private order = 0;
  /** Ids already played, so a reconnect snapshot does not replay them (bounded, oldest out). */
  private readonly finished = new Set<string>();
  paused = false;
  storm = false;
  readonly stats: SequencerStats = {
    started: 0,
    ended: 0,
    updated: 0,
    filtered: 0,
    dropped: 0,
    skipped: 0,
  };

  constructor(options: SequencerOptions) {
    this.options = { maxWaiting: 200, settleMs: 1500, maxStreakHoldMs: 15_000, ...options };
  }

  get current(): AlertView | null {
    return this.playing?.view ?? null;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  upsert(view: AlertView, now: number): SequencerEvent[] {
    if (view.tier < this.options.minTier) {
      this.stats.filtered += 1;
      return [];
    }
    if (this.finished.has(view.id)) return [];
    const playing = this.playing;
    if (playing && playing.view.id === view.id) {
      // A late frame with a lower count (reordered delivery) must not roll the counter back.
      const merged =
        view.count < playing.view.count ? { ...view, count: playing.view.count } : view;
      playing.view = merged;
      if (merged.settled && playing.settledAt === null) playing.settledAt = now;
      this.stats.updated += 1;
      return [{ type: 'update', alert: merged }];
    }
    const queued = this.waiting.find((entry) => entry.view.id === view.id);
    if (queued) {
      if (view.count >= queued.view.count) queued.view = view;
      return [];
    }
    this.enqueue(view);
    return this.tick(now);
  }

  skip(id: string, now: number): SequencerEvent[] {
    if (this.playing?.view.id === id) {
      if (this.playing.outroAt === null || this.playing.outroAt > now) this.playing.outroAt = now;
      this.stats.skipped += 1;
      return this.tick(now);
    }
    const before = this.waiting.length;
    this.waiting = this.waiting.filter((entry) => entry.view.id !== id);
    if (this.waiting.length < before) this.stats.skipped += 1;
    return [];
  }

  /**
   * A whole `alerts.state`. Its flags always apply. Its queue is adopted only from a snapshot
   * (first connect, reconnect): between snapshots every alert in it already arrived as an
   * upsert, and the server keeps alerts this overlay played long ago, which must not replay.
   */
  applyState(state: AlertsState, now: number, adoptQueue: boolean): SequencerEvent[] {
    this.paused = state.paused;
    this.storm = state.storm;
    const events: SequencerEvent[] = [];
    if (adoptQueue) for (const view of state.queue) events.push(...this.upsert(view, now));
    events.push(...this.tick(now));
    return events;
  }

  /** Advances time: ends the current alert when its time is up and starts the next. */
  tick(now: number): SequencerEvent[] {
    const events: SequencerEvent[] = [];
    const playing = this.playing;
    if (playing) {
      const style = TIER_STYLES[playing.view.tier];
      if (playing.outroAt === null && now >= this.holdEnd(playing)) playing.outroAt = now;
      if (playing.outroAt !== null && now >= playing.outroAt + this.scaled(style.outroMs)) {
        this.remember(playing.view.id);
        this.playing = null;
        this.stats.ended += 1;
        events.push({ type: 'end', id: playing.view.id });
      }
    }
    if (!this.playing && !this.paused) {
      const next = this.waiting.shift();
      if (next) {
        this.playing = {
          view: next.view,
          startedAt: now,
          settledAt: next.view.settled ? now : null,
          outroAt: null,
        };
        this.stats.started += 1;
        events.push({ type: 'start', alert: next.view });
      }
    }
    return events;
  }

  /** Where the current alert is in its life, for the card's animation; progress is 0–1. */
  phase(now: number): { phase: AlertPhase; progress: number; elapsedMs: number } | null {
    const playing = this.playing;
    if (!playing) return null;
    const style = TIER_STYLES[playing.view.tier];
    const elapsedMs = (now - playing.startedAt) * this.options.speed;
    if (playing.outroAt !== null) {
      const progress = ((now - playing.outroAt) * this.options.speed) / style.outroMs;
      return { phase: 'out', progress: Math.min(1, progress), elapsedMs };
    }
    if (elapsedMs < style.introMs)
      return { phase: 'in', progress: elapsedMs / style.introMs, elapsedMs };
    return { phase: 'hold', progress: 0, elapsedMs };
  }

  private holdEnd(playing: Playing): number {
    const style = TIER_STYLES[playing.view.tier];
    // A backlog (or a storm) shortens holds so the queue drains instead of growing.
    const backlog = Math.max(0.3, 1 / (1 + this.waiting.length / 3)) * (this.storm ? 0.6 : 1);
    const base = playing.startedAt + this.scaled(style.introMs + style.holdMs * backlog);
    if (playing.settledAt === null) {
      return Math.max(base, playing.startedAt + this.options.maxStreakHoldMs);
    }
    return Math.max(base, playing.settledAt + this.scaled(this.options.settleMs * backlog));
  }

  private enqueue(view: AlertView): void {
    const entry = { view, order: this.order++ };
    // Highest tier first, then arrival order: insert before the first lower-tier entry.
    const at = this.waiting.findIndex((other) => other.view.tier < view.tier);
    if (at === -1) this.waiting.push(entry);
    else this.waiting.splice(at, 0, entry);
    while (this.waiting.length > this.options.maxWaiting) {
      this.waiting.pop();
      this.stats.dropped += 1;
    }
  }

  private remember(id: string): void {
    this.finished.add(id);
    if (this.finished.size > RECENT_CAP) {
      const oldest = this.finished.values().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }

  private scaled(ms: number): number {
    return ms / this.options.speed;
  }
}
