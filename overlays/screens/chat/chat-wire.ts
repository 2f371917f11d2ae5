/** Narrows inbound chat-channel payloads to the shapes drawn. */

import { BADGE_KINDS } from '../../../shared/events/badge-kinds';
import type { ChatEmote } from '../../../shared/events/chat';
import type { BadgePicture } from '../../../shared/events/user';
import type { ChatBadges, ChatLine, ChatState } from '../../../shared/protocol/channel-data';
import { isNumber, isRecord, isString, readList, readViewer } from '../../stage/guards';

const positive = (value: unknown): number | null => (isNumber(value) && value > 0 ? value : null);

function readEmote(value: unknown): ChatEmote | null {
  if (!isRecord(value) || !isString(value.id) || !isString(value.imageUrl)) return null;
  return { id: value.id, imageUrl: value.imageUrl, at: isNumber(value.at) ? value.at : null };
}

function readBadgePicture(value: unknown): BadgePicture | null {
  if (!isRecord(value) || !isString(value.imageUrl)) return null;
  const kind = BADGE_KINDS.find((known) => known === value.kind);
  return kind ? { kind, imageUrl: value.imageUrl } : null;
}

/** A viewer's badges (chat lines, the top-gifters board); missing ones read as none. */
export function readBadges(user: Record<string, unknown>): Required<ChatBadges> {
  return {
    moderator: user.moderator === true,
    subscriber: user.subscriber === true,
    topGifterRank: positive(user.topGifterRank),
    gifterLevel: positive(user.gifterLevel),
    badgePictures: readList(user.badgePictures, readBadgePicture),
  };
}

export function readChatLine(value: unknown): ChatLine | null {
  if (!isRecord(value) || !isString(value.id) || !isString(value.text)) return null;
  const viewer = readViewer(value.user);
  if (!viewer || !isRecord(value.user)) return null;
  return {
    id: value.id,
    user: { ...viewer, ...readBadges(value.user) },
    text: value.text,
    emotes: readList(value.emotes, readEmote),
    at: isNumber(value.at) ? value.at : 0,
  };
}

export function readChatState(value: unknown): ChatState | null {
  return isRecord(value) ? { lines: readList(value.lines, readChatLine) } : null;
}

export function readRemovedIds(value: unknown): string[] {
  return isRecord(value) && Array.isArray(value.ids) ? value.ids.filter(isString) : [];
}
