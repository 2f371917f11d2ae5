/**
 * A connector `User` → Limelight `User`, every shape:
 * 2.0–2.2: `userId`, `uniqueId`, `profilePicture.url[]`, `badges[].badgeScene`, `userHonor.level`;
 * 2.3+:    `idStr`/`id`, `displayId`, `avatarThumb.urlList[]`, `badgeList[].sceneType`, `payGrade.level`;
 * flattened (1.x, 2.x `legacy`): `userId`, `uniqueId`, `profilePictureUrl`, `isModerator`, … (flat-user.ts).
 * Roles are best effort: a badge we do not understand never fails the event.
 */
import type { BadgeKind, BadgePicture, UserInput, UserRoles } from '../../../shared/events/user';
import {
  at,
  type FieldPath,
  fail,
  firstImageUrl,
  isObject,
  type Obj,
  optionalId,
  optionalString,
} from './fields';
import { flatAvatar, flatBadgePictures, flatRoles } from './flat-user';

/** TikTok's badge scene types (tiktok-live-proto `BadgeSceneType`). */
const BADGE_SCENE = {
  admin: 1,
  subscriber: 4,
  rankList: 6,
  newSubscriber: 7,
  userGrade: 8,
} as const;

/** The receiver of a gift in a multi-guest room, as the gift event carries it. */
export interface GiftReceiverInput {
  id: string;
  handle: string;
  nickname: string;
}

/** Reads a user. `identity` is the message's `userIdentity` (chat and gift carry one). */
export function mapUser(raw: Obj, where: FieldPath, identity?: unknown): UserInput {
  const { id, handle, nickname } = mapUserName(raw, where);
  const avatarUrl =
    firstImageUrl(raw.avatarThumb) ??
    firstImageUrl(raw.profilePicture) ??
    firstImageUrl(raw.avatarMedium) ??
    firstImageUrl(raw.avatarLarge) ??
    flatAvatar(raw);
  const roles = mergeRoles(mapRoles(raw, identity), flatRoles(raw));
  const pictures = badgePictures(raw, roles);
  for (const picture of flatBadgePictures(raw, roles)) {
    if (!pictures.some((held) => held.kind === picture.kind)) pictures.push(picture);
  }
  return { id, handle, nickname, avatarUrl, roles, badgePictures: pictures };
}

/** A role held in either reading is held; a rank or level comes from the first that has one. */
function mergeRoles(nested: UserRoles, flat: UserRoles): UserRoles {
  return {
    moderator: nested.moderator || flat.moderator,
    subscriber: nested.subscriber || flat.subscriber,
    follower: nested.follower || flat.follower,
    topGifterRank: nested.topGifterRank ?? flat.topGifterRank,
    gifterLevel: nested.gifterLevel ?? flat.gifterLevel,
  };
}

/** Id, handle and nickname only: what a gift's `toUser` carries. */
export function mapUserName(raw: Obj, where: FieldPath): GiftReceiverInput {
  const id =
    optionalId(raw, 'idStr', where) ??
    optionalId(raw, 'userId', where) ??
    optionalId(raw, 'id', where) ??
    fail(at(where, 'userId'), 'missing (neither userId, idStr nor id)');
  // Some viewers have no public handle in the payload; the id still identifies them.
  const handle =
    optionalString(raw, 'uniqueId', where) ?? optionalString(raw, 'displayId', where) ?? id;
  const nickname = optionalString(raw, 'nickname', where) ?? handle;
  return { id, handle, nickname };
}

export function mapRoles(raw: Obj, identity: unknown): UserRoles {
  const ident = isObject(identity) ? identity : {};
  const badges = listOf(raw.badgeList ?? raw.badges);
  const scenes = badges.map(badgeScene);
  const userAttr = isObject(raw.userAttr) ? raw.userAttr : {};
  const followInfo = isObject(raw.followInfo) ? raw.followInfo : {};
  return {
    moderator:
      ident.isModeratorOfAnchor === true ||
      userAttr.isAdmin === true ||
      scenes.includes(BADGE_SCENE.admin),
    subscriber:
      ident.isSubscriberOfAnchor === true ||
      scenes.includes(BADGE_SCENE.subscriber) ||
      scenes.includes(BADGE_SCENE.newSubscriber),
    // followStatus: 0 none, 1 follows the host, 2 mutual.
    follower:
      ident.isFollowerOfAnchor === true ||
      ident.isMutualFollowingWithAnchor === true ||
      ['1', '2'].includes(String(followInfo.followStatus ?? raw.followRole ?? '0')),
    topGifterRank: topGifterRank(badges),
    gifterLevel: gifterLevel(raw, badges),
  };
}

function listOf(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function badgeScene(badge: Obj): number | null {
  const scene = badge.sceneType ?? badge.badgeScene ?? badge.badgeSceneType;
  return typeof scene === 'number' ? scene : null;
}

function badgeLevel(badge: Obj): number | null {
  const extra = badge.privilegeLogExtra ?? badge.logExtra;
  const level = isObject(extra) ? Number(extra.level) : Number(badge.level);
  return Number.isSafeInteger(level) && level > 0 ? level : null;
}

/** Top gifter badges are images named `ranklist_top_gifter_<rank>`. */
function topGifterRank(badges: Obj[]): number | null {
  for (const badge of badges) {
    const urls = [
      isObject(badge.image) ? firstImageUrl(badge.image.image) : null,
      isObject(badge.combine) ? firstImageUrl(badge.combine.icon) : null,
    ];
    for (const url of urls) {
      const rank = url?.match(/ranklist_top_gifter_(\d+)/)?.[1];
      if (rank && Number(rank) > 0) return Number(rank);
    }
  }
  return null;
}

/** Which of our badges a TikTok badge scene shows. */
const SCENE_BADGE: Record<number, BadgeKind> = {
  [BADGE_SCENE.admin]: 'moderator',
  [BADGE_SCENE.subscriber]: 'subscriber',
  [BADGE_SCENE.newSubscriber]: 'subscriber',
  [BADGE_SCENE.rankList]: 'topGifter',
  [BADGE_SCENE.userGrade]: 'gifterLevel',
};

/**
 * TikTok's pictures of the badges in `roles`, one per kind: an image badge's picture, else a
 * combined badge's icon. A badge whose role is not set (an unranked rank list badge) is left out.
 */
function badgePictures(raw: Obj, roles: UserRoles): BadgePicture[] {
  const held: Record<BadgeKind, boolean> = {
    moderator: roles.moderator,
    subscriber: roles.subscriber,
    topGifter: roles.topGifterRank !== null,
    gifterLevel: roles.gifterLevel !== null,
  };
  const pictures: BadgePicture[] = [];
  for (const badge of listOf(raw.badgeList ?? raw.badges)) {
    const scene = badgeScene(badge);
    const kind = scene === null ? undefined : SCENE_BADGE[scene];
    if (!kind || !held[kind] || pictures.some((picture) => picture.kind === kind)) continue;
    const imageUrl = badgeImageUrl(badge);
    if (imageUrl) pictures.push({ kind, imageUrl });
  }
  return pictures;
}

function badgeImageUrl(badge: Obj): string | null {
  return (
    (isObject(badge.image) ? firstImageUrl(badge.image.image) : null) ??
    (isObject(badge.combine) ? firstImageUrl(badge.combine.icon) : null)
  );
}

function gifterLevel(raw: Obj, badges: Obj[]): number | null {
  const gradeBadge = badges.find((badge) => badgeScene(badge) === BADGE_SCENE.userGrade);
  const fromBadge = gradeBadge ? badgeLevel(gradeBadge) : null;
  if (fromBadge !== null) return fromBadge;
  const honor = raw.payGrade ?? raw.userHonor;
  const level = isObject(honor) ? Number(honor.level) : Number.NaN;
  return Number.isSafeInteger(level) && level > 0 ? level : null;
}
