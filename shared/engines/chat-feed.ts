/**
 * The chat overlay's feed: the most recent lines, already filtered by moderation. Lines from
 * muted viewers, hidden lines and blocked words never reach the overlays; every line still
 * counts in the metrics. Emotes sent on their own are lines of pictures without text. Lines TikTok
 * removed (`imDelete`) leave the overlays and panels, and a removed line that arrives late
 * (a second source, a replayed backlog) is not shown again.
 */
import type { ChatEvent, ChatRemovalEvent, EmoteEvent } from '../events/chat';
import type { ChatLine, ChatState, ChatUpdate } from '../protocol/channel-data';
import { clone } from './json-state';
import type { ModerationEngine } from './moderation/moderation-engine';

/** Exported state of the chat feed. */
export interface ChatFeedState {
  lines: ChatLine[];
  /** Message ids TikTok removed, newest last (bounded); absent in older snapshots. */
  removedByTikTok?: string[];
}

export const CHAT_LINES = 50;
/** Removed ids remembered, so a late copy of a removed line stays off screen. */
const REMOVED_KEPT = 500;

export function createChatFeed(moderation: ModerationEngine, saved?: ChatFeedState) {
  const s: ChatFeedState = saved ? clone(saved) : { lines: [] };

  const removedOrder = s.removedByTikTok ?? [];
  s.removedByTikTok = removedOrder;
  const removed = new Set(removedOrder);

  const removeWhere = (drop: (line: ChatLine) => boolean): ChatUpdate[] => {
    const ids = s.lines.filter(drop).map((line) => line.id);
    if (ids.length === 0) return [];
    s.lines = s.lines.filter((line) => !drop(line));
    return [{ channel: 'chat', type: 'chat.remove', data: { ids } }];
  };

  const shows = (event: ChatEvent | EmoteEvent) =>
    !moderation.isMuted(event.user.id) && !moderation.isHidden(event.id) && !removed.has(event.id);

  const add = (line: ChatLine): ChatUpdate[] => {
    s.lines.push(line);
    if (s.lines.length > CHAT_LINES) s.lines.shift();
    return [{ channel: 'chat', type: 'chat.line', data: line }];
  };

  const userOf = (event: ChatEvent | EmoteEvent): ChatLine['user'] => ({
    id: event.user.id,
    handle: moderation.cleanName(event.user.handle),
    nickname: moderation.cleanName(event.user.nickname),
    avatarUrl: event.user.avatarUrl,
    moderator: event.user.roles.moderator,
    subscriber: event.user.roles.subscriber,
    topGifterRank: event.user.roles.topGifterRank,
    gifterLevel: event.user.roles.gifterLevel,
    badgePictures: event.user.badgePictures.map((picture) => ({ ...picture })),
  });

  return {
    onChat(event: ChatEvent): ChatUpdate[] {
      if (!shows(event)) return [];
      const filtered = moderation.filter(event.text);
      if (filtered.blocked) return [];
      return add({
        id: event.id,
        user: userOf(event),
        text: filtered.text,
        emotes: event.emotes.map((e) => ({ ...e })),
        at: event.at,
      });
    },

    /** An emote sent on its own: a line of its pictures, placed after the (empty) text. */
    onEmote(event: EmoteEvent): ChatUpdate[] {
      if (!shows(event)) return [];
      const emotes = event.emotes.map((emote) => ({ ...emote, at: null }));
      return add({ id: event.id, user: userOf(event), text: '', emotes, at: event.at });
    },

    /**
     * TikTok removed messages: by id, and every line of the named users. `chat.remove` says
     * `by: 'tiktok'` and names every message and user TikTok named, not only the lines still on
     * the overlays: panels also list lines moderation took off, and drop those too.
     */
    removeByTikTok(event: ChatRemovalEvent): ChatUpdate[] {
      for (const id of event.messageIds) {
        if (removed.has(id)) continue;
        removed.add(id);
        removedOrder.push(id);
      }
      const extra = removedOrder.length - REMOVED_KEPT;
      if (extra > 0) for (const id of removedOrder.splice(0, extra)) removed.delete(id);
      const users = new Set(event.userIds);
      const shown = s.lines.filter((line) => removed.has(line.id) || users.has(line.user.id));
      s.lines = s.lines.filter((line) => !shown.includes(line));
      const ids = [...new Set([...shown.map((line) => line.id), ...event.messageIds])];
      const data = { ids, by: 'tiktok' as const, userIds: [...event.userIds] };
      return [{ channel: 'chat', type: 'chat.remove', data }];
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
