/**
 * Matching one streak across sources.
 *
 * The connector and the page capture can both report the same gifts. They share nothing exact:
 * page capture has no TikTok message id or group id, may know the gift only by its picture (and a
 * name and price looked up from the catalog) and the sender only by @handle. So a frame whose own
 * streak key is new is matched to a known streak when ALL of these hold:
 *
 * 1. same sender: @handles equal, ignoring case and a leading `@` (user ids differ by source);
 * 2. same receiver: both to the host, or both to a guest with the same @handle;
 * 3. same gift: gift ids equal when both sources know one; otherwise names equal ignoring case,
 *    or the 32-hex-digit hash in the gift image URL equal (TikTok's CDN names images by it);
 * 4. overlapping time: the frame is within `crossSourceWindowMs` of the streak's frames
 *    (`firstAt - window ≤ at ≤ lastAt + window`);
 * 5. the streak has no report yet from the frame's source (one source never reports one streak
 *    under two keys; a second key from the same source is a second, concurrent streak).
 *
 * Among several matches the one whose last frame is closest in time wins, then the oldest.
 * Matched frames join the streak: its count is the max of the sources' counts, never their sum.
 */
import type { GiftEvent, GiftInfo } from '../events/gift';
import type { StreakRecord } from './streak';
import { reportedCount } from './streak';
import type { GiftReceiver } from './types';

/** The form of a @handle two sources agree on. */
export const normalizeHandle = (handle: string): string =>
  handle.trim().replace(/^@/, '').toLowerCase();

const IMAGE_HASH = /[0-9a-f]{32}/i;

export function sameGift(a: GiftInfo, b: GiftInfo): boolean {
  if (a.id !== null && b.id !== null) return a.id === b.id;
  if (a.name.trim().toLowerCase() === b.name.trim().toLowerCase()) return true;
  const hashA = a.imageUrl?.match(IMAGE_HASH)?.[0].toLowerCase();
  const hashB = b.imageUrl?.match(IMAGE_HASH)?.[0].toLowerCase();
  return hashA !== undefined && hashA === hashB;
}

export function sameReceiver(a: GiftReceiver, b: GiftReceiver): boolean {
  if (a === null || b === null) return a === b;
  return normalizeHandle(a.handle) === normalizeHandle(b.handle);
}

/** Whether `event` is another source's report of `streak` (rules 2–5; rule 1 is the index). */
export function matchesStreak(streak: StreakRecord, event: GiftEvent, windowMs: number): boolean {
  return (
    reportedCount(streak, event.source) === 0 &&
    sameReceiver(streak.toUser, event.toUser) &&
    sameGift(streak.gift, event.gift) &&
    event.at >= streak.firstAt - windowMs &&
    event.at <= streak.lastAt + windowMs
  );
}

/** The best known streak `event` is another source's report of, if any. */
export function findCrossSourceMatch(
  candidates: Iterable<StreakRecord>,
  event: GiftEvent,
  windowMs: number,
): StreakRecord | undefined {
  let best: StreakRecord | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const streak of candidates) {
    if (!matchesStreak(streak, event, windowMs)) continue;
    const gap = Math.abs(event.at - streak.lastAt);
    if (gap < bestGap || (gap === bestGap && best !== undefined && streak.firstAt < best.firstAt)) {
      best = streak;
      bestGap = gap;
    }
  }
  return best;
}
