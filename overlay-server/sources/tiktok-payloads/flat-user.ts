/**
 * The user attributes of a flattened payload (connector 1.x, and the 2.x `legacy` export): the
 * library copied the user onto the message and summed up its badges itself — `isModerator`,
 * `isSubscriber`, `topGifterRank`, `gifterLevel`, `followRole`, `profilePictureUrl` and
 * `userBadges` (`{type: 'pm_mt_moderator_im'}`, `{type: 'image', badgeSceneType, url}`,
 * `{type: 'privilege', level, badgeSceneType}`), plus `userSceneTypes` in 2.x.
 */
import type { BadgePicture, UserRoles } from '../../../shared/events/user';
import { isObject, type Obj } from './fields';

/** True when `raw` carries a flattened user (its id or handle at the top). */
export const hasFlatUser = (raw: Obj): boolean =>
  raw.userId !== undefined || raw.uniqueId !== undefined;

/** `profilePictureUrl`, else the first of `userDetails.profilePictureUrls`. */
export function flatAvatar(raw: Obj): string | null {
  const details = isObject(raw.userDetails) ? raw.userDetails : {};
  const list = Array.isArray(details.profilePictureUrls) ? details.profilePictureUrls : [];
  for (const url of [raw.profilePictureUrl, details.profilePictureUrls, ...list]) {
    if (typeof url === 'string' && /^https?:\/\//.test(url) && url.length <= 2048) return url;
  }
  return null;
}

const badgesOf = (raw: Obj): Obj[] =>
  Array.isArray(raw.userBadges) ? raw.userBadges.filter(isObject) : [];

const scenesOf = (raw: Obj): number[] => [
  ...badgesOf(raw).map((badge) => Number(badge.badgeSceneType)),
  ...(Array.isArray(raw.userSceneTypes) ? raw.userSceneTypes.map(Number) : []),
];

const text = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : '');

/** The roles a flattened user states; merged (or) with what the nested readers found. */
export function flatRoles(raw: Obj): UserRoles {
  const badges = badgesOf(raw);
  const scenes = scenesOf(raw);
  return {
    // badgeSceneType 1 is TikTok's admin (moderator) scene; 4 and 7 its subscriber scenes.
    moderator:
      raw.isModerator === true ||
      badges.some((badge) => text(badge.type).includes('moderator')) ||
      scenes.includes(1),
    subscriber:
      raw.isSubscriber === true ||
      badges.some((badge) => text(badge.url).includes('/sub_')) ||
      scenes.includes(4) ||
      scenes.includes(7),
    follower: ['1', '2'].includes(String(raw.followRole ?? '0')),
    topGifterRank: positive(raw.topGifterRank) ?? rankFromBadges(badges),
    gifterLevel:
      positive(raw.gifterLevel) ??
      positive(badges.find((badge) => Number(badge.badgeSceneType) === 8)?.level),
  };
}

/** Image badges' pictures for the roles held (1.x image badges carry `url` as a string). */
export function flatBadgePictures(raw: Obj, roles: UserRoles): BadgePicture[] {
  const pictures: BadgePicture[] = [];
  for (const badge of badgesOf(raw)) {
    const url = typeof badge.url === 'string' ? badge.url : null;
    if (!url || !/^https?:\/\//.test(url) || url.length > 2048) continue;
    const kind = url.includes('ranklist_top_gifter_')
      ? roles.topGifterRank !== null && 'topGifter'
      : text(url).includes('/sub_') && roles.subscriber && 'subscriber';
    if (kind && !pictures.some((picture) => picture.kind === kind)) {
      pictures.push({ kind, imageUrl: url });
    }
  }
  return pictures;
}

function rankFromBadges(badges: Obj[]): number | null {
  for (const badge of badges) {
    const rank = typeof badge.url === 'string' && badge.url.match(/ranklist_top_gifter_(\d+)/)?.[1];
    if (rank && Number(rank) > 0) return Number(rank);
  }
  return null;
}

function positive(value: unknown): number | null {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}
