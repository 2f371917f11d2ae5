import type { GiftEvent } from '../events/gift';
import { findCrossSourceMatch, normalizeHandle } from './cross-source';
import { checkedLedgerState, LEDGER_STATE_VERSION, type LedgerState } from './ledger-state';
import { createTotals } from './ledger-totals';
import {
  commitStreak,
  copyStreak,
  frameKey,
  isStreakable,
  observeFrame,
  pendingUnits,
  reportedCount,
  type StreakRecord,
  startStreak,
  viewStreak,
} from './streak';
import type {
  CommitReason,
  GiftOutcome,
  LedgerTotals,
  StreakCommit,
  StreakView,
  TopGifter,
} from './types';

export const DEFAULT_QUIET_PERIOD_MS = 15_000;
export const DEFAULT_CROSS_SOURCE_WINDOW_MS = 10_000;
export const DEFAULT_SETTLED_RETENTION_MS = 5 * 60_000;

/** How a gift ledger is tuned, and the state it continues from. */
export interface GiftLedgerOptions {
  /** Stream time with no frame before an unended streak commits at its highest count; ms. */
  quietPeriodMs?: number;
  /** How far apart two sources' reports of one streak may be and still match; ms. */
  crossSourceWindowMs?: number;
  /**
   * How long (stream time after its last frame) a settled streak is kept so a late end or another
   * source's report still finds it; ms. Older settled streaks are forgotten by `advance`.
   */
  settledRetentionMs?: number;
  /** A state from `exportState()` to continue from (journal snapshot). */
  state?: LedgerState;
}

/**
 * The gift ledger: turns gift frames into committed coins, following the domain rules in
 * docs/domain-rules.md (coins, streaks, duplicates).
 */
export interface GiftLedger {
  /** Applies one gift frame, validated and with its message id not seen before (the relay's check). */
  apply(event: GiftEvent): GiftOutcome;
  /** Commits streaks with no frame for `quietPeriodMs` as of stream time `now`; forgets old ones. */
  advance(now: number): StreakCommit[];
  /**
   * Commits the open streaks whose quiet period has passed by stream time `now` (as `advance`
   * would), and nothing else. Cheap when none has, so it can run before every event: an event
   * past a streak's quiet period commits it first, in a report as in a replay or live.
   */
  commitQuiet(now: number): StreakCommit[];
  /** Stream end: commits every open streak at its highest count. */
  closeAll(now: number): StreakCommit[];
  totals(): LedgerTotals;
  /** Viewers by committed coins, most first; ties keep the order of their first gift. */
  topGifters(limit?: number): TopGifter[];
  /** Streaks with units seen but not committed, oldest first. */
  openStreaks(): StreakView[];
  /**
   * Stream time by which the quiet period has passed for every open streak (its last frame plus
   * `quietPeriodMs`), or null when none is open: where `advance` commits them all.
   */
  quietDeadline(): number | null;
  /** JSON-serializable state; `createGiftLedger({ state })` continues from it. */
  exportState(): LedgerState;
}

/**
 * Creates a gift ledger. Deterministic: every time is the stream time passed in (the events'
 * `at`, and `now` of `advance`/`closeAll`); nothing reads a clock.
 */
export function createGiftLedger(options: GiftLedgerOptions = {}): GiftLedger {
  const quietPeriodMs = nonNegative(
    'quietPeriodMs',
    options.quietPeriodMs,
    DEFAULT_QUIET_PERIOD_MS,
  );
  const windowMs = nonNegative(
    'crossSourceWindowMs',
    options.crossSourceWindowMs,
    DEFAULT_CROSS_SOURCE_WINDOW_MS,
  );
  const retentionMs = nonNegative(
    'settledRetentionMs',
    options.settledRetentionMs,
    DEFAULT_SETTLED_RETENTION_MS,
  );
  const state = options.state === undefined ? undefined : checkedLedgerState(options.state);
  const totals = createTotals(state?.totals);
  /** Streaks by their own key, oldest first. */
  const streaks = new Map<string, StreakRecord>();
  /** Every frame key (of any source) → the key of the streak it reports. */
  const aliases = new Map<string, string>();
  /** Sender @handle → keys of their streaks: the candidates for cross-source matching. */
  const bySender = new Map<string, Set<string>>();
  /**
   * Coins seen but not committed, kept up to date as frames and commits change streaks: the
   * ledger keeps five minutes of settled streaks, and summing them on every `totals()` made
   * the earnings view cost grow with them.
   */
  let provisionalCoins = 0;
  for (const record of state?.streaks ?? []) {
    const streak = copyStreak(record);
    track(streak);
    provisionalCoins += pendingCoins(streak);
  }
  /**
   * No open streak's quiet period ends before this stream time. A lower bound: frames only move a
   * streak's end later, so it is lowered on each frame and made exact by every full pass.
   */
  let quietFrom = Number.NEGATIVE_INFINITY;

  function track(streak: StreakRecord): void {
    streaks.set(streak.key, streak);
    for (const alias of streak.aliases) aliases.set(alias, streak.key);
    const handle = normalizeHandle(streak.user.handle);
    const keys = bySender.get(handle) ?? new Set<string>();
    keys.add(streak.key);
    bySender.set(handle, keys);
  }

  function forget(streak: StreakRecord): void {
    streaks.delete(streak.key);
    for (const alias of streak.aliases) {
      if (aliases.get(alias) === streak.key) aliases.delete(alias);
    }
    const handle = normalizeHandle(streak.user.handle);
    const keys = bySender.get(handle);
    keys?.delete(streak.key);
    if (keys?.size === 0) bySender.delete(handle);
  }

  function candidatesFor(event: GiftEvent): StreakRecord[] {
    const keys = bySender.get(normalizeHandle(event.user.handle)) ?? new Set<string>();
    return [...keys].map((key) => streaks.get(key)).filter((s) => s !== undefined);
  }

  /**
   * Sources without combo ids (page capture: group id '') reuse one key for every streak of a
   * viewer's gift, so for them a smaller count than the source last reported, or a frame long
   * after the streak ended, is a new streak (docs/tiktok-page.md: "a smaller N is a new streak").
   */
  function beginsNewStreak(streak: StreakRecord, event: GiftEvent): boolean {
    if (event.groupId !== '' || !isStreakable(event)) return false;
    if (event.repeatCount < reportedCount(streak, event.source)) return true;
    return streak.ended && event.at - streak.lastAt > windowMs;
  }

  function newStreak(event: GiftEvent, key: string): StreakRecord {
    let ownKey = key;
    // A key reused by a later streak (see beginsNewStreak) gets the stream time as a suffix.
    for (let n = 0; streaks.has(ownKey); n += 1) ownKey = `${key}@${event.at}${n ? `#${n}` : ''}`;
    const streak = startStreak(event, ownKey);
    if (ownKey !== key) streak.aliases.push(key);
    track(streak);
    return streak;
  }

  /** The streak a frame reports: by its key, else another source's matching streak, else new. */
  function route(event: GiftEvent): StreakRecord {
    const key = frameKey(event);
    const aliased = streaks.get(aliases.get(key) ?? '');
    if (aliased !== undefined) {
      if (!beginsNewStreak(aliased, event)) return aliased;
      // The key moves on to the source's next streak.
      aliased.aliases = aliased.aliases.filter((alias) => alias !== key);
      aliases.delete(key);
    }
    const match = findCrossSourceMatch(candidatesFor(event), event, windowMs);
    if (match === undefined) return newStreak(event, key);
    match.aliases.push(key);
    aliases.set(key, match.key);
    return match;
  }

  function commit(streak: StreakRecord, at: number, reason: CommitReason): StreakCommit | null {
    const before = pendingCoins(streak);
    const done = commitStreak(streak, at, reason);
    provisionalCoins += pendingCoins(streak) - before;
    if (done !== null) totals.record(done);
    return done;
  }

  function apply(event: GiftEvent): GiftOutcome {
    const streak = route(event);
    const before = pendingCoins(streak);
    const effect = observeFrame(streak, event);
    provisionalCoins += pendingCoins(streak) - before;
    if (pendingUnits(streak) > 0) quietFrom = Math.min(quietFrom, streak.lastAt + quietPeriodMs);
    if (effect.kind === 'duplicate') return { status: 'duplicate', reason: effect.reason };
    if (effect.kind === 'commit') {
      const done = commit(streak, event.at, effect.reason);
      if (done !== null) return { status: 'committed', streak: viewStreak(streak), commit: done };
    }
    return { status: 'provisional', streak: viewStreak(streak) };
  }

  function advance(now: number): StreakCommit[] {
    const commits: StreakCommit[] = [];
    quietFrom = Number.POSITIVE_INFINITY;
    for (const streak of streaks.values()) {
      if (pendingUnits(streak) > 0) {
        if (now - streak.lastAt < quietPeriodMs) {
          quietFrom = Math.min(quietFrom, streak.lastAt + quietPeriodMs);
          continue;
        }
        const done = commit(streak, now, 'quiet');
        if (done !== null) commits.push(done);
      } else if (now - streak.lastAt > retentionMs) {
        // Settled long ago: no late end or second source is expected any more.
        forget(streak);
      }
    }
    return commits;
  }

  const commitQuiet = (now: number): StreakCommit[] => (now < quietFrom ? [] : advance(now));

  function closeAll(now: number): StreakCommit[] {
    const commits: StreakCommit[] = [];
    for (const streak of streaks.values()) {
      const done = commit(streak, now, 'streamEnd');
      if (done !== null) commits.push(done);
    }
    return commits;
  }

  function currentTotals(): LedgerTotals {
    return {
      committedCoins: totals.hostCoins + totals.guestCoins,
      provisionalCoins,
      hostCoins: totals.hostCoins,
      guestCoins: totals.guestCoins,
      completedGifts: totals.completedGifts,
      giftsByName: totals.giftsByName(),
    };
  }

  return {
    apply,
    advance,
    commitQuiet,
    closeAll,
    totals: currentTotals,
    topGifters: (limit) => totals.topGifters(limit),
    openStreaks: () => [...streaks.values()].filter((s) => pendingUnits(s) > 0).map(viewStreak),
    quietDeadline() {
      let deadline: number | null = null;
      for (const streak of streaks.values()) {
        if (pendingUnits(streak) === 0) continue;
        deadline = Math.max(deadline ?? 0, streak.lastAt + quietPeriodMs);
      }
      return deadline;
    },
    exportState: () => ({
      version: LEDGER_STATE_VERSION,
      streaks: [...streaks.values()].map(copyStreak),
      totals: totals.exportState(),
    }),
  };
}

/** Coins of the units a streak saw but did not commit yet. */
const pendingCoins = (streak: StreakRecord): number => pendingUnits(streak) * streak.gift.coins;

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative number of milliseconds, got ${value}`);
  }
  return value;
}
