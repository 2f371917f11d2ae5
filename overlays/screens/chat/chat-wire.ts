/** Narrows inbound chat-channel payloads to the shapes drawn. */
import type { ChatLine, ChatState } from '../../../shared/protocol/channel-data';
import { isNumber, isRecord, isString, readList, readViewer } from '../../stage/guards';

export function readChatLine(value: unknown): ChatLine | null {
  if (!isRecord(value) || !isString(value.id) || !isString(value.text)) return null;
  const viewer = readViewer(value.user);
  if (!viewer || !isRecord(value.user)) return null;
  return {
    id: value.id,
    user: {
      ...viewer,
      moderator: value.user.moderator === true,
      subscriber: value.user.subscriber === true,
    },
    text: value.text,
    emotes: [],
    at: isNumber(value.at) ? value.at : 0,
  };
}

export function readChatState(value: unknown): ChatState | null {
  return isRecord(value) ? { lines: readList(value.lines, readChatLine) } : null;
}

export function readRemovedIds(value: unknown): string[] {
  return isRecord(value) && Array.isArray(value.ids) ? value.ids.filter(isString) : [];
}
