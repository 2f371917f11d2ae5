/**
 * A connector `gift` payload → the gift part of a `GiftEvent`.
 * 2.0–2.2: `giftId` number, `giftDetails.{giftName, giftType, diamondCount, giftImage.url[]}`.
 * 2.3+:    `giftId` string, `gift.{name, type, diamondCount, image.urlList[]}`, and with the
 *          connector's `enableExtendedGiftInfo` also `extendedGiftInfo.{name, diamond_count, …}`.
 * Flattened (1.x, 2.x `legacy`): the details at the top (`giftName`, `giftType`, `diamondCount`,
 *          `giftPictureUrl`), `repeatEnd` a boolean, `gift` only a compatibility copy
 *          `{gift_id, repeat_count, repeat_end, gift_type}`, the receiver as `receiverUserId`
 *          (2.3+ legacy keeps no details at all: the catalog names and prices the gift).
 * The event's own price and name win; the shared gift catalog (`resolveGiftInfo`) only fills what
 * the payload lacks (protobuf drops zero values, so a 0 price means "not sent").
 */
import { resolveGiftInfo } from '../../../shared/catalog/resolve-gift';
import type { GiftEventInput } from '../../../shared/events/gift';
import { STREAKABLE_GIFT_TYPE } from '../../../shared/events/gift';
import { type BodyResult, type MapContext, userIn } from './context';
import {
  at,
  type FieldPath,
  fail,
  firstImageUrl,
  isObject,
  type Obj,
  optionalCount,
  optionalFlag,
  optionalId,
  optionalObject,
  optionalString,
} from './fields';
import { mapUserName } from './user';

/** The type TikTok gives gifts that arrive once (anything but 1 behaves the same here). */
const SINGLE_GIFT_TYPE = 2;

type GiftFields = Omit<GiftEventInput, 'id' | 'source' | 'at' | 'kind'>;

export function mapGift(ctx: MapContext): BodyResult {
  return { body: { kind: 'gift', ...mapGiftFields(ctx) } };
}

function mapGiftFields(ctx: MapContext): GiftFields {
  const { data, where } = ctx;
  const user = userIn(ctx);
  const flat = ctx.shape === 'flat';
  const details = flat
    ? data
    : (optionalObject(data, 'gift', where) ?? optionalObject(data, 'giftDetails', where) ?? {});
  const detailsPath = flat ? where : at(where, isObject(data.gift) ? 'gift' : 'giftDetails');
  const compat = flat && isObject(data.gift) ? data.gift : {};
  const extended = optionalObject(data, 'extendedGiftInfo', where) ?? {};

  const idText = optionalId(data, 'giftId', where) ?? optionalId(details, 'id', detailsPath);
  const giftId = idText === undefined ? null : Number(idText);
  if (giftId !== null && !Number.isSafeInteger(giftId)) {
    fail(at(where, 'giftId'), `expected a numeric gift id, got ${JSON.stringify(idText)}`);
  }
  const ownName =
    optionalString(details, 'name', detailsPath) ??
    optionalString(details, 'giftName', detailsPath) ??
    optionalString(extended, 'name', at(where, 'extendedGiftInfo'));
  const ownCoins =
    positive(optionalCount(details, 'diamondCount', detailsPath)) ??
    positive(optionalCount(extended, 'diamond_count', at(where, 'extendedGiftInfo')));
  const ownType =
    positive(optionalCount(details, 'type', detailsPath)) ??
    positive(optionalCount(details, 'giftType', detailsPath)) ??
    positive(optionalCount(compat, 'gift_type', at(where, 'gift'))) ??
    positive(optionalCount(extended, 'type', at(where, 'extendedGiftInfo')));
  const ownImageUrl =
    firstImageUrl(details.image) ??
    firstImageUrl(details.giftImage) ??
    (flat ? pictureUrl(data.giftPictureUrl) : null) ??
    firstImageUrl(isObject(extended.image) ? { urlList: extended.image.url_list } : undefined);
  const imageUrl = ownImageUrl ?? ctx.giftPicture?.(giftId) ?? null;
  const combo = optionalFlag(details, 'combo', detailsPath);
  const resolved = resolveGiftInfo({
    id: giftId,
    name: ownName ?? null,
    coins: ownCoins ?? null,
    type: ownType ?? (combo ? STREAKABLE_GIFT_TYPE : null),
    imageUrl,
  });
  const coins =
    resolved.coins ??
    fail(
      at(detailsPath, 'diamondCount'),
      `missing and gift ${giftId ?? resolved.name} is not in the catalog`,
    );
  const type =
    resolved.type ??
    (resolved.streakable === true ? STREAKABLE_GIFT_TYPE : undefined) ??
    (resolved.streakable === false ? SINGLE_GIFT_TYPE : undefined) ??
    fail(at(detailsPath, 'type'), 'missing and not in the catalog');

  const streaks = type === STREAKABLE_GIFT_TYPE;
  return {
    user,
    gift: { id: resolved.id, name: resolved.name, coins, type, imageUrl },
    repeatCount: Math.max(1, optionalCount(data, 'repeatCount', where) ?? 1),
    // Only type 1 streaks; every other gift arrives once and is final on arrival.
    repeatEnd: streaks ? (optionalFlag(data, 'repeatEnd', where) ?? false) : true,
    groupId: optionalString(data, 'groupId', where) ?? '',
    toUser: mapReceiver(data, where, ctx.hostUserId),
  };
}

const pictureUrl = (value: unknown): string | null =>
  typeof value === 'string' && /^https?:\/\//.test(value) && value.length <= 2048 ? value : null;

function mapReceiver(data: Obj, where: FieldPath, hostUserId: string) {
  const raw = optionalObject(data, 'toUser', where);
  if (!raw) {
    // Flattened payloads name the receiver by id only (`receiverUserId`, the host on ordinary
    // gifts). Only when the host's id is known can a different receiver be told to be a guest.
    const receiverId = optionalId(data, 'receiverUserId', where);
    if (!receiverId || !hostUserId || receiverId === hostUserId) return null;
    return { id: receiverId, handle: receiverId, nickname: receiverId };
  }
  const hasId = raw.idStr ?? raw.userId ?? raw.id;
  if (hasId === undefined || hasId === '' || hasId === '0' || hasId === 0) return null;
  const receiver = mapUserName(raw, at(where, 'toUser'));
  return receiver.id === hostUserId ? null : receiver;
}

const positive = (n: number | undefined): number | undefined => (n ? n : undefined);
