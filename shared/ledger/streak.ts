import type { EventSource } from '../events/base';
import { type GiftEvent, type GiftInfo, STREAKABLE_GIFT_TYPE } from '../events/gift';
import type { CommitReason, GiftReceiver, LedgerUser, StreakCommit, StreakView } from './types';

/** The highest count one source reported for a streak. */
export interface SourceReport {
  source: EventSource;
  count: number;
}

/** One streak's ledger state (JSON-serializable: it goes into journal snapshots as is). */
export interface StreakRecord {
  key: string;
  user: LedgerUser;
  gift: GiftInfo;
  toUser: GiftReceiver;
  /** Highest count any source reported. */
  count: number;
  committedCount: number;
  ended: boolean;
  /** A gift that does not streak (type ≠ 1): one frame, committed on arrival. */
  single: boolean;
  firstAt: number;
  lastAt: number;
  /** Per source, in order of first report. */
  reports: SourceReport[];
  /** Frame keys routed to this streak (its own key, and other sources' keys once matched). */
  aliases: string[];
}

/** What one frame did to a streak; the ledger turns it into a `GiftOutcome`. */
export type FrameEffect =
  | { kind: 'commit'; reason: CommitReason }
  | { kind: 'provisional' }
  | { kind: 'duplicate'; reason: 'crossSource' | 'staleFrame' };

export const isStreakable = (event: GiftEvent): boolean => event.gift.type === STREAKABLE_GIFT_TYPE;

/**
 * The frame's streak key: user id + gift (id, else name) + group id. A gift that does not streak
 * is its own send, so its message id is part of the key: two Galaxies in a row are two sends.
 */
export function frameKey(event: GiftEvent): string {
  const gift = event.gift.id === null ? `name:${event.gift.name}` : String(event.gift.id);
  const key = `${event.user.id}|${gift}|${event.groupId}`;
  return isStreakable(event) ? key : `${key}|${event.id}`;
}

/** A streak with nothing counted yet; `observeFrame` applies its first frame. */
export function startStreak(event: GiftEvent, key: string): StreakRecord {
  const { id, handle, nickname, avatarUrl } = event.user;
  return {
    key,
    user: { id, handle, nickname, avatarUrl },
    gift: { ...event.gift },
    toUser: event.toUser === null ? null : { ...event.toUser },
    count: 0,
    committedCount: 0,
    ended: false,
    single: !isStreakable(event),
    firstAt: event.at,
    lastAt: event.at,
    reports: [],
    aliases: [key],
  };
}

export function reportedCount(streak: StreakRecord, source: EventSource): number {
  return streak.reports.find((report) => report.source === source)?.count ?? 0;
}

/**
 * Applies one frame. Counts are TikTok's running totals (×N), so they take the max and never
 * add: a frame can only raise the count. Only an end frame (or a non-streak gift) commits; the
 * commit covers the units not committed before, so a late end adds just the difference and an
 * end with a lower count adds nothing.
 */
export function observeFrame(streak: StreakRecord, event: GiftEvent): FrameEffect {
  const count = event.repeatCount;
  // A non-streak gift is final whatever its repeatEnd says (TikTok leaves it false on some),
  // also when it joins a streak another source opened (page capture may guess the type wrong).
  const single = streak.single || !isStreakable(event);
  const end = single || event.repeatEnd;
  const ownBefore = reportedCount(streak, event.source);
  const othersBefore = Math.max(
    0,
    ...streak.reports.filter((r) => r.source !== event.source).map((r) => r.count),
  );
  recordReport(streak, event.source, Math.max(ownBefore, count));
  fillUnknowns(streak, event);
  const grew = count > streak.count;
  const wasEnded = streak.ended;
  streak.count = Math.max(streak.count, count);
  streak.lastAt = Math.max(streak.lastAt, event.at);
  if (end) streak.ended = true;

  if (end && streak.count > streak.committedCount) {
    const late = wasEnded || streak.committedCount > 0;
    if (single && !late) return { kind: 'commit', reason: 'single' };
    return { kind: 'commit', reason: late ? 'lateEnd' : 'end' };
  }
  if (grew) return { kind: 'provisional' };
  if (othersBefore >= count) return { kind: 'duplicate', reason: 'crossSource' };
  if (wasEnded || end || count < ownBefore) return { kind: 'duplicate', reason: 'staleFrame' };
  // The same count again while the streak is open (a re-render or a resend): still on screen.
  return { kind: 'provisional' };
}

/** Commits every seen unit not committed yet; null when there is nothing to add. */
export function commitStreak(
  streak: StreakRecord,
  at: number,
  reason: CommitReason,
): StreakCommit | null {
  const units = streak.count - streak.committedCount;
  if (units <= 0) return null;
  streak.committedCount = streak.count;
  return {
    key: streak.key,
    user: { ...streak.user },
    gift: { ...streak.gift },
    toUser: streak.toUser === null ? null : { ...streak.toUser },
    units,
    coins: units * streak.gift.coins,
    totalUnits: streak.committedCount,
    at,
    reason,
  };
}

/** Units seen but not committed: they count as provisional coins. */
export const pendingUnits = (streak: StreakRecord): number =>
  Math.max(0, streak.count - streak.committedCount);

export function viewStreak(streak: StreakRecord): StreakView {
  return {
    key: streak.key,
    user: { ...streak.user },
    gift: { ...streak.gift },
    toUser: streak.toUser === null ? null : { ...streak.toUser },
    count: streak.count,
    committedCount: streak.committedCount,
    coins: streak.count * streak.gift.coins,
    ended: streak.ended,
    firstAt: streak.firstAt,
    lastAt: streak.lastAt,
    sources: streak.reports.map((report) => report.source),
  };
}

function recordReport(streak: StreakRecord, source: EventSource, count: number): void {
  const report = streak.reports.find((r) => r.source === source);
  if (report) report.count = count;
  else streak.reports.push({ source, count });
}

// A second source may know what the first did not (page capture has no gift id or avatar).
// Price and name stay as first reported: the event's own values win over guesses.
function fillUnknowns(streak: StreakRecord, event: GiftEvent): void {
  if (streak.gift.id === null) streak.gift.id = event.gift.id;
  if (streak.gift.imageUrl === null) streak.gift.imageUrl = event.gift.imageUrl;
  if (streak.user.avatarUrl === null) streak.user.avatarUrl = event.user.avatarUrl;
}

// A plain-data copy, so exported state never aliases live records (shared/ uses no
// structuredClone: it is a host API, and records are plain data anyway).
export function copyStreak(streak: StreakRecord): StreakRecord {
  return {
    ...streak,
    user: { ...streak.user },
    gift: { ...streak.gift },
    toUser: streak.toUser === null ? null : { ...streak.toUser },
    reports: streak.reports.map((r) => ({ ...r })),
    aliases: [...streak.aliases],
  };
}
