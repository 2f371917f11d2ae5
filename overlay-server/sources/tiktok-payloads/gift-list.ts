/**
 * The room's gift list as tiktok-live-connector 2.5's `fetchAvailableGifts()` returns it
 * (TikTok's `webcast/gift/list/` answer, `data.gifts`: `{id, name, diamond_count, image:
 * {url_list}}` in snake case; camel case `urlList` and 2.0–2.2's `url` are read too) → gift
 * pictures by id. Entries without a numeric id or an http(s) picture are skipped, never an error.
 */
import type { GiftPicture } from '../../../shared/catalog/gift-pictures';
import { firstImageUrl, isObject } from './fields';

export function readGiftPictures(raw: unknown): GiftPicture[] {
  const list = Array.isArray(raw)
    ? raw
    : isObject(raw) && Array.isArray(raw.gifts)
      ? raw.gifts
      : [];
  const pictures: GiftPicture[] = [];
  for (const gift of list) {
    if (!isObject(gift)) continue;
    const giftId = Number(gift.id);
    if (!Number.isSafeInteger(giftId) || giftId <= 0) continue;
    const imageUrl = pictureOf(gift.image) ?? pictureOf(gift.icon);
    if (imageUrl) pictures.push({ giftId, imageUrl });
  }
  return pictures;
}

function pictureOf(image: unknown): string | null {
  if (!isObject(image)) return null;
  return firstImageUrl(Array.isArray(image.url_list) ? { urlList: image.url_list } : image);
}
