/**
 * A connector `gift` payload → the gift part of a `GiftEvent`.
 * 2.0–2.2: `giftId` number, `giftDetails.{giftName, giftType, diamondCount, giftImage.url[]}`.
 * 2.3+:    `giftId` string, `gift.{name, type, diamondCount, image.urlList[]}`, and with the
 *          connector's `enableExtendedGiftInfo` also `extendedGiftInfo.{name, diamond_count, …}`.
 * The event's own price and name win; the shared gift catalog (`resolveGiftInfo`) only fills what
 * the payload lacks (protobuf drops zero values, so a 0 price means "not sent").
 */
import { resolveGiftInfo } from '../../../shared/catalog/resolve-gift';
import type { GiftEventInput } from '../../../shared/events/gift';
import { STREAKABLE_GIFT_TYPE } from '../../../shared/events/gift';
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
import { mapUser, mapUserName } from './user';

/** The type TikTok gives gifts that arrive once (anything but 1 behaves the same here). */
const SINGLE_GIFT_TYPE = 2;

export interface GiftMappingContext {
  /** The host's user id: a `toUser` naming the host is a gift to the host, not to a guest. */
  hostUserId?: string;
  /** A gift's picture from the room's gift list, for payloads that carry none. */
  giftPicture?: (giftId: number | null) => string | null;
}

type GiftFields = Omit<GiftEventInput, 'id' | 'source' | 'at' | 'kind'>;

export function mapGiftFields(data: Obj, where: FieldPath, ctx: GiftMappingContext): GiftFields {
  const user = mapUser(requireUser(data, where), at(where, 'user'), data.userIdentity);
  const details =
    optionalObject(data, 'gift', where) ?? optionalObject(data, 'giftDetails', where) ?? {};
  const detailsPath = at(where, isObject(data.gift) ? 'gift' : 'giftDetails');
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
    positive(optionalCount(extended, 'type', at(where, 'extendedGiftInfo')));
  const ownImageUrl =
    firstImageUrl(details.image) ??
    firstImageUrl(details.giftImage) ??
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

function requireUser(data: Obj, where: FieldPath): Obj {
  const user = optionalObject(data, 'user', where);
  return user ?? fail(at(where, 'user'), 'missing');
}

function mapReceiver(data: Obj, where: FieldPath, hostUserId: string | undefined) {
  const raw = optionalObject(data, 'toUser', where);
  if (!raw) return null;
  const hasId = raw.idStr ?? raw.userId ?? raw.id;
  if (hasId === undefined || hasId === '' || hasId === '0' || hasId === 0) return null;
  const receiver = mapUserName(raw, at(where, 'toUser'));
  return receiver.id === hostUserId ? null : receiver;
}

const positive = (n: number | undefined): number | undefined => (n ? n : undefined);
