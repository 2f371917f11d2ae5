/** Chat lines as overlays draw them, with the viewer's badges, and their removal. */
import type { ChatEmote } from '../../events/chat';
import type { BadgePicture } from '../../events/user';
import type { ViewerBadge } from './viewer';

/** What a chat line shows before the name: the viewer's badges, and TikTok's pictures of them. */
export interface ChatBadges {
  moderator: boolean;
  subscriber: boolean;
  /** 1-based rank among the room's top gifters, null when not ranked. */
  topGifterRank?: number | null;
  /** TikTok's gifter level, null when unknown. */
  gifterLevel?: number | null;
  /** TikTok's pictures for some of these badges; the others are drawn by Limelight. */
  badgePictures?: BadgePicture[];
}
export interface ChatLine {
  id: string;
  user: ViewerBadge & ChatBadges;
  text: string;
  /** Emote pictures, each at its place in `text` (see `ChatEmote.at`). */
  emotes: ChatEmote[];
  at: number;
}
export interface ChatState {
  /** The most recent lines, oldest first, already filtered by moderation. */
  lines: ChatLine[];
}
export type ChatUpdate =
  | { channel: 'chat'; type: 'chat.line'; data: ChatLine }
  | {
      channel: 'chat';
      type: 'chat.remove';
      /**
       * `by: 'tiktok'`: TikTok removed these messages (`imDelete`): every id it named (on the
       * overlays or not) and, in `userIds`, the users whose every line it removed; panels drop
       * them rather than list them as moderated. Absent for moderation (hidden, muted, filtered).
       */
      data: { ids: string[]; by?: 'tiktok'; userIds?: string[] };
    };
