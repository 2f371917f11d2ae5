/**
 * The chat overlay's feed: the most recent lines, already filtered by moderation. Lines from
 * muted viewers, hidden lines and blocked words never reach the overlays; every line still
 * counts in the metrics.
 */
import type { ChatEvent } from '../events/chat';
import type { ChatLine, ChatState, ChatUpdate } from '../protocol/channel-data';
import { clone } from './json-state';
import type { ModerationEngine } from './moderation/moderation-engine';

/** Exported state of the chat feed. */
export interface ChatFeedState {
  lines: ChatLine[];
}

export const CHAT_LINES = 50;

export function createChatFeed(moderation: ModerationEngine, saved?: ChatFeedState) {
  const s: ChatFeedState = saved ? clone(saved) : { lines: [] };

  const removeWhere = (drop: (line: ChatLine) => boolean): ChatUpdate[] => {
    const ids = s.lines.filter(drop).map((line) => line.id);
    if (ids.length === 0) return [];
    s.lines = s.lines.filter((line) => !drop(line));
    return [{ channel: 'chat', type: 'chat.remove', data: { ids } }];
  };

  return {
    onChat(event: ChatEvent): ChatUpdate[] {
      if (moderation.isMuted(event.user.id) || moderation.isHidden(event.id)) return [];
      const filtered = moderation.filter(event.text);
      if (filtered.blocked) return [];
      const line: ChatLine = {
        id: event.id,
        user: {
          id: event.user.id,
          handle: moderation.cleanName(event.user.handle),
          nickname: moderation.cleanName(event.user.nickname),
          avatarUrl: event.user.avatarUrl,
          moderator: event.user.roles.moderator,
          subscriber: event.user.roles.subscriber,
          topGifterRank: event.user.roles.topGifterRank,
          gifterLevel: event.user.roles.gifterLevel,
          badgePictures: event.user.badgePictures.map((picture) => ({ ...picture })),
        },
        text: filtered.text,
        emotes: event.emotes.map((e) => ({ ...e })),
        at: event.at,
      };
      s.lines.push(line);
      if (s.lines.length > CHAT_LINES) s.lines.shift();
      return [{ channel: 'chat', type: 'chat.line', data: line }];
    },

    /** Takes a hidden message off the overlays. */
    hide: (messageId: string) => removeWhere((line) => line.id === messageId),
    /** Takes a muted viewer's lines off the overlays. */
    muteUser: (userId: string) => removeWhere((line) => line.user.id === userId),
    /** After a word filter change: lines the filter now blocks or masks leave the overlays. */
    refilter(): ChatUpdate[] {
      return removeWhere((line) => {
        const filtered = moderation.filter(line.text);
        return filtered.blocked || filtered.text !== line.text;
      });
    },

    view: (): ChatState => ({ lines: clone(s.lines) }),
    exportState: (): ChatFeedState => clone(s),
  };
}

export type ChatFeed = ReturnType<typeof createChatFeed>;
