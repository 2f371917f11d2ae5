/**
 * Turns the page's gift rows into streak frames. On the page a streak is ONE row whose `×N`
 * grows as it re-renders, so the count is replaced, never added:
 * - the same N within `sameFrameMs` (or from the same row) is the same frame, seen twice;
 * - a larger N is the next frame of the streak (even when TikTok moved it to a new row);
 * - a smaller N (or the same N from another row later) is a new streak, and the old one is over;
 * - no change for `quietMs` and the streak is over: its end frame (`repeatEnd`) is sent.
 * Pure: time is passed in.
 */

export interface GiftSighting {
  /** Who sent it (the normalized handle). */
  sender: string;
  /** The gift picture's hash. */
  giftHash: string;
  count: number;
  /** Identifies the row the count was read from (content key, not element identity). */
  rowKey: string;
  at: number;
}

/** A frame to send: `repeatEnd` false while the streak runs, true once it is over. */
export interface StreakFrame {
  /** Stable per streak: sender + gift + the time the streak started. */
  streakId: string;
  sender: string;
  giftHash: string;
  count: number;
  repeatEnd: boolean;
  /** Stream time of the frame (epoch ms). */
  at: number;
}

export interface StreakTrackerOptions {
  sameFrameMs?: number;
  quietMs?: number;
  /** Makes the stable streak id; injected so the id scheme lives with the event builder. */
  streakId: (sighting: GiftSighting) => string;
}

interface OpenStreak {
  streakId: string;
  sender: string;
  giftHash: string;
  count: number;
  rowKey: string;
  lastFrameAt: number;
  /** Backlog streaks were open before capture attached: nothing was sent for them yet. */
  silent: boolean;
}

export interface StreakTracker {
  /** A gift row was read; returns the frames to send (an old streak's end, then the new frame). */
  observe(sighting: GiftSighting): StreakFrame[];
  /** Whether a streak of this sender and gift is open. */
  isOpen(sighting: Pick<GiftSighting, 'sender' | 'giftHash'>): boolean;
  /** Remembers a backlog row without sending anything; it only speaks up if it grows. */
  prime(sighting: GiftSighting): void;
  /** Ends streaks quiet for `quietMs` as of `now`. */
  advance(now: number): StreakFrame[];
  /** Ends every open streak (capture stopping). */
  closeAll(now: number): StreakFrame[];
  readonly openCount: number;
}

export const SAME_FRAME_MS = 500;
export const STREAK_QUIET_MS = 3_000;

export function createStreakTracker(options: StreakTrackerOptions): StreakTracker {
  const sameFrameMs = options.sameFrameMs ?? SAME_FRAME_MS;
  const quietMs = options.quietMs ?? STREAK_QUIET_MS;
  const open = new Map<string, OpenStreak>();
  const keyOf = (s: { sender: string; giftHash: string }) => `${s.sender}\u0000${s.giftHash}`;

  const frame = (streak: OpenStreak, repeatEnd: boolean, at: number): StreakFrame => ({
    streakId: streak.streakId,
    sender: streak.sender,
    giftHash: streak.giftHash,
    count: streak.count,
    repeatEnd,
    at,
  });

  function end(streak: OpenStreak, at: number): StreakFrame[] {
    open.delete(keyOf(streak));
    return streak.silent ? [] : [frame(streak, true, at)];
  }

  function start(sighting: GiftSighting, silent: boolean): OpenStreak {
    const streak: OpenStreak = {
      streakId: options.streakId(sighting),
      sender: sighting.sender,
      giftHash: sighting.giftHash,
      count: sighting.count,
      rowKey: sighting.rowKey,
      lastFrameAt: sighting.at,
      silent,
    };
    open.set(keyOf(sighting), streak);
    return streak;
  }

  return {
    observe(sighting) {
      const current = open.get(keyOf(sighting));
      if (!current) return [frame(start(sighting, false), false, sighting.at)];
      if (sighting.count === current.count) {
        const sameFrame =
          sighting.at - current.lastFrameAt <= sameFrameMs || sighting.rowKey === current.rowKey;
        if (sameFrame) return [];
      }
      if (sighting.count > current.count) {
        current.count = sighting.count;
        current.rowKey = sighting.rowKey;
        current.lastFrameAt = sighting.at;
        current.silent = false;
        return [frame(current, false, sighting.at)];
      }
      // Smaller, or a different row: the old streak is over and a new one begins.
      const ended = end(current, sighting.at);
      return [...ended, frame(start(sighting, false), false, sighting.at)];
    },
    isOpen: (sighting) => open.has(keyOf(sighting)),
    prime(sighting) {
      if (!open.has(keyOf(sighting))) start(sighting, true);
    },
    advance(now) {
      const frames: StreakFrame[] = [];
      for (const streak of [...open.values()]) {
        if (now - streak.lastFrameAt >= quietMs) frames.push(...end(streak, now));
      }
      return frames;
    },
    closeAll(now) {
      return [...open.values()].flatMap((streak) => end(streak, now));
    },
    get openCount() {
      return open.size;
    },
  };
}
