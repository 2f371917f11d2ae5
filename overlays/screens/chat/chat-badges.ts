/**
 * Which badges a chat line shows before the name, in TikTok's order: moderator, subscriber,
 * top gifter (with rank), gifter level. Each carries TikTok's picture when the payload had one;
 * the others are drawn by Limelight (badge-shapes.ts). Pure.
 */
import type { BadgeKind } from '../../../shared/events/user';
import type { ChatBadges } from '../../../shared/protocol/channel-data';

/** One badge to draw. */
export interface BadgeSpec {
  kind: BadgeKind;
  /** The rank or level it shows, when it has one. */
  value: number | null;
  /** TikTok's picture of it, else null (drawn). */
  imageUrl: string | null;
}

export function badgesOf(user: Partial<ChatBadges>): BadgeSpec[] {
  const pictures = user.badgePictures ?? [];
  const picture = (kind: BadgeKind) => pictures.find((p) => p.kind === kind)?.imageUrl ?? null;
  const badges: BadgeSpec[] = [];
  if (user.moderator)
    badges.push({ kind: 'moderator', value: null, imageUrl: picture('moderator') });
  if (user.subscriber) {
    badges.push({ kind: 'subscriber', value: null, imageUrl: picture('subscriber') });
  }
  const rank = user.topGifterRank ?? null;
  if (rank !== null && rank > 0) {
    badges.push({ kind: 'topGifter', value: rank, imageUrl: picture('topGifter') });
  }
  const level = user.gifterLevel ?? null;
  if (level !== null && level > 0) {
    badges.push({ kind: 'gifterLevel', value: level, imageUrl: picture('gifterLevel') });
  }
  return badges;
}
