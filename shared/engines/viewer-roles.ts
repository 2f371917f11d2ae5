/**
 * The badges of the room's gifters (moderator, subscriber, TikTok's top-gifter rank, gifter
 * level, TikTok's badge pictures), as their latest message showed them, so the top-gifters
 * board shows the same badges as their chat lines. Only gifters are kept: the board lists no
 * one else, and a room's every viewer would not fit.
 */
import type { User } from '../events/user';
import type { ChatBadges } from '../protocol/channel-data';
import { clone } from './json-state';

/** Exported state: badges by user id. */
export type ViewerRolesState = Record<string, Required<ChatBadges>>;

/** Gifters kept; past it the oldest entries go (a rare room, and only badges are lost). */
const KEPT = 5000;

const badgesOf = (user: User): Required<ChatBadges> => ({
  moderator: user.roles.moderator,
  subscriber: user.roles.subscriber,
  topGifterRank: user.roles.topGifterRank,
  gifterLevel: user.roles.gifterLevel,
  badgePictures: user.badgePictures.map((picture) => ({ ...picture })),
});

export function createViewerRoles(saved?: ViewerRolesState) {
  const byId = new Map(Object.entries(saved ? clone(saved) : {}));
  return {
    /** A message from `user`: a gifter's badges are kept up to date; a gift makes them one. */
    note(user: User, gifted: boolean): void {
      if (!gifted && !byId.has(user.id)) return;
      byId.delete(user.id);
      byId.set(user.id, badgesOf(user));
      if (byId.size > KEPT) byId.delete(byId.keys().next().value as string);
    },
    of: (userId: string): Required<ChatBadges> | null => byId.get(userId) ?? null,
    exportState: (): ViewerRolesState => clone(Object.fromEntries(byId)),
  };
}

export type ViewerRoles = ReturnType<typeof createViewerRoles>;
