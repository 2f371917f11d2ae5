/**
 * Builds normalized LiveEvents (source `page`) from what the page shows. The page has no TikTok
 * message ids, so ids are made from the row's content and a time bucket: stable when two tabs
 * (or a re-attached reader) see the same row, distinct for the same words said again later.
 */

import { STREAKABLE_GIFT_TYPE } from '../../../shared/events/gift';
import type { LiveEvent, LiveEventInput } from '../../../shared/events/live-event';
import { parseLiveEvent } from '../../../shared/events/parse';
import type { PageGift } from './gift-panel';
import type { PageRow, PageSender } from './read-row';
import type { StreakFrame } from './streak-tracker';

/** Ids of events seen within one bucket match across tabs and re-attaches. */
export const ID_TIME_BUCKET_MS = 10_000;

/** FNV-1a, 32 bit, as 8 hex digits: short stable ids from row content. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export const normalizeHandle = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();

const bucket = (at: number) => Math.floor(at / ID_TIME_BUCKET_MS);

function pageUser(sender: PageSender) {
  return {
    // Page capture never sees TikTok's numeric id; the handle stands in (the ledger matches
    // sources by handle).
    id: `page:${normalizeHandle(sender.handle)}`.slice(0, 64),
    handle: sender.handle.slice(0, 64),
    nickname: sender.name.slice(0, 128),
    avatarUrl: sender.avatarUrl,
    roles: {
      moderator: sender.moderator,
      subscriber: sender.subscriber,
      follower: false,
      topGifterRank: null,
      gifterLevel: sender.gifterLevel,
    },
  };
}

function validated(input: LiveEventInput): LiveEvent | null {
  const parsed = parseLiveEvent(input);
  return parsed.ok ? parsed.value : null;
}

/** A chat or system row as an event; `rowKey` is the row's content key. */
export function rowEvent(row: Exclude<PageRow, { kind: 'gift' }>, rowKey: string, at: number) {
  const id = `page-${row.kind}-${contentHash(`${rowKey}|${bucket(at)}`)}`;
  const user = pageUser(row.sender);
  switch (row.kind) {
    case 'chat':
      return validated({
        kind: 'chat',
        id,
        source: 'page',
        at,
        user,
        text: row.text.slice(0, 500),
        emotes: row.emotes.slice(0, 50),
      });
    case 'like':
      // The page shows who liked, never how many: one at least; the room total is unknown.
      return validated({ kind: 'like', id, source: 'page', at, user, count: 1, roomTotal: null });
    default:
      return validated({ kind: row.kind, id, source: 'page', at, user });
  }
}

/**
 * The stable id of a page streak: who, which gift, when it started, and (for a second streak of
 * the same gift by the same sender within one bucket) its ordinal.
 */
export function pageStreakId(
  sender: string,
  giftHash: string,
  startedAt: number,
  ordinal: number,
): string {
  return `page-gift-${contentHash(`${sender}|${giftHash}|${bucket(startedAt)}|${ordinal}`)}`;
}

/** A streak frame as a gift event. The page shows every gift as a `×N` row: type 1 frames. */
export function giftFrameEvent(
  frame: StreakFrame,
  sender: PageSender,
  gift: PageGift,
  imageUrl: string,
): LiveEvent | null {
  return validated({
    kind: 'gift',
    id: `${frame.streakId}-${frame.repeatEnd ? 'end' : `x${frame.count}`}`,
    source: 'page',
    at: frame.at,
    user: pageUser(sender),
    gift: {
      id: gift.id,
      name: gift.name.slice(0, 64),
      coins: gift.coins,
      type: STREAKABLE_GIFT_TYPE,
      imageUrl,
    },
    repeatCount: frame.count,
    repeatEnd: frame.repeatEnd,
    groupId: frame.streakId,
    toUser: null,
  });
}

export function viewersEvent(count: number, at: number): LiveEvent | null {
  return validated({
    kind: 'viewers',
    id: `page-viewers-${contentHash(`${count}|${at}`)}`,
    source: 'page',
    at,
    count,
  });
}
