/**
 * Which payload shape a connector event has, told per line from the payload itself:
 *
 * - nested, 2.0–2.2: protobuf objects with `common`, `user.uniqueId`, `comment`, `giftDetails`,
 *   `likeCount`, `viewerCount`, `details.questionText`, `ranksList`, `anchorInfo`, `battleItems`;
 * - nested, 2.3+ (tiktok-live-proto v3): `user.displayId`, `content`, `gift`, `count`/`total`,
 *   `data.content`, `ranks`, `anchorsInfo`, `armies`, `deleteMsgIds`;
 * - flattened: connector 1.x and 2.x's `legacy` export copy `common` (and `common.displayText`)
 *   and the user onto the message: top-level `msgId`, `createTime`, `displayType`, `userId`,
 *   `uniqueId`, `nickname`, `profilePictureUrl`, `userBadges`, `giftName`, `questionText`, …
 *
 * Mappers need only nested vs flattened (where the user, header and gift details live); the
 * generation is told when the payload shows it, for the input summary.
 */
import { isObject, type Obj } from './fields';

export type PayloadShape = 'nested-2.0' | 'nested-2.3' | 'nested' | 'flat';

/** How the input summary names each shape. */
export const SHAPE_LABELS: Record<PayloadShape, string> = {
  'nested-2.0': 'nested 2.0–2.2',
  'nested-2.3': 'nested 2.3+',
  nested: 'nested (generation not shown)',
  flat: 'flattened (1.x / legacy)',
};

/** Keys only a flattened payload has at its top level (copied there from `common` or the user). */
const FLAT_KEYS = [
  'msgId',
  'displayType',
  'label',
  'userId',
  'uniqueId',
  'profilePictureUrl',
  'userBadges',
  'followRole',
  'isModerator',
  'giftName',
  'questionText',
  'topViewers',
  'battleUsers',
  'battleArmies',
  'emoteId',
  'canOpen',
  'actionId',
] as const;

const V2_KEYS = [
  'comment',
  'giftDetails',
  'likeCount',
  'totalLikeCount',
  'viewerCount',
  'details',
  'ranksList',
  'anchorInfo',
  'battleItems',
  'deleteMsgIdsList',
  'host',
] as const;
const V3_KEYS = ['ranks', 'anchorsInfo', 'deleteMsgIds', 'triggerReason'] as const;

export function detectShape(data: Obj): PayloadShape {
  if (!isObject(data.common) && FLAT_KEYS.some((key) => data[key] !== undefined)) return 'flat';
  const user = isObject(data.user) ? data.user : isObject(data.host) ? data.host : {};
  // Texts (banners, anonymous joins): 2.0–2.2 `{displayType, piecesList}`, 2.3+ `{key, pieces}`.
  const text = [data.content, data.enterText].find(isObject) ?? {};
  // Pictures: 2.0–2.2 `{url: []}`, 2.3+ `{urlList: []}`.
  const picture =
    [
      isObject(data.envelopeInfo) ? data.envelopeInfo.sendUserAvatar : undefined,
      data.contributorAvatar,
    ].find(isObject) ?? {};
  const v2 =
    V2_KEYS.some((key) => data[key] !== undefined) ||
    user.uniqueId !== undefined ||
    user.profilePicture !== undefined ||
    text.displayType !== undefined ||
    Array.isArray(picture.url);
  const v3 =
    text.key !== undefined ||
    Array.isArray(picture.urlList) ||
    V3_KEYS.some((key) => data[key] !== undefined) ||
    // Chat text, like and viewer counts; a barrage's `content` is a Text object in both.
    typeof data.content === 'string' ||
    typeof data.count === 'number' ||
    typeof data.total === 'string' ||
    (isObject(data.gift) && data.gift.name !== undefined) ||
    (isObject(data.data) && data.data.content !== undefined) ||
    user.displayId !== undefined ||
    user.avatarThumb !== undefined;
  if (v2 === v3) return 'nested';
  return v2 ? 'nested-2.0' : 'nested-2.3';
}

/** A message's own header, wherever its shape keeps it. */
export interface MessageHeader {
  /** `common` for nested payloads; the payload itself for flattened ones. */
  common: Obj;
  /** TikTok's display key (`displayText.key` in 2.3+, `displayText.displayType` in 2.0–2.2, `displayType`/`key` flattened), lower case; '' when absent. */
  displayKey: string;
}

export function messageHeader(data: Obj, shape: PayloadShape): MessageHeader {
  const common = shape === 'flat' ? data : isObject(data.common) ? data.common : {};
  const displayText =
    shape === 'flat' ? data : isObject(common.displayText) ? common.displayText : {};
  const key = displayText.key ?? displayText.displayType;
  return { common, displayKey: typeof key === 'string' ? key.toLowerCase() : '' };
}
